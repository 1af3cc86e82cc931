import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throwaway kind of organisation (a hospice), added to a copy of the repository exactly as the
 * README's "Adding an organisation" says a person would: one folder, its SDL, its policy rows, one
 * row in the kinds table and one line in the service list. Nothing else is edited; the check
 * (npm run check:new-organisation) proves the rest follows.
 */

export const HOSPICE = { subgraph: 'hospice', kind: 'hospice', odsCode: 'HSP01', name: 'Bury Hospice', offset: 12 } as const;

const files: Record<string, string> = {
  'subgraphs/hospice/package.json': `${JSON.stringify({ name: '@shareforyou/subgraph-hospice', version: '0.1.0', private: true, main: 'src/index.ts' }, null, 2)}\n`,
  'subgraphs/hospice/src/panels.ts': "export const hospicePanels = { carePlans: 'hospiceCarePlans' } as const;\n",
  'subgraphs/hospice/src/resolvers.ts': `import { activeFirst, newestFirst, panelList } from '@shareforyou/kit';
import { hospicePanels } from './panels';

export const hospiceResolvers = {
  Patient: { hospiceCarePlans: panelList(hospicePanels.carePlans, activeFirst('status', 'active', newestFirst('start'))) },
};
`,
  'subgraphs/hospice/src/feed.ts': `import { dateOf, FHIR_STATUS, oneOf, required, textOf, type SliceFeed } from '@shareforyou/kit';
import { hospicePanels } from './panels';

export const hospiceFeed: SliceFeed = {
  resources: {
    CarePlan: (r: fhir4.CarePlan) => ({
      panel: hospicePanels.carePlans,
      fields: {
        title: textOf(required(r.title, 'CarePlan.title'), 200),
        status: oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status'),
        start: dateOf(r.period?.start, 'CarePlan.period.start'),
      },
    }),
  },
};
`,
  'subgraphs/hospice/src/index.ts': `import { organisationSubgraph } from '@shareforyou/kit';
import { hospiceFeed } from './feed';
import { hospiceResolvers } from './resolvers';

export default organisationSubgraph({ name: 'hospice', resolvers: hospiceResolvers, feed: hospiceFeed });
`,
  'schema/hospice.graphql': `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

"""The hospice's slice of the record."""
type Patient @key(fields: "nhsNumber") {
  nhsNumber: String!
  "Hospice care plans, active ones first"
  hospiceCarePlans: [HospiceCarePlan!]
  "As of when the hospice record is current for this patient"
  hospiceSource: SourceFreshness
}

"""A hospice care plan."""
type HospiceCarePlan {
  id: ID!
  title: String!
  status: String!
  start: String!
  provenance: Provenance!
}
`,
};

/** Applies the edits a person makes to add the hospice kind, in the repository at `root`. */
export function addThrowawayKind(root: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  appendFileSync(
    join(root, 'schema/organisation-kinds.yaml'),
    '\nhospice:\n  label: Hospice\n  subgraph: hospice\n  relationships:\n    - event: EpisodeOfCare\n      relationship: referral\n      followUpDays: 0\n      openWhileOngoing: true\n',
  );
  const policyPath = join(root, 'schema/policy.yaml');
  const policy = readFileSync(policyPath, 'utf8')
    .replace(/\n  Patient:\n/, '\n  Patient:\n    hospiceCarePlans: communityCare\n    hospiceSource: sourceStatus\n')
    .replace(/\n  # --- community\n/, '\n  # --- community\n  HospiceCarePlan: inherit\n');
  writeFileSync(policyPath, policy);
  const servicesPath = join(root, 'schema/src/services.ts');
  writeFileSync(
    servicesPath,
    readFileSync(servicesPath, 'utf8').replace(
      /\n\];\n/,
      `\n  { name: '${HOSPICE.subgraph}', offset: ${HOSPICE.offset}, holds: 'hospice record: care plans' },\n];\n`,
    ),
  );
}
