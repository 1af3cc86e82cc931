/**
 * The mental health slice is held as one document per patient (kit: patientSlices). Its panels and
 * the item shapes each panel holds, as the feed mapping writes them and the resolvers read them.
 * The care coordinator and CPA status are not panels of their own: each episode carries them, and
 * the resolvers read them from the current episode. Where a CarePlan or Flag lands is decided by
 * its codes (schema/clinical-codes.yaml), not by its resource type alone.
 */
export const mentalHealthPanels = {
  episodes: 'mentalHealthEpisodes',
  /** ServiceRequests: referrals to and from the trust's services. */
  referrals: 'mentalHealthReferrals',
  /** CarePlans whose category is coded as a crisis plan. */
  crisisPlans: 'crisisPlans',
  /** Every other CarePlan the trust sends. */
  carePlans: 'mentalHealthCarePlans',
  /**
   * RiskAssessments: the trust's risk summary. Flags coded as a mental-health risk were filed here
   * (kind `flag`) until they became risk alerts; those stored so are read as risk alerts (resolvers.ts).
   */
  riskSummaries: 'riskSummaries',
  /** Flags coded as a mental-health risk: risk alerts, as the GP's, hospital's and community services' are (combinedRiskAlerts merges them). */
  riskAlerts: 'mentalHealthRiskAlerts',
  /** Flags coded as safeguarding. */
  safeguardingAlerts: 'mentalHealthSafeguardingAlerts',
  /** Every other Flag: a general alert (never dropped, never filed as safeguarding). */
  alerts: 'mentalHealthAlerts',
  /** Conditions: the trust's diagnoses (the kit's catalogue). */
  diagnoses: 'mentalHealthDiagnoses',
  /** Observations: assessments, scores and measurements (the kit's catalogue). */
  observations: 'mentalHealthObservations',
  /** MedicationRequests and MedicationStatements (the kit's catalogue). */
  medications: 'mentalHealthMedications',
  /** AllergyIntolerances (the kit's catalogue); one coded "no known allergy" is a statement, in noKnownAllergies. */
  allergies: 'mentalHealthAllergies',
  noKnownAllergies: 'mentalHealthNoKnownAllergies',
  /** Immunizations (a depot clinic's flu vaccine, ...) and Procedures (ECT, ...): the kit's catalogue. */
  immunisations: 'mentalHealthImmunisations',
  procedures: 'mentalHealthProcedures',
  /** Encounters of an inpatient class: stays on the trust's wards. */
  admissions: 'mentalHealthAdmissions',
  /** Every other Encounter: clinic, home and virtual contacts with the trust's teams. */
  contacts: 'mentalHealthContacts',
  /** A problems or medications List empty because nothing is known: statements, never items (an allergies one joins noKnownAllergies). */
  noKnownProblems: 'mentalHealthNoKnownProblems',
  noCurrentMedications: 'mentalHealthNoCurrentMedications',
  /** DocumentReferences and Compositions: clinic letters, care plan documents, discharge summaries from the trust's wards. */
  documents: 'mentalHealthDocuments',
  // Issue #18 point 1: the rest of the kit's clinical catalogue, each as every slice that holds it.
  /** MedicationAdministrations: doses the trust's nurses gave, above all depot antipsychotic injections in clinic or at home, or recorded as not given. */
  medicationAdministrations: 'mentalHealthMedicationAdministrations',
  /** Appointments: clinic, depot clinic and home visit appointments booked with the trust's teams. */
  appointments: 'mentalHealthAppointments',
  /** Consents recording an advance decision (an advance decision to refuse treatment; an advance statement the kit's catalogue reads as one). */
  advanceDecisions: 'mentalHealthAdvanceDecisions',
  /** DeviceUseStatements: devices the trust records. */
  medicalDevices: 'mentalHealthMedicalDevices',
  /** FamilyMemberHistory: relatives' mental and physical health the trust recorded. Never a problem of the patient's. */
  familyHistory: 'mentalHealthFamilyHistory',
  /** RelatedPersons: the nearest relative (Mental Health Act), carers and next of kin. */
  relatedPeople: 'mentalHealthRelatedPeople',
} as const;
