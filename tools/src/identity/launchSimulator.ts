import express, { Router } from 'express';
import { isValidNhsNumber } from '@shareforyou/kit';
import { demoUsers } from '../demo/users';
import { demoPatients } from '../synthetic';
import { rolesOf } from './claims';
import type { LaunchContexts } from './launchContext';
import { escape, page } from './signInPage';

/**
 * The launch simulator (development only): plays the clinician's own clinical system (EMIS Web,
 * SystmOne, an EPR) for a SMART on FHIR EHR launch. Choose who is signed in there, in which role,
 * and which patient is open; "Open the shared record" sends the browser to the viewer's launch URL
 * (`<viewer>/launch?iss=<FHIR base>&launch=<opaque>`), as the clinical system's button would.
 */

export interface LaunchTarget {
  /** The viewer's origin: its /launch page is the SMART launch URL. */
  viewerOrigin: string;
  /** The care record's FHIR base, sent as `iss`. */
  fhirBase: string;
}

function simulatorPage(error?: string): string {
  const roles = demoUsers
    .flatMap((u) => rolesOf(u).map((r) => ({ user: u, role: r })))
    .map(
      ({ user, role }, i) => `<div class="choice"><input type="radio" id="as-${escape(role.roleId)}" name="as" value="${escape(`${user.userId} ${role.roleId}`)}"${i === 0 ? ' checked' : ''}>
<label for="as-${escape(role.roleId)}">${escape(user.name)}<span class="hint">${escape(role.roleName)} at ${escape(role.odsCode)} · ${escape(user.describes)}</span></label></div>`,
    )
    .join('\n');
  const patients = demoPatients.map((p) => `<option value="${escape(p.nhsNumber)}">${escape(p.name)} (NHS number ${escape(p.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3'))})</option>`).join('');
  return page(
    'Launch from a clinical system',
    `<h1>Launch from a clinical system</h1>
<p class="warning">Development only: this page plays the clinician's own clinical system, which opens the shared record with the patient already chosen (SMART on FHIR EHR launch).</p>
${error ? `<div class="warning" role="alert"><strong>There is a problem</strong><p>${escape(error)}</p></div>` : ''}
<form method="post" action="/launch-simulator">
<fieldset><legend>Signed in to the clinical system as</legend>${roles}</fieldset>
<label class="field" for="patient">Patient open in the clinical system</label>
<select id="patient" name="patient">${patients}</select>
<label class="field" for="other">Or another NHS number (optional)</label>
<input type="text" id="other" name="other" inputmode="numeric" autocomplete="off" spellcheck="false">
<div><button type="submit">Open the shared record</button></div></form>`,
  );
}

export function launchSimulatorRoutes(launches: LaunchContexts, target: LaunchTarget): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const send = (res: express.Response, status: number, html: string) =>
    res
      .status(status)
      .set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${target.viewerOrigin}; frame-ancestors 'none'` })
      .send(html);

  router.get('/launch-simulator', (_req, res) => send(res, 200, simulatorPage()));
  router.post('/launch-simulator', form, (req, res) => {
    const [userId, roleId] = String(req.body?.as ?? '').split(' ');
    const user = demoUsers.find((u) => u.userId === userId);
    if (!user || !rolesOf(user).some((r) => r.roleId === roleId)) {
      send(res, 400, simulatorPage('Choose who is signed in to the clinical system.'));
      return;
    }
    const other = String(req.body?.other ?? '').replace(/\s/g, '');
    const patient = other || String(req.body?.patient ?? '');
    if (!isValidNhsNumber(patient)) {
      send(res, 400, simulatorPage('Enter a valid NHS number: 10 digits with a valid check digit.'));
      return;
    }
    const launch = launches.create({ userId, roleId, patient });
    const url = new URL('/launch', target.viewerOrigin);
    url.search = new URLSearchParams({ iss: target.fhirBase, launch }).toString();
    res.redirect(303, url.toString());
  });
  return router;
}
