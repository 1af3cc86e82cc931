/**
 * The clinical catalogue: each FHIR R4 clinical resource type mapped once, in a module named after
 * it, for every organisation's slice that holds it (a slice's feed.ts says which panel each goes
 * to). Pure, like the rest of the ingest readers (no database, no server).
 */
export * from './AllergyIntolerance';
export * from './Condition';
export * from './Observation';
export * from './observationValues';
export * from './Procedure';
export * from './MedicationStatement';
// Issue #18 point 1: family history, the allergies List, devices, advance decisions.
export * from './FamilyMemberHistory';
export * from './List';
export * from './DeviceUseStatement';
export * from './Consent';
