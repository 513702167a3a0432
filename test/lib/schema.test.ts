import {expect, test} from "vitest";
import {AGE_GROUPS, BREACH_WAVES, withUnknown} from "../../src/lib/schema.js";

test("withUnknown lists a dimension's values in order, then unknown, and leaves the list as it was", () => {
  expect(withUnknown(BREACH_WAVES)).toEqual(["1", "2", "unknown"]);
  expect(withUnknown(AGE_GROUPS).slice(-2)).toEqual(["65+", "unknown"]);
  expect(BREACH_WAVES).toEqual(["1", "2"]);
});
