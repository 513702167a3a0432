// A district period's row of service 'all' is the sum of its services, at the district's grain.
import {expect, test} from "vitest";
import {SERVICES} from "../../src/lib/schema.js";
import {ALL_SERVICES, crisisTables} from "../../src/node/publish/crisis.js";

test("each district period has one 'all' row, the sum of its services' contacts", () => {
  const weeks = ["2020-08-03", "2020-08-10"];
  const cells = weeks.flatMap((week, w) =>
    SERVICES.map((service, s) => ({week, district: "25", service, contacts: 10 * (w + 1) + s}))
  );
  const rows = crisisTables({weeks, cells}, 5).crisis_by_district_period!;
  const totals = rows.filter((row) => row.service === ALL_SERVICES);
  expect(totals.map((row) => [row.period_start, row.grain, row.contacts])).toEqual(
    weeks.map((week, w) => [week, "week", SERVICES.reduce((sum, _, s) => sum + 10 * (w + 1) + s, 0)])
  );
  expect(rows.length).toBe(weeks.length * (SERVICES.length + 1));
});
