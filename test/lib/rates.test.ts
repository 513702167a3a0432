// Exact Poisson intervals against published table values (Ulm 1990; Garwood 1936), and the < 20 rule.
import {expect, test} from "vitest";
import {
  excessWithInterval,
  poissonInterval,
  rateWithInterval,
  stableOnly,
  UNSTABLE_BELOW
} from "../../src/lib/rates.js";

test.each([
  [0, 0, 3.6889],
  [1, 0.0253, 5.5716],
  [2, 0.2422, 7.2247],
  [10, 4.7954, 18.3904],
  [20, 12.2165, 30.8884],
  [100, 81.3639, 121.6268]
])("the 95 %% interval of a count of %i is %f to %f", (count, low, high) => {
  const interval = poissonInterval(count);
  expect(interval.low).toBeCloseTo(low, 3);
  expect(interval.high).toBeCloseTo(high, 3);
});

test("a large count's interval is close to the normal one, ±1.96√x", () => {
  const {low, high} = poissonInterval(1_000_000);
  expect(low).toBeCloseTo(1_000_000 - 1.96 * 1000, -1);
  expect(high).toBeCloseTo(1_000_000 + 1.96 * 1000, -1);
});

test("a negative or fractional count is refused", () => {
  expect(() => poissonInterval(-1)).toThrow(/invalid count: -1/);
  expect(() => poissonInterval(2.5)).toThrow(/invalid count/);
});

test("a rate per 100 000 scales the count's interval; 19 events are unstable, 20 are not", () => {
  const rate = rateWithInterval(10, 50_000)!;
  expect(rate.rate).toBe(20);
  expect(rate.low).toBeCloseTo(9.5908, 3);
  expect(rate.high).toBeCloseTo(36.7807, 3);
  expect(rateWithInterval(UNSTABLE_BELOW - 1, 1000)!.unstable).toBe(true);
  expect(rateWithInterval(UNSTABLE_BELOW, 1000)!.unstable).toBe(false);
});

test("a hidden count or a missing population has no rate", () => {
  expect(rateWithInterval(null, 1000)).toBeNull();
  expect(rateWithInterval(5, 0)).toBeNull();
});

test("excess over an expectation carries the observed count's interval, shifted", () => {
  const excess = excessWithInterval(100, 60);
  expect(excess.excess).toBe(40);
  expect(excess.low).toBeCloseTo(21.3639, 3);
  expect(excess.high).toBeCloseTo(61.6268, 3);
});

test("rankings keep only stable, known rates", () => {
  const rows = [
    {code: "a", count: 19},
    {code: "b", count: 20},
    {code: "c", count: null}
  ];
  expect(stableOnly(rows, (row) => rateWithInterval(row.count, 10_000)).map((row) => row.code)).toEqual(["b"]);
});
