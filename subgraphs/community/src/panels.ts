/**
 * The community services slice is held as one document per patient (kit: patientSlices). Its panels
 * and the item shapes each panel holds, as the feed mapping writes them and the resolvers read them:
 */
export const communityPanels = {
  episodes: 'communityEpisodes',
  visits: 'communityVisits',
  carePlans: 'communityCarePlans',
  /** Conditions and Observations (the kit's catalogue). */
  diagnoses: 'communityDiagnoses',
  observations: 'communityObservations',
  /** AllergyIntolerances (the kit's catalogue); one coded "no known allergy" is a statement, in noKnownAllergies. */
  allergies: 'communityAllergies',
  noKnownAllergies: 'communityNoKnownAllergies',
  /** MedicationStatements and MedicationRequests (the kit's catalogue). */
  medications: 'communityMedications',
  procedures: 'communityProcedures',
  immunisations: 'communityImmunisations',
  /** ServiceRequests: referrals and requests community services made. */
  referrals: 'communityReferrals',
  /** Flags coded as neither safeguarding nor a mental-health risk (schema/clinical-codes.yaml). */
  alerts: 'communityAlerts',
  /** Flags coded as safeguarding: a field classified safeguarding (sensitive). */
  safeguardingAlerts: 'communitySafeguardingAlerts',
  /** Flags coded as a mental-health risk: a field classified mentalHealthRisk (sensitive). */
  riskAlerts: 'communityRiskAlerts',
  /** A problems or medications List empty because nothing is known: statements, never items (an allergies one joins noKnownAllergies). */
  noKnownProblems: 'communityNoKnownProblems',
  noCurrentMedications: 'communityNoCurrentMedications',
  /** MedicationAdministrations: doses a district nurse gave (enoxaparin, insulin), or recorded as not given. */
  medicationAdministrations: 'communityMedicationAdministrations',
} as const;
