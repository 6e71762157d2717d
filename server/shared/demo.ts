/**
 * The demo profile's shared ground: which provinces get synthetic data, the fixed seed, and the small deterministic
 * PRNG every generator draws from (units' demo villages, criteria's demo assessments and village records).
 */

/** The five seed provinces (codes before 1 July 2025): Hà Tĩnh, Lạng Sơn, Bắc Kạn, Khánh Hòa, Quảng Nam. */
export const DEMO_PROVINCES: readonly string[] = ['42', '20', '06', '56', '49'];
export const DEMO_SEED = 20_210_101;

/** A small fast PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Mixes numbers into one 32-bit seed, so each commune and province has its own stream whatever else is generated. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return h;
}
