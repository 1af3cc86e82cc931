/**
 * Which sources each combined section is computed from: the freshness field (under `patient`) of
 * every organisation subgraph whose items its `@requires` takes (schema/combined.graphql). A combined
 * section's line names each of them with its own "as of", so it must name them all, no fewer: unit
 * test combined-section-sources.test.ts keeps this table equal to the schema and every document
 * that selects a combined section selecting its sources' freshness.
 */
export type SourceFreshnessField = 'gpSource' | 'acuteSource' | 'mentalHealthSource' | 'communitySource' | 'socialCareSource';

const EVERY_SOURCE: readonly SourceFreshnessField[] = ['gpSource', 'acuteSource', 'mentalHealthSource', 'communitySource', 'socialCareSource'];
const HEALTH_SOURCES: readonly SourceFreshnessField[] = ['gpSource', 'acuteSource', 'mentalHealthSource', 'communitySource'];
/** The sources that send reports of investigations (DiagnosticReport): the GP and the hospital. */
const REPORT_SOURCES: readonly SourceFreshnessField[] = ['gpSource', 'acuteSource'];

export const COMBINED_SECTION_SOURCES: Readonly<Record<string, readonly SourceFreshnessField[]>> = {
  combinedAllergies: EVERY_SOURCE,
  combinedProblems: EVERY_SOURCE,
  combinedMedications: EVERY_SOURCE,
  combinedProcedures: HEALTH_SOURCES,
  combinedImmunisations: EVERY_SOURCE,
  combinedReferrals: HEALTH_SOURCES,
  combinedCarePlans: HEALTH_SOURCES,
  combinedAlerts: EVERY_SOURCE,
  combinedSafeguardingAlerts: EVERY_SOURCE,
  // Every source raises risk-coded alerts: the mental health trust's flags (H173) and the council's (H174) too.
  combinedRiskAlerts: EVERY_SOURCE,
  combinedFamilyHistory: HEALTH_SOURCES,
  combinedMedicalDevices: EVERY_SOURCE,
  combinedAdvanceDirectives: EVERY_SOURCE,
  combinedEncounters: EVERY_SOURCE,
  combinedDocuments: EVERY_SOURCE,
  combinedAppointments: EVERY_SOURCE,
  combinedMedicationAdministrations: EVERY_SOURCE,
  combinedResults: EVERY_SOURCE,
  combinedVitalSigns: EVERY_SOURCE,
  combinedSocialHistory: EVERY_SOURCE,
  combinedTestReports: REPORT_SOURCES,
};

/** The sources of the combined section at `path` (['patient', 'combinedAllergies', ...]), or undefined for a one-source section. */
export function combinedSectionSources(path: readonly string[]): readonly SourceFreshnessField[] | undefined {
  return path[0] === 'patient' ? COMBINED_SECTION_SOURCES[path[1]] : undefined;
}
