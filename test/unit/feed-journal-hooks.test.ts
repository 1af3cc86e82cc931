import { PAUSE_HOOK, refuseTestHooksInProduction } from '../../subgraphs/kit/src/ingest/feedJournal';

/** The feed journal's fault hook exists for the fault suite only: production refuses to start with it. */

it('a subgraph refuses to start in production with the test-only fault hook set, naming it', () => {
  expect(() => refuseTestHooksInProduction({ NODE_ENV: 'production', [PAUSE_HOOK]: '1000' })).toThrow(`${PAUSE_HOOK} is a test-only fault hook`);
  expect(() => refuseTestHooksInProduction({ NODE_ENV: 'production' })).not.toThrow();
  expect(() => refuseTestHooksInProduction({ NODE_ENV: 'test', [PAUSE_HOOK]: '1000' })).not.toThrow();
});
