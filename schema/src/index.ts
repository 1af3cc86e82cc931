// Composition (@apollo/composition) is not in here: it is heavy, and only `npm run compose` and the
// contract tests need it (import it from '@shareforyou/schema/src/compose').
export * from './sdl';
export * from './policy';
export * from './services';
export * from './policyTable';
export * from './organisationKinds';
export * from './clinicalCodes';
