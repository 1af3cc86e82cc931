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
} as const;
