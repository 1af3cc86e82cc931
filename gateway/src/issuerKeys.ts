import { createPublicKey, type KeyObject } from 'node:crypto';
import { serviceLogger } from '@shareforyou/kit';

/**
 * The sign-in provider's published keys (its JWKS), held so that no stranger can deny sign-in:
 *
 * - loaded once at the first token, then refreshed on a schedule ahead of their expiry, the last
 *   good set kept until a new one arrives (a failed refresh never empties it: no gap);
 * - a token naming a key the set does not hold (`kid`) is refused at once, never made to wait; it
 *   asks for at most one refresh per cooldown, shared by all such tokens, in the background (a key
 *   the provider has just rotated in is found by the next request after that refresh).
 *
 * So a flood of tokens with made-up `kid`s costs one fetch per cooldown and never a genuine
 * token's verification (issue #21.1). jwks-rsa's per-minute fetch limit, used before, was shared
 * by strangers and genuine tokens alike.
 */

const log = serviceLogger('gateway');

interface Jwk {
  kid?: string;
  kty?: string;
  use?: string;
  [member: string]: unknown;
}

export interface IssuerKeysOptions {
  /** Where the keys are published (the discovery document's jwks_uri). */
  jwksUri: () => Promise<string>;
  /** How often the set is refreshed when all is well. */
  refreshMs?: number;
  /** The least time between two refreshes asked for by unknown key ids. */
  unknownKidCooldownMs?: number;
  fetchTimeoutMs?: number;
}

export class IssuerKeys {
  private keys = new Map<string, KeyObject>();
  private loaded: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private lastRefresh = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly refreshMs: number;
  private readonly cooldownMs: number;
  private readonly fetchTimeoutMs: number;

  constructor(private readonly options: IssuerKeysOptions) {
    this.refreshMs = options.refreshMs ?? 5 * 60_000;
    this.cooldownMs = options.unknownKidCooldownMs ?? 30_000;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 5_000;
  }

  /** The key for a token's `kid`, or null: unknown keys are refused at once (and may prompt one background refresh). */
  async keyFor(kid: string | undefined): Promise<KeyObject | null> {
    await this.firstLoad();
    const key = kid ? this.keys.get(kid) : this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
    if (key) return key;
    if (Date.now() - this.lastRefresh >= this.cooldownMs) void this.refresh();
    return null;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The first load is awaited (there is nothing to verify with before it); a failed one is tried again by the next token. */
  private firstLoad(): Promise<void> {
    this.loaded ??= this.refresh().then(() => {
      if (this.keys.size === 0) throw new Error('the sign-in provider publishes no keys');
      this.timer ??= setInterval(() => void this.refresh(), this.refreshMs).unref();
    });
    this.loaded.catch(() => (this.loaded = null));
    return this.loaded;
  }

  /** One refresh at a time; the set is replaced only by a good answer. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.fetchKeys()
      .then((keys) => {
        this.keys = keys;
      })
      .catch((error: Error) => {
        log.warn({ reason: error.message.slice(0, 200), keysHeld: this.keys.size }, 'sign-in provider keys not refreshed; the last good set is kept');
        if (this.keys.size === 0) throw error;
      })
      .finally(() => {
        this.lastRefresh = Date.now();
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private async fetchKeys(): Promise<Map<string, KeyObject>> {
    const response = await fetch(await this.options.jwksUri(), { signal: AbortSignal.timeout(this.fetchTimeoutMs) });
    if (!response.ok) throw new Error(`the sign-in provider's keys answered ${response.status}`);
    const { keys } = (await response.json()) as { keys?: Jwk[] };
    const usable = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(keys) ? keys : []) {
      if (jwk.kty !== 'RSA' || (jwk.use && jwk.use !== 'sig')) continue;
      try {
        usable.set(jwk.kid ?? '', createPublicKey({ key: jwk as never, format: 'jwk' }));
      } catch {
        // A key this process cannot read is one it cannot verify with: left out.
      }
    }
    if (usable.size === 0) throw new Error('the sign-in provider published no RSA signing key');
    return usable;
  }
}
