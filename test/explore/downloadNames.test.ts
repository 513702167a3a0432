import {expect, test} from "vitest";
import {appliedFilters, downloadName} from "../../src/lib/downloadNames.js";
import {emptyState, type ExploreState} from "../../src/lib/exploreState.js";

const everyFilter: ExploreState = {
  ...emptyState,
  from: "2020-10-19",
  to: "2020-11-01",
  districts: ["06", "25"],
  ageGroups: ["65+", "unknown"],
  services: ["crisis_helpline"],
  measure: "contacts",
  sql: "SELECT 1"
};

test("a download's name says what it holds and every filter that made it", () => {
  expect(downloadName("view", emptyState, "csv")).toBe("vuoto-view_all.csv");
  expect(downloadName("districts", emptyState, "svg", {measure: true})).toBe("vuoto-districts_people_all.svg");
  expect(downloadName("view", everyFilter, "csv")).toBe(
    "vuoto-view_weeks-2020-10-19-to-2020-11-01_district-06-25_age-65plus-unknown_service-crisis_helpline.csv"
  );
  // Crisis contacts have no age group: the age filter does not narrow them.
  expect(downloadName("districts", everyFilter, "png", {measure: true})).toBe(
    "vuoto-districts_contacts_weeks-2020-10-19-to-2020-11-01_district-06-25_service-crisis_helpline.png"
  );
  // People by district have no week or service.
  expect(downloadName("districts", {...everyFilter, measure: "people"}, "png", {measure: true})).toBe(
    "vuoto-districts_people_district-06-25_age-65plus-unknown.png"
  );
});

test("the county card's downloads name no filter, since people_by_county has no other dimension", () => {
  expect(downloadName("counties", everyFilter, "svg")).toBe("vuoto-counties_all.svg");
  expect(downloadName("counties", {...everyFilter, area: "county"}, "png")).toBe("vuoto-counties_all.png");
  expect(appliedFilters("counties", everyFilter)).toEqual({
    ...everyFilter,
    from: null,
    to: null,
    districts: [],
    ageGroups: [],
    services: []
  });
});

test("channels are national: only the time range names them; age groups keep their districts", () => {
  expect(downloadName("channels", everyFilter, "svg")).toBe("vuoto-channels_weeks-2020-10-19-to-2020-11-01.svg");
  expect(downloadName("ageGroups", everyFilter, "svg")).toBe("vuoto-ageGroups_district-06-25_age-65plus-unknown.svg");
  expect(downloadName("channels", {...everyFilter, from: null, to: null}, "svg")).toBe("vuoto-channels_all.svg");
});
