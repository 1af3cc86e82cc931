/**
 * The acute (hospital) slice is held as one document per patient (kit: patientSlices). Its panels
 * and the item shapes each panel holds, as the feed mapping writes them and the resolvers read them.
 * Test results and reports name each other by source id (`memberSourceIds`, `resultSourceIds`); the
 * resolvers turn those into item ids and group results under their report.
 */
export const acutePanels = {
  admissions: 'admissions',
  aeAttendances: 'aeAttendances',
  otherEncounters: 'otherEncounters',
  outpatientAppointments: 'outpatientAppointments',
  dischargeSummaries: 'dischargeSummaries',
  testResults: 'testResults',
  testReports: 'testReports',
  medicationDispenses: 'medicationDispenses',
  medicationAdministrations: 'medicationAdministrations',
  hospitalDiagnoses: 'hospitalDiagnoses',
  hospitalAllergies: 'hospitalAllergies',
  hospitalNoKnownAllergies: 'hospitalNoKnownAllergies',
  /** A problems List empty because nothing is known: "no known problems" statements. */
  hospitalNoKnownProblems: 'hospitalNoKnownProblems',
  /** A medications List empty because nothing is known: "no current medications" statements. */
  hospitalNoCurrentMedications: 'hospitalNoCurrentMedications',
  hospitalProcedures: 'hospitalProcedures',
  hospitalPrescriptions: 'hospitalPrescriptions',
  /** ServiceRequests: referrals and requests the hospital made. */
  hospitalReferrals: 'hospitalReferrals',
  /** CarePlans. */
  hospitalCarePlans: 'hospitalCarePlans',
  /** Flags coded as neither safeguarding nor a mental-health risk (schema/clinical-codes.yaml). */
  hospitalAlerts: 'hospitalAlerts',
  /** Flags coded as safeguarding: a field classified safeguarding (sensitive). */
  hospitalSafeguardingAlerts: 'hospitalSafeguardingAlerts',
  /** Flags coded as a mental-health risk: a field classified mentalHealthRisk (sensitive). */
  hospitalRiskAlerts: 'hospitalRiskAlerts',
  // Issue #18 point 1: the rest of the kit's clinical catalogue, each as every slice that holds it.
  /** Immunizations given in hospital (tetanus in A&E, vaccines on the wards and in antenatal clinics). */
  hospitalImmunisations: 'hospitalImmunisations',
  /** Consents recording an advance decision (an ADRT, a DNACPR decision, ReSPECT recorded on admission). */
  hospitalAdvanceDecisions: 'hospitalAdvanceDecisions',
  /** DeviceUseStatements: implants and devices the hospital fitted or recorded (a pacemaker, a hip prosthesis). */
  hospitalMedicalDevices: 'hospitalMedicalDevices',
  /** FamilyMemberHistory: relatives' health the hospital recorded (genetics, cardiology clinics). Never a problem of the patient's. */
  hospitalFamilyHistory: 'hospitalFamilyHistory',
  /** RelatedPersons: next of kin and emergency contacts recorded on admission. */
  hospitalRelatedPeople: 'hospitalRelatedPeople',
} as const;
