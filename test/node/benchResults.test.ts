import {expect, test} from "vitest";
import {resultsFiles} from "../bench/results.js";

test("only a full benchmark run writes the committed results; a quick one goes to the git-ignored work/", () => {
  expect(resultsFiles("/b", "full")).toEqual({json: "/b/results.json", md: "/b/results.md"});
  expect(resultsFiles("/b", "quick")).toEqual({json: "/b/work/results.quick.json", md: "/b/work/results.quick.md"});
  expect(resultsFiles("/b", "custom scales").json).toBe("/b/work/results.custom-scales.json");
});
