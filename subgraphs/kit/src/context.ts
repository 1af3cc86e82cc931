import type { PatientAccess } from './access/patientAccess';
import type { GatewayIdentity } from './identity';
import type { RequestLoaders, SliceReader } from './loaders';

/** What every resolver of every subgraph gets. */
export interface SubgraphContext<Models = any> {
  identity: GatewayIdentity;
  /** When the gateway stops waiting for this request (ms since the epoch, this host's clock). */
  deadline: number;
  access: PatientAccess;
  /** The request's reads of this subgraph's patient slices, by panel (organisation subgraphs). */
  slices: SliceReader | null;
  /** Per-request batch loaders by primary key, for any other per-patient read. */
  loaders: RequestLoaders;
  models: Models;
  /** Items left out of this response because they could not be shown (slice/unreadableItems). */
  unreadable?: UnreadableItem[];
}

/** A stored item left out of an answer because it no longer fits its GraphQL type (slice/unreadableItems). */
export interface UnreadableItem {
  path: Array<string | number>;
  itemId: string;
  fault: string;
}
