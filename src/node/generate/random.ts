// Deterministic pseudo-randomness for the generator. Large tables are drawn in DuckDB, row by row, from
// a 32-bit integer hash of (stream seed, row number): no state, so rows can be made in any order and in
// parallel and still come out the same. The hash is plain integer arithmetic (Chris Wellons'
// "lowbias32"), not DuckDB's hash(), whose values may change between DuckDB versions. The per-stream
// seeds come from d3's linear congruential generator, seeded by --seed.
import {randomLcg} from "d3";

/** Named random streams: each column or decision draws from its own stream. */
export const STREAMS = [
  "district",
  "moved",
  "districtForm",
  "age",
  "sex",
  "emailed",
  "emailedOn",
  "reported",
  "reportedOn",
  "dateForm",
  "records",
  "wave",
  "category",
  "published",
  "emailOnFurther",
  "contacts",
  "contactsNormal",
  "flag",
  "key",
  // Appended last: each stream's seed depends only on the streams before it, so the others stay as they were.
  "municipality",
  "crisisMunicipality"
] as const;
export type Stream = (typeof STREAMS)[number];

/** One 32-bit seed per stream, from *seed*. */
export function streamSeeds(seed: number): Record<Stream, number> {
  const random = randomLcg(seedFraction(seed));
  return Object.fromEntries(STREAMS.map((stream) => [stream, Math.floor(random() * 2 ** 32)])) as Record<
    Stream,
    number
  >;
}

// randomLcg takes a seed in [0, 1); integers are mapped there by a fixed irrational step so that
// nearby seeds (1, 2, 3…) start far apart.
function seedFraction(seed: number): number {
  return (seed * 0.6180339887498949) % 1;
}

/**
 * DuckDB macros: `gen_hash32(x)` mixes a 32-bit integer; `gen_uniform(stream_seed, i)` is a uniform
 * number in [0, 1) for row *i* (below 2^32) of a stream; `gen_normal(s1, s2, i)` a standard normal
 * (Box–Muller). Products stay below 2^64, so UBIGINT arithmetic is exact. A stream is the hash of
 * i xor its seed: one hash per draw, and since the hash is a bijection, two streams are the same
 * sequence read in a different row order, which leaves draws in one row independent.
 */
export const randomMacros = [
  `CREATE OR REPLACE TEMP MACRO gen_mix(x, k, shift) AS ((xor(x, x >> shift) * k) % 4294967296::UBIGINT)`,
  `CREATE OR REPLACE TEMP MACRO gen_hash32(x) AS (
    xor(gen_mix(gen_mix(x::UBIGINT % 4294967296::UBIGINT, 2146121005::UBIGINT, 16), 2221713035::UBIGINT, 15),
        gen_mix(gen_mix(x::UBIGINT % 4294967296::UBIGINT, 2146121005::UBIGINT, 16), 2221713035::UBIGINT, 15) >> 16))`,
  `CREATE OR REPLACE TEMP MACRO gen_uniform(s, i) AS (gen_hash32(xor(i::UBIGINT, s::UBIGINT)) / 4294967296.0)`,
  `CREATE OR REPLACE TEMP MACRO gen_normal(s1, s2, i) AS (
    sqrt(-2 * ln(1 - gen_uniform(s1, i))) * cos(2 * pi() * gen_uniform(s2, i)))`
];
