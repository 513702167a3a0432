import {expect, test} from "vitest";
import {HEADLINE_COUNTS} from "../../src/lib/publishedTables.js";
import {headlineRows} from "../../src/lib/shownRows.js";

test("the headline's data package lists every published total with what it counts, a hidden one as null", () => {
  const headline = {
    people: 1234,
    records: 9876,
    records_published: 4321,
    people_emailed: null,
    people_reported: 0,
    crisis_contacts: 555
  };
  const rows = headlineRows(headline);
  expect(rows.map((row) => row.figure)).toEqual([...HEADLINE_COUNTS]);
  expect(rows).toContainEqual({figure: "people", counts: "people", count: 1234});
  expect(rows).toContainEqual({figure: "records_published", counts: "records", count: 4321});
  expect(rows).toContainEqual({figure: "crisis_contacts", counts: "contacts", count: 555});
  // Hidden stays null (the package marks it hidden); a published zero stays zero.
  expect(rows).toContainEqual({figure: "people_emailed", counts: "people", count: null});
  expect(rows).toContainEqual({figure: "people_reported", counts: "people", count: 0});
});
