/**
 * What a feed mapping is written with: reading FHIR values, statuses and references, and saying
 * what is wrong with an entry. Pure (no database, no server), so a subgraph's feed.ts and its unit
 * tests load this and not the whole kit (`@shareforyou/kit/src/ingest`).
 */
export * from './feedProblem';
export * from './fhirValues';
export * from './fhirClinical';
export * from './fhirEncounter';
export * from './fhirStatuses';
export * from './sliceFeed';
export * from './bundleReferences';
export * from './patientDemographics';
