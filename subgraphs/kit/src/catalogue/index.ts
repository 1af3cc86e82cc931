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
export * from './medicineCourses';
export * from './MedicationDispense';
export * from './MedicationAdministration';
export * from './Encounter';
export * from './Appointment';
export * from './Composition';
export * from './DiagnosticReport';
export * from './DocumentReference';
export * from './narrative';
export * from './Immunization';
// Referrals, alerts and care plans (issue #18)
export * from './ServiceRequest';
export * from './Flag';
export * from './CarePlan';
// Issue #18 point 1: family history, the allergies List, devices, advance decisions.
export * from './FamilyMemberHistory';
export * from './List';
export * from './DeviceUseStatement';
export * from './Consent';
// Episodes of care and the people around the patient, mapped once for mental health, community and social care.
export * from './EpisodeOfCare';
export * from './RelatedPerson';
