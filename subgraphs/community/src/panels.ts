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
  // Issue #18 point 1: the rest of the kit's clinical catalogue, each as every slice that holds it.
  /** DocumentReferences and Compositions: letters, discharge-from-caseload summaries, care plan documents. */
  documents: 'communityDocuments',
  /** Appointments: clinic and home visit appointments booked with community teams. */
  appointments: 'communityAppointments',
  /** Consents recording an advance decision (an ADRT, a DNACPR decision, ReSPECT held at home for district nurses). */
  advanceDecisions: 'communityAdvanceDecisions',
  /** DeviceUseStatements: catheters, pressure-relieving mattresses, syringe drivers. */
  medicalDevices: 'communityMedicalDevices',
  /** FamilyMemberHistory: relatives' health community services recorded. Never a problem of the patient's. */
  familyHistory: 'communityFamilyHistory',
  /** RelatedPersons: next of kin, carers, key holders' contacts. */
  relatedPeople: 'communityRelatedPeople',
} as const;
