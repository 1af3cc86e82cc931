import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindsHeldBy, loadOrganisationKinds, loadSubgraphSdl, SCHEMA_DIR, sourceFieldName, subgraphServices } from '@shareforyou/schema';
import type { SubgraphDefinition } from '../../subgraphs/kit/src/server';

/**
 * The service list (schema/src/services.ts) is the one list of subgraphs: folders, packages,
 * workspaces, the image, compose and the kinds table follow from it or are checked against it here.
 */

const ROOT = join(SCHEMA_DIR, '..');
const names = subgraphServices.map((s) => s.name);
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const definitionOf = (name: string) => (require(`@shareforyou/subgraph-${name}`) as { default: SubgraphDefinition<unknown> }).default;

describe('one list of subgraphs', () => {
  it('every folder under subgraphs/ (but the kit) is on the service list, and every service has its folder', () => {
    const folders = readdirSync(join(ROOT, 'subgraphs'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'kit').map((d) => d.name);
    expect(folders.sort()).toEqual([...names].sort());
  });

  it.each(names)('%s: package @shareforyou/subgraph-<name> exporting its definition, and its SDL in schema/', (name) => {
    const pkg = JSON.parse(read(`subgraphs/${name}/package.json`)) as { name: string; main: string };
    expect(pkg).toMatchObject({ name: `@shareforyou/subgraph-${name}`, main: 'src/index.ts' });
    expect(existsSync(join(SCHEMA_DIR, `${name}.graphql`))).toBe(true);
    expect(definitionOf(name).name).toBe(name);
  });

  it('the workspaces include every subgraph folder', () => {
    const { workspaces } = JSON.parse(read('package.json')) as { workspaces: string[] };
    for (const name of [...names, 'kit']) expect(workspaces.includes(`subgraphs/${name}`) || workspaces.includes('subgraphs/*')).toBe(true);
  });

  it('the image installs every workspace (a new subgraph missing from the Dockerfile fails here)', () => {
    const dockerfile = read('Dockerfile');
    for (const name of [...names, 'kit']) expect(dockerfile).toContain(`subgraphs/${name}/package.json`);
  });

  it('docker-compose runs exactly the subgraphs of the service list', () => {
    const composed = [...read('docker-compose.yml').matchAll(/^ {2}subgraph-([a-z-]+):/gm)].map((m) => m[1]).sort();
    expect(composed).toEqual([...names].sort());
  });
});

describe('organisation subgraphs and the kinds table', () => {
  const organisationSubgraphs = names.filter((name) => definitionOf(name).holdsPatientSlices);

  it('a subgraph holds patient slices exactly when a kind of organisation feeds it', () => {
    expect(organisationSubgraphs.sort()).toEqual(names.filter((name) => kindsHeldBy(name).length > 0).sort());
    expect(organisationSubgraphs.length).toBeGreaterThanOrEqual(5);
  });

  it.each(organisationSubgraphs)('%s: has a feed, and its SDL shows how current it is (Patient.<name>Source)', (name) => {
    expect(definitionOf(name).feed).toBeDefined();
    expect(loadSubgraphSdl(name)).toMatch(new RegExp(`\\b${sourceFieldName(name)}: SourceFreshness`));
  });

  it('every kind with relationships names a subgraph on the service list', () => {
    for (const [kind, definition] of Object.entries(loadOrganisationKinds())) {
      if (definition.relationships.length) expect({ kind, subgraph: names.includes(definition.subgraph ?? '') }).toEqual({ kind, subgraph: true });
    }
  });
});
