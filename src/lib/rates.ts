// Rates per 100 000 residents with their 95 % exact (Garwood) Poisson confidence interval, and the CDC
// rule that a rate built on fewer than 20 events is unstable: shown, but never ranked or called highest.
// The interval's ends are gamma quantiles (gammaQuantile.ts, tested against SciPy's): for a count x,
// lower = Gamma(x, 1) quantile at 2.5 %, upper = Gamma(x + 1, 1) quantile at 97.5 %.
import {gammaQuantile} from "./gammaQuantile.js";

/** Rates on fewer events than this are unstable (NCHS/CDC practice: relative standard error over 23 %). */
export const UNSTABLE_BELOW = 20;
export const PER = 100_000;

export interface Interval {
  low: number;
  high: number;
}

/** The exact Poisson interval for an observed *count* (a whole number ≥ 0), at *level* (0.95). */
export function poissonInterval(count: number, level = 0.95): Interval {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`invalid count: ${count}`);
  const alpha = 1 - level;
  return {
    low: count === 0 ? 0 : gammaQuantile(alpha / 2, count),
    high: gammaQuantile(1 - alpha / 2, count + 1)
  };
}

export interface Rate {
  rate: number;
  low: number;
  high: number;
  /** Fewer than UNSTABLE_BELOW events: show with its interval, never rank. */
  unstable: boolean;
}

/** *count* per 100 000 of *population*, with its interval; null when the count is hidden or there is no population. */
export function rateWithInterval(count: number | null, population: number | null | undefined, per = PER): Rate | null {
  if (count == null || !population) return null;
  const {low, high} = poissonInterval(count);
  const scale = per / population;
  return {rate: count * scale, low: low * scale, high: high * scale, unstable: count < UNSTABLE_BELOW};
}

/**
 * Excess events over an expected number, with the interval of the observed count shifted by the
 * expectation. The expectation (a baseline mean over many weeks) is taken as known: its own error is much
 * smaller than that of the few weeks observed, and leaving it out makes the interval slightly narrow.
 */
export function excessWithInterval(observed: number, expected: number): Interval & {excess: number} {
  const {low, high} = poissonInterval(observed);
  return {excess: observed - expected, low: low - expected, high: high - expected};
}

/** Rows whose rate is known and stable, for rankings and "highest" findings. */
export function stableOnly<T>(rows: readonly T[], rate: (row: T) => Rate | null): T[] {
  return rows.filter((row) => {
    const r = rate(row);
    return r != null && !r.unstable;
  });
}
