import type { SubgraphDatabases } from '@shareforyou/kit';

/**
 * The community services slice is held as one document per patient (kit: patientSlices). Its panels
 * and the item shapes each panel holds, as the feed mapping writes them and the resolvers read them:
 */
export const communityPanels = {
  episodes: 'communityEpisodes',
  visits: 'communityVisits',
  carePlans: 'communityCarePlans',
} as const;

export function communityModels(databases: SubgraphDatabases) {
  return { PatientSlice: databases.slices! };
}
export type CommunityModels = ReturnType<typeof communityModels>;
