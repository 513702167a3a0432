import {expect, test} from "vitest";
import {EARLIEST_DATE} from "../../src/lib/schema.js";
import {crisisStart, largestUnclampedCrisisScale} from "../../src/node/generate/crisisContacts.js";

test("the largest unclamped crisis scale ends the search: its series starts after the earliest date, the next tenth's does not", () => {
  const scale = largestUnclampedCrisisScale();
  expect(scale).toBeGreaterThan(1);
  expect(crisisStart(scale) > EARLIEST_DATE).toBe(true);
  expect(crisisStart(scale + 0.1)).toBe(EARLIEST_DATE);
  // Clamped beyond: a much larger scale starts on the same day.
  expect(crisisStart(scale * 100)).toBe(EARLIEST_DATE);
});
