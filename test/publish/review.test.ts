import {expect, test} from "vitest";
import {reviewerProblem, reviewSheet, withDraftBanner, withoutDraftBanner} from "../../src/node/review.js";

test("a reviewer's name is refused when missing, when it holds an identifier, or when it is not a name, without repeating it", () => {
  expect(reviewerProblem("Maria Virtanen-Åberg")).toBeNull();
  expect(reviewerProblem(undefined)).toMatch(/^missing --reviewer/);
  const withCode = reviewerProblem("Maria 131052-308T");
  expect(withCode).toMatch(/^invalid --reviewer: it holds .*identity code/i);
  expect(withCode).not.toContain("131052");
  const email = reviewerProblem("maria@example.fi");
  expect(email).toMatch(/^invalid --reviewer/);
  expect(email).not.toContain("example");
  expect(reviewerProblem("<script>")).toMatch(/^invalid --reviewer: a name is letters/);
  expect(reviewerProblem("M".repeat(81))).toMatch(/at most 80/);
});

test("the draft banner goes in once, in the page's language, and comes out whole", () => {
  const page = '<html lang="sv"><body class="x"><main>Hej</main></body></html>';
  const draft = withDraftBanner(withDraftBanner(page, "sv"), "sv");
  expect(draft.match(/class="vuoto-draft"/g)).toHaveLength(1);
  expect(draft).toContain('<body class="x"><!-- vuoto-draft --><p class="vuoto-draft" role="note">Utkast:');
  expect(withoutDraftBanner(draft)).toBe(page);
});

test("the review sheet lists hidden cells per table, the audit's result and the changes", () => {
  const audit = {
    tables: [{name: "people_by_district", cells: 88, suppressed: 3}],
    checks: [
      {name: "rows", ok: true},
      {name: "ranges", ok: false}
    ]
  };
  const sheet = reviewSheet("abc-t5-p1", audit, {
    previous: "r1",
    notes: {totals: [{name: "people", before: 10, after: 12, change: 2}], cells: [], tablesAdded: [], tablesRemoved: []}
  });
  expect(sheet).toContain("people_by_district: 3 of 88");
  expect(sheet).toContain("Audit: FAILED (ranges)");
  expect(sheet).toContain("people: 10 -> 12 (+2)");
  expect(reviewSheet("abc-t5-p1", {tables: [], checks: [{name: "rows", ok: true}]}, null)).toContain(
    "Audit: passed (1 checks)"
  );
});
