/**
 * The council's social care slice is held as one document per patient (kit: patientSlices). Its
 * panels and the item shapes each panel holds, as the feed mapping writes them and the resolvers
 * read them. The allocated worker is read from the current case. Where a Flag lands is decided by
 * its codes (schema/clinical-codes.yaml), not by its resource type alone.
 */
export const socialCarePanels = {
  cases: 'socialCareCases',
  carePackages: 'carePackages',
  assessments: 'socialCareAssessments',
  carers: 'carers',
  /** Flags coded as safeguarding. */
  safeguardingAlerts: 'safeguardingAlerts',
  /** Flags coded as a mental-health risk (sensitive; before H174 these were filed among the general alerts, and those stored so are read as risk alerts). */
  riskAlerts: 'socialCareRiskAlerts',
  /** Every other Flag: a general alert (never dropped, never filed as safeguarding or risk). */
  alerts: 'socialCareAlerts',
  // What a council's record also holds, each through the kit's clinical catalogue (issue #18 point 1):
  /** Conditions the council is told of or records (FHIR Condition). */
  diagnoses: 'socialCareDiagnoses',
  /** AllergyIntolerances; one coded "no known allergy" (or an allergies List empty because nothing is known) is a statement, in noKnownAllergies. */
  allergies: 'socialCareAllergies',
  noKnownAllergies: 'socialCareNoKnownAllergies',
  /** A problems or medications List empty because nothing is known: statements, never items. */
  noKnownProblems: 'socialCareNoKnownProblems',
  noCurrentMedications: 'socialCareNoCurrentMedications',
  /** MedicationStatements and MedicationRequests: medicines home care supports or prompts. */
  medications: 'socialCareMedications',
  /** MedicationAdministrations: doses a home care worker gave (or recorded as not given). */
  medicationAdministrations: 'socialCareMedicationAdministrations',
  /** Observations: care needs scores, falls risk, weight taken at home. */
  observations: 'socialCareObservations',
  /** Immunizations the council is told of. */
  immunisations: 'socialCareImmunisations',
  /** Encounters: home visits, reviews and other contacts with the council's workers. */
  contacts: 'socialCareContacts',
  /** Appointments: visits and reviews booked. */
  appointments: 'socialCareAppointments',
  /** DocumentReferences and Compositions: assessments' reports, care and support plan documents, letters. */
  documents: 'socialCareDocuments',
  /** Consents recording an advance decision (the kit's catalogue decides which Consents are). */
  advanceDecisions: 'socialCareAdvanceDecisions',
  /** DeviceUseStatements: equipment the council provides (a hoist, a pendant alarm). */
  equipment: 'socialCareEquipment',
} as const;
