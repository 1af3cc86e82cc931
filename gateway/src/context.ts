import type { UserIdentity } from '@shareforyou/kit';

export interface GatewayContext {
  requestId: string;
  user: UserIdentity;
  /** The client's address (the socket's), for the refusal log. */
  clientAddress: string;
  /** The client's operation name, set once the operation is resolved (before any subgraph is called). */
  operationName: string | null;
  /**
   * The identity token for subgraph calls, signed once per request. Apollo Server copies the
   * context per operation, so the operation name is passed in from the copy the plugins set.
   */
  identityToken: (operationName: string | null) => string;
  /** When the whole request must have been answered (ms since the epoch, this host's clock). */
  deadline: number;
}
