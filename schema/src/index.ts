export * from './sdl';
export * from './policy';
export * from './services';
export * from './compose';
export * from './policyTable';
export * from './organisationKinds';
