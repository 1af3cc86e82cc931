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
} as const;
