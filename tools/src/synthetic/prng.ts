/**
 * Seeded randomness for the synthetic data generator.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state) seeded through a
 * murmur3-style finaliser. Every patient gets its own generator derived from (seed, patientIndex,
 * stream), so a patient's content never depends on how many other patients were generated or in
 * which order. Nothing here reads the clock or Math.random.
 */

/** murmur3's 32-bit finaliser: a good avalanche for integer keys. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a list of integers (order matters). */
function hash32(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = fmix32(Math.imul(h ^ (value >>> 0), 0x01000193) + 0x9e3779b9);
  }
  return h;
}

/** A 32-bit hash of a string (FNV-1a, finalised). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return fmix32(h);
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for (seed, ...stream): the same arguments always give the same sequence. */
  constructor(seed: number, ...stream: number[]) {
    const key = hash32(seed, ...stream);
    this.a = fmix32(key ^ 0x243f6a88);
    this.b = fmix32(key ^ 0x85a308d3);
    this.c = fmix32(key ^ 0x13198a2e);
    this.d = fmix32(key ^ 0x03707344);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick needs a non-empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** items: [value, weight] pairs; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of items) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return items[items.length - 1][0];
  }

  /** Up to `count` distinct items, in list order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen: T[] = [];
    let needed = Math.min(count, items.length);
    for (let i = 0; i < items.length && needed > 0; i++) {
      if (this.next() * (items.length - i) < needed) {
        chosen.push(items[i]);
        needed--;
      }
    }
    return chosen;
  }

  /** Roughly normal (Irwin–Hall of 4), mean and standard deviation as given. */
  normal(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * sd * Math.sqrt(3);
  }
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/**
 * A deterministic UUID-shaped id. The first half is a hash of the name (the holding organisation,
 * the resource kind) and the numbers, the last twelve hex digits spell the patient index, kind and ordinal, so two
 * different resources of one organisation can never collide.
 */
export function deterministicUuid(name: string, index: number, kind: number, ordinal: number): string {
  const h1 = hash32(hashString(name), index);
  const h2 = hash32(h1, kind, ordinal);
  const h3 = hash32(h2, 0x5f3759df);
  const tail =
    index.toString(16).padStart(6, '0').slice(-6) +
    (kind & 0xff).toString(16).padStart(2, '0') +
    (ordinal & 0xffff).toString(16).padStart(4, '0');
  const a = hex8(h1);
  const b = hex8(h2);
  const c = hex8(h3);
  const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${tail}`;
}
