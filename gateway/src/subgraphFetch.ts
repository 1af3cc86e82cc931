import { fetchAs } from '@shareforyou/kit';

/** Every call from the gateway to a subgraph: in production mode over TLS with the gateway's client certificate. */
export const subgraphFetch: typeof fetch = (url, init) => fetchAs({ service: 'gateway' })(url, init);
