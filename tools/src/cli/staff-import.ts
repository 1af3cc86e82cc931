import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { ensureLocalSecrets, signSystemToken } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';

const USAGE = `npm run staff:import -- --org <ODS> --file <staff.csv|staff.json> [--token <system token>]

Sends one organisation's staff list (an HR/ESR export) to the audit service's staff directory, which
the monitoring matches against the patient index (own record, same address). The list is a snapshot:
staff not in it are removed for that organisation. A bad row refuses the whole list.

  CSV columns (header row): staffId,givenName,familyName,addressLine1,addressLine2,postcode,nhsNumber
    staffId is the identity-provider id the member of staff signs in with; nhsNumber may be empty.
  JSON: { "staff": [ { "staffId", "givenName", "familyName", "addressLines": [..], "postcode", "nhsNumber" } ] }

  --token      the HR feed's system token (or STAFF_FEED_TOKEN); locally one is signed for --org
  --url        the staff feed (default: the local audit service's /staff-feed)`;

const { values } = parseArgs({
  options: { org: { type: 'string' }, file: { type: 'string' }, token: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean' } },
});

function staffFrom(path: string): unknown[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) return (JSON.parse(text) as { staff: unknown[] }).staff;
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  return rows.map((row) => ({
    staffId: row.staffId,
    givenName: row.givenName,
    familyName: row.familyName,
    addressLines: [row.addressLine1, row.addressLine2].filter(Boolean),
    postcode: row.postcode,
    nhsNumber: row.nhsNumber || null,
  }));
}

async function main(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.org || !values.file) {
    console.error(USAGE);
    return 2;
  }
  let staff: unknown[];
  try {
    staff = staffFrom(values.file);
  } catch (error) {
    console.error(`Could not read ${values.file}: ${(error as Error).message}`);
    return 2;
  }
  const token = values.token ?? process.env.STAFF_FEED_TOKEN ?? (ensureLocalSecrets(), signSystemToken(values.org.toUpperCase()));
  const url = values.url ?? subgraphUrl('audit').replace(/\/graphql$/, '/staff-feed');
  console.error(`Sending ${staff.length} staff for ${values.org.toUpperCase()} to ${url} ...`);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ staff }) });
  } catch {
    console.error(`The audit service did not answer at ${url}: is the stack running (npm start)?`);
    return 1;
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string; staff?: number; removed?: number };
  if (!response.ok) {
    console.error(`Refused (${response.status}): ${body.error ?? 'no reason given'}`);
    return 1;
  }
  console.log(`Staff directory for ${values.org.toUpperCase()}: ${body.staff} staff, ${body.removed} removed.`);
  return 0;
}

main().then((code) => process.exit(code));
