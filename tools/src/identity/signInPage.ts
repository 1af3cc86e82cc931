import express, { type Request, type Response, Router } from 'express';
import type Provider from 'oidc-provider';
import { demoUsers, type DemoUser } from '../demo/users';
import { rolesOf } from './claims';
import type { LaunchContext, LaunchContexts } from './launchContext';

/**
 * The sign-in page, as a smartcard user meets it: pick who you are (a demo user stands in for the
 * card), then, if you hold several roles, which role this session is in. Plain HTML forms, so
 * keyboard use and screen readers work without script.
 */

type Grantor = (params: Record<string, unknown>, userId: string, roleId: string, launch?: LaunchContext) => Promise<string>;

export const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – ShareforYou sign-in (development)</title>
<style>
  body { font-family: Arial, sans-serif; margin: 0; color: #212b32; background: #f0f4f5; font-size: 1.1875rem; line-height: 1.5; }
  header { background: #005eb8; color: #fff; padding: 16px 24px; font-weight: bold; }
  main { max-width: 720px; margin: 24px auto; background: #fff; padding: 24px 32px; }
  h1 { font-size: 2rem; margin-top: 0; }
  fieldset { border: 0; padding: 0; margin: 0 0 24px; }
  legend { font-weight: bold; margin-bottom: 12px; }
  .choice { display: flex; gap: 12px; align-items: flex-start; padding: 8px 0; border-bottom: 1px solid #d8dde0; }
  .choice input { width: 24px; height: 24px; margin-top: 4px; flex-shrink: 0; }
  .hint { color: #4c6272; display: block; font-size: 1rem; }
  button { background: #007f3b; color: #fff; border: 0; border-bottom: 4px solid #00401e; padding: 12px 20px; font-size: 1.1875rem; font-weight: bold; cursor: pointer; }
  button.secondary { background: #4c6272; border-bottom-color: #263139; }
  button:focus, input:focus, select:focus { outline: 4px solid #ffeb3b; outline-offset: 0; box-shadow: 0 4px 0 #212b32; }
  label.field { display: block; font-weight: bold; margin-bottom: 8px; }
  select, input[type=text] { font-size: 1.1875rem; padding: 8px; border: 2px solid #4c6272; min-width: 320px; margin-bottom: 24px; }
  .warning { background: #fff9c4; border-left: 8px solid #ffeb3b; padding: 8px 16px; margin-bottom: 16px; }
</style></head>
<body><header>ShareforYou Care Record · NHS CIS2 stand-in (development only)</header>
<main id="main-content">${body}</main></body></html>`;
}

function choosePerson(uid: string): string {
  const choices = demoUsers
    .map(
      (u, i) => `<div class="choice"><input type="radio" id="user-${escape(u.key)}" name="user" value="${escape(u.userId)}"${i === 0 ? ' checked' : ''}>
<label for="user-${escape(u.key)}">${escape(u.name)}<span class="hint">${escape(u.describes)}${u.otherRoles?.length ? ` · ${rolesOf(u).length} roles` : ''}</span></label></div>`,
    )
    .join('\n');
  return page(
    'Who are you?',
    `<h1>Sign in</h1><p class="warning">Development sign-in: demo users stand in for NHS smartcards. Production signs in with NHS CIS2.</p>
<form method="post" action="/interaction/${escape(uid)}/user"><fieldset><legend>Who are you?</legend>${choices}</fieldset>
<button type="submit">Continue</button></form>`,
  );
}

function chooseRole(uid: string, user: DemoUser): string {
  const choices = rolesOf(user)
    .map(
      (r, i) => `<div class="choice"><input type="radio" id="${escape(r.roleId)}" name="role" value="${escape(r.roleId)}"${i === 0 ? ' checked' : ''}>
<label for="${escape(r.roleId)}">${escape(r.roleName)}<span class="hint">${escape(r.jobRole)} at ${escape(r.odsCode)}</span></label></div>`,
    )
    .join('\n');
  return page(
    'Select your role',
    `<h1>Select your role</h1><p>${escape(user.name)}, you hold more than one role. Choose the one you are working in now.</p>
<form method="post" action="/interaction/${escape(uid)}/role"><input type="hidden" name="user" value="${escape(user.userId)}">
<fieldset><legend>Your role for this session</legend>${choices}</fieldset><button type="submit">Sign in</button></form>`,
  );
}

export function signInRoutes(provider: Provider, grant: Grantor, clientOrigins: string[], launches: LaunchContexts): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const send = (res: Response, status: number, html: string) => {
    // form-action covers the redirects after the form too: back to the client that asked.
    const policy = `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${clientOrigins.join(' ')}; frame-ancestors 'none'`;
    res.status(status).set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': policy }).send(html);
  };
  const finish = async (req: Request, res: Response, userId: string, roleId: string, launch?: LaunchContext) => {
    const details = await provider.interactionDetails(req, res);
    const grantId = await grant(details.params, userId, roleId, launch);
    await provider.interactionFinished(req, res, { login: { accountId: userId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  };
  const fail = (res: Response, error: unknown) =>
    send(res, 400, page('Sign-in failed', `<h1>Sign-in failed</h1><p>${escape((error as Error).message)}. Start again from the application.</p>`));

  router.get('/interaction/:uid', async (req, res) => {
    try {
      const details = await provider.interactionDetails(req, res);
      // An EHR launch: the clinical system's own session (the smartcard) stands for the sign-in.
      if (details.params.launch !== undefined) {
        const launch = launches.take(details.params.launch);
        if (!launch) throw new Error('This launch is unknown, used or expired (a launch lasts five minutes and opens once): open the record again from your clinical system');
        await finish(req, res, launch.userId, launch.roleId, launch);
        return;
      }
      send(res, 200, choosePerson(details.uid));
    } catch (error) {
      fail(res, error);
    }
  });
  router.post('/interaction/:uid/user', form, async (req, res) => {
    try {
      const user = demoUsers.find((u) => u.userId === req.body?.user);
      if (!user) throw new Error('Choose who you are');
      const roles = rolesOf(user);
      if (roles.length > 1) send(res, 200, chooseRole(req.params.uid, user));
      else await finish(req, res, user.userId, roles[0].roleId);
    } catch (error) {
      fail(res, error);
    }
  });
  router.post('/interaction/:uid/role', form, async (req, res) => {
    try {
      const user = demoUsers.find((u) => u.userId === req.body?.user);
      const role = user && rolesOf(user).find((r) => r.roleId === req.body?.role);
      if (!user || !role) throw new Error('Choose one of your roles');
      await finish(req, res, user.userId, role.roleId);
    } catch (error) {
      fail(res, error);
    }
  });
  return router;
}
