import type { UserIdentity } from '@shareforyou/kit';

export interface GatewayContext {
  requestId: string;
  user: UserIdentity;
  /** The identity token for subgraph calls, signed once per request. */
  identityToken: () => string;
}
