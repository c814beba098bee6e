/**
 * Deterministic identifiers and random streams for the seed.
 *
 * Every id is a pure function of (seed, table, row index), so any generator can compute the id of a row it
 * references (a lesson of a course, the payment of an enrollment) without holding millions of strings in memory.
 * Ids are UUIDv7-shaped: the 48-bit "timestamp" field is a per-table counter, so rows arrive in ascending id order
 * and every primary-key and foreign-key index is filled by appending instead of by random page splits; the other
 * 74 bits are a hash of the seed, so different seeds give different ids.
 */
import { createRng, type Rng } from './course-text.ts';

/** Tables (and other id spaces) of the seed; the value selects the id range and the random stream. */
export const Space = {
  user: 1,
  course: 2,
  module: 3,
  lesson: 4,
  enrollment: 5,
  completion: 6,
  payment: 7,
  review: 8,
  certificate: 9,
} as const;
export type Space = (typeof Space)[keyof typeof Space];

/** 2024-01-01T00:00:00Z in ms: where the counters start, so the ids look like plausible UUIDv7s. */
const ID_EPOCH_MS = 1_704_067_200_000;
/** Each space owns 2^32 consecutive counter values. */
const SPACE_STRIDE = 2 ** 32;

/** murmur3's 32-bit finalizer: a cheap, well-mixing integer hash. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a few integers. */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) h = fmix32((h ^ fmix32(value >>> 0)) + 0x7f4a7c15);
  return h;
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** The id of row `index` of `space` for `seed`. */
export function seedId(seed: number, space: Space, index: number): string {
  const counter = ID_EPOCH_MS + space * SPACE_STRIDE + index; // < 2^48, exact in a double
  const high = Math.floor(counter / 65536); // top 32 bits of the 48
  const low = counter % 65536; // bottom 16 bits
  const a = hash32(seed, space, index, 1);
  const b = hash32(seed, space, index, 2);
  const c = hash32(seed, space, index, 3);
  const timeHex = hex8(high) + (low >>> 0).toString(16).padStart(4, '0');
  const randA = (a & 0x0fff).toString(16).padStart(3, '0');
  const variant = (0x8000 | ((a >>> 12) & 0x3fff)).toString(16);
  const tail = ((b >>> 0) & 0xffff).toString(16).padStart(4, '0') + hex8(c);
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-7${randA}-${variant}-${tail}`;
}

/** An independent random stream per purpose, so the order in which generators run never changes their output. */
export function stream(seed: number, purpose: string): Rng {
  let h = seed >>> 0;
  for (let i = 0; i < purpose.length; i++) h = hash32(h, purpose.charCodeAt(i));
  return createRng(h);
}
