/**
 * The GP slice is held as one document per patient (kit: patientSlices). Its panels and the item
 * shapes each panel holds, as the feed mapping writes them and the resolvers read them:
 */
export const gpPanels = {
  medications: 'medications',
  allergies: 'allergies',
  problems: 'problems',
  immunisations: 'immunisations',
  consultations: 'consultations',
  observations: 'observations',
  procedures: 'procedures',
  noKnownAllergies: 'noKnownAllergies',
  /** A problems List empty because nothing is known: "no known problems" statements. */
  noKnownProblems: 'noKnownProblems',
  /** A medications List empty because nothing is known: "no current medications" statements. */
  noCurrentMedications: 'noCurrentMedications',
  /** ServiceRequests: referrals and requests the practice made. */
  referrals: 'referrals',
  /** CarePlans. */
  carePlans: 'carePlans',
  /** Flags coded as neither safeguarding nor a mental-health risk (schema/clinical-codes.yaml). */
  alerts: 'alerts',
  /** Flags coded as safeguarding: a field classified safeguarding (sensitive). */
  safeguardingAlerts: 'gpSafeguardingAlerts',
  /** Flags coded as a mental-health risk: a field classified mentalHealthRisk (sensitive). */
  riskAlerts: 'gpRiskAlerts',
  familyHistory: 'familyHistory',
  medicalDevices: 'medicalDevices',
  advanceDecisions: 'advanceDecisions',
  // Issue #18 point 1: the rest of the kit's clinical catalogue, each as every slice that holds it.
  /** Appointments: booked and past appointments at the practice. */
  appointments: 'gpAppointments',
  /** DocumentReferences and Compositions: letters the practice holds (clinic letters filed, referral letters). */
  documents: 'gpDocuments',
  /** DiagnosticReports: reports of investigations, each naming the results (observations) issued in it. */
  testReports: 'gpTestReports',
  /** MedicationAdministrations: doses given at the practice (a B12 or depot injection, a vaccine-like dose not coded as one). */
  medicationAdministrations: 'gpMedicationAdministrations',
  /** MedicationDispenses: what a dispensing practice supplied. */
  medicationDispenses: 'gpMedicationDispenses',
  /** RelatedPersons: next of kin, carers and emergency contacts the practice records. */
  relatedPeople: 'gpRelatedPeople',
} as const;
