/**
 * The mental health slice is held as one document per patient (kit: patientSlices). Its panels and
 * the item shapes each panel holds, as the feed mapping writes them and the resolvers read them.
 * The care coordinator and CPA status are not panels of their own: each episode carries them, and
 * the resolvers read them from the latest active episode.
 */
export const mentalHealthPanels = {
  episodes: 'mentalHealthEpisodes',
  crisisPlans: 'crisisPlans',
  riskSummaries: 'riskSummaries',
} as const;
