import {expect, test} from "vitest";
import {benchOptions, resultsFiles} from "../bench/results.js";

const filesFor = (...args: string[]) => resultsFiles("/b", benchOptions(args).label);

test("only a full benchmark run writes the committed results; a quick one goes to the git-ignored work/", () => {
  expect(filesFor()).toEqual({json: "/b/results.json", md: "/b/results.md"});
  expect(filesFor("--quick")).toEqual({json: "/b/work/results.quick.json", md: "/b/work/results.quick.md"});
  expect(filesFor("--quick", "--seed", "7")).toEqual({
    json: "/b/work/results.quick.json",
    md: "/b/work/results.quick.md"
  });
  expect(filesFor("--ingest-only").json).toBe("/b/work/results.ingest-only.json");
  expect(filesFor("--scales", "31").json).toBe("/b/work/results.custom-scales.json");
  expect(filesFor("--quick", "--scales", "31").json).toBe("/b/work/results.quick.json");
  expect(benchOptions(["--quick"]).mode).toBe("quick");
});
