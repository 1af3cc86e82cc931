import type { UserIdentity } from '@shareforyou/kit';

export interface GatewayContext {
  requestId: string;
  user: UserIdentity;
  /** The identity token for subgraph calls, signed once per request. */
  identityToken: () => string;
  /** When the whole request must have been answered (ms since the epoch, this host's clock). */
  deadline: number;
}
