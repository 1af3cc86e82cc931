/**
 * One `npm test`, three tiers (DESIGN.md "Tests"), each a jest project:
 *   unit         test/unit: pure functions, no database, no services (milliseconds)
 *   integration  test/integration: the real database (a local FerretDB of its own, or MONGODB_URI), no services
 *   e2e          test/e2e: the real stack over HTTP, started once in its globalSetup
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
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    }),
  ],
  // Global, not per project (jest reads it only here): room for the stack tier's slowest test.
  testTimeout: 60_000,
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/test/support/closingLine.js'],
};
