import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { gatewayPort } from '@shareforyou/schema';
import { userToken } from '../demo/tokens';
import { findDemoUser } from '../demo/users';

const USAGE = `npm run audit:pack -- --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--out <folder>] [--gateway <url>] [--token <token>]

The monthly monitoring pack: every monitoring report for the period, the break-glass reviews (open
and closed), and the access log under break-glass and of refusals, as CSV files in one folder with
a summary (README.txt). Fetched through the gateway as a privacy officer (TOKEN or --token; locally,
without one, the demo privacy officer), so each export is recorded in the audit trail.

  --from/--to  the period (from inclusive, to exclusive), at most 366 days
  --out        the folder (default: monitoring-pack-<from>-<to> here)
  --gateway    the gateway (default: http://127.0.0.1:<port base>)`;

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, gateway: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean' } },
});

/** What the pack holds: file, view, arguments beyond the period, and what it is, for the summary. */
const PACK: Array<{ file: string; view: string; args?: Record<string, string>; about: string }> = [
  { file: 'break-glass-review-queue.csv', view: 'breakGlassReviewQueue', about: 'Break-glass declarations waiting for review' },
  { file: 'break-glass-review-history.csv', view: 'breakGlassReviewHistory', about: 'Break-glass declarations whose review closed them' },
  { file: 'monitoring-findings.csv', view: 'monitoringFindings', about: 'Own record, same address and same surname, found by the monitoring' },
  { file: 'own-record-access.csv', view: 'ownRecordAccess', about: 'Looks along SELF links recorded by the privacy office' },
  { file: 'shared-surname-or-address-access.csv', view: 'sharedSurnameOrAddressAccess', about: 'Looks along FAMILY or NEIGHBOUR links recorded by the privacy office' },
  { file: 'unusual-volume.csv', view: 'unusualVolume', about: 'Users who looked at more than 50 different patients' },
  { file: 'out-of-hours-access.csv', view: 'outOfHoursAccess', about: 'Looks between 20:00 and 07:00 or at weekends (England)' },
  { file: 'access-log-break-glass.csv', view: 'accessLog', args: { breakGlass: 'true' }, about: 'Every event under break-glass' },
  { file: 'access-log-denied.csv', view: 'accessLog', args: { denied: 'true' }, about: 'Every event with a refusal' },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function main(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.from || !values.to || !DATE.test(values.from) || !DATE.test(values.to)) {
    console.error(`--from and --to are required, as YYYY-MM-DD.\n\n${USAGE}`);
    return 2;
  }
  const token = values.token ?? process.env.TOKEN ?? userToken(findDemoUser('privacy-officer'));
  const gateway = (values.gateway ?? `http://127.0.0.1:${gatewayPort()}`).replace(/\/graphql$/, '').replace(/\/$/, '');
  const out = resolve(values.out ?? `monitoring-pack-${values.from}-${values.to}`);
  mkdirSync(out, { recursive: true });
  const summary: string[] = [];
  for (const [index, part] of PACK.entries()) {
    const url = `${gateway}/audit/export/${part.view}.csv?${new URLSearchParams({ from: values.from, to: values.to, ...part.args })}`;
    process.stderr.write(`[${index + 1}/${PACK.length}] ${part.file} ... `);
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollographql-client-name': 'audit-pack' } });
    } catch {
      console.error(`\nThe gateway did not answer at ${gateway}: is the stack running (npm start)?`);
      return 1;
    }
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ message: string }> };
      console.error(`\nRefused (${response.status}): ${body.errors?.[0]?.message ?? 'no reason given'}`);
      return 1;
    }
    const path = join(out, part.file);
    await pipeline(Readable.fromWeb(response.body as never), createWriteStream(path));
    const rows = Math.max(0, readFileSync(path, 'utf8').split('\n').filter(Boolean).length - 1);
    process.stderr.write(`${rows} rows\n`);
    summary.push(`${part.file.padEnd(40)} ${String(rows).padStart(7)} rows  ${part.about}`);
  }
  writeFileSync(
    join(out, 'README.txt'),
    `ShareforYou Care Record: monitoring pack\nPeriod: ${values.from} (inclusive) to ${values.to} (exclusive)\nProduced: ${new Date().toISOString()}\n\n${summary.join('\n')}\n\n` +
      'Each file is one report or log view as the privacy console shows it. Producing this pack is recorded in the audit trail.\n',
  );
  console.log(`Monitoring pack written to ${out}`);
  return 0;
}

main().then((code) => process.exit(code));
