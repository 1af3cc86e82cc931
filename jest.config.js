/**
 * One `npm test`, three tiers (DESIGN.md "Tests"), each a jest project:
 *   unit         test/unit: pure functions, no database, no services (milliseconds)
 *   integration  test/integration: the real database (a local FerretDB of its own, or MONGODB_URI), no services
 *   e2e          test/e2e: the real stack over HTTP, started once in its globalSetup; with it,
 *                test/fault: the fault suite (sources hung, killed and restarted, the database paused)
 *                on spare processes beside that stack (docs/reliability.md)
 * `npm run test:unit` (and :integration, :e2e) runs one tier; a tier's setup runs only when one of
 * its tests does.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }] };
const tier = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: [`<rootDir>/test/${name}`],
  testMatch: ['**/*.test.ts'],
  transform,
  // Which tier a test runs in, for test/support (the integration tier has a database of its own).
  globals: { SHAREFORYOU_TIER: name },
  ...extra,
});

module.exports = {
  projects: [
    tier('unit'),
    tier('integration', {
      globalSetup: '<rootDir>/test/support/databaseSetup.ts',
      globalTeardown: '<rootDir>/test/support/databaseTeardown.ts',
    }),
    tier('e2e', {
      roots: ['<rootDir>/test/e2e', '<rootDir>/test/fault'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    }),
  ],
  // Global, not per project (jest reads it only here): room for the stack tier's slowest test.
  testTimeout: 60_000,
  maxWorkers: 1,
  // A child process a failed test left behind must not hold the run open until CI gives up; the
  // stack tools kill what they started when the runner exits (tools/src/stack/services.ts).
  forceExit: true,
  reporters: ['default', '<rootDir>/test/support/closingLine.js'],
};
