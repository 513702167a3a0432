// issue 15: a date range with no publications titled its chart "0 record copies had been posted by –".
import {expect, test} from "vitest";
import {runningTotalFinding} from "../../src/lib/findings.js";
import {strings} from "../../src/lib/strings.js";

const sentence = strings.en.timeline.recordsCumulativeTitle;

test("an empty date range says what is empty and why, in each language", () => {
  const empty = [{key: "tor_site", points: []}];
  expect(runningTotalFinding(empty, sentence).title).toBe(
    "Nothing to count in the dates chosen: widen the date range."
  );
  expect(runningTotalFinding(empty, sentence, {lang: "fi"}).title).toBe(strings.fi.figures.emptySeries);
  expect(strings.fi.figures.emptySeries).not.toBe(strings.en.figures.emptySeries);
});

test("a range with publications states the running total at its last day", () => {
  const points = [{date: new Date("2020-10-23T00:00:00Z"), value: 100, total: 1500, hidden: 0}];
  expect(runningTotalFinding([{key: "tor_site", points}], sentence).title).toMatch(
    /^1,500 record copies had been posted by 23\/10\/2020$/
  );
});
