import {expect, test} from "vitest";
import {downloadName} from "../../src/lib/downloadNames.js";
import {emptyState} from "../../src/lib/exploreState.js";

test("a download's name says what it holds and every filter that made it", () => {
  expect(downloadName("view", emptyState, "csv")).toBe("vuoto-view_all.csv");
  expect(downloadName("districts", emptyState, "svg", {measure: true})).toBe("vuoto-districts_people_all.svg");
  expect(
    downloadName(
      "districts",
      {
        ...emptyState,
        from: "2020-10-19",
        to: "2020-11-01",
        districts: ["06", "25"],
        ageGroups: ["65+", "unknown"],
        services: ["crisis_helpline"],
        measure: "contacts",
        sql: "SELECT 1"
      },
      "png",
      {measure: true}
    )
  ).toBe(
    "vuoto-districts_contacts_weeks-2020-10-19-to-2020-11-01_district-06-25_age-65plus-unknown_service-crisis_helpline.png"
  );
});
