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
  familyHistory: 'familyHistory',
  medicalDevices: 'medicalDevices',
  advanceDecisions: 'advanceDecisions',
} as const;
