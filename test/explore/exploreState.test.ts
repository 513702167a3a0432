import {describe, expect, test} from "vitest";
import {
  clearFilters,
  decodeState,
  emptyState,
  encodeState,
  filterChips,
  removeFilter,
  toggleValue,
  type ExploreState
} from "../../src/lib/exploreState.js";

const full: ExploreState = {
  from: "2020-10-19",
  to: "2020-11-15",
  districts: ["06", "25"],
  ageGroups: ["18-24", "65+"],
  services: ["chat"],
  measure: "contacts",
  area: "county",
  sql: "SELECT age_group, sum(people) FROM people_by_district_age\nWHERE age_group <> '65+' GROUP BY ALL -- #&?"
};

describe("the URL holds the whole state", () => {
  test("encode then decode gives the same state back, SQL with newlines, quotes and # included", () => {
    expect(decodeState(encodeState(full))).toEqual(full);
    expect(decodeState("?" + encodeState(full))).toEqual(full);
    expect(new URL("http://x/explore?" + encodeState(full)).searchParams.get("sql")).toBe(full.sql);
  });

  test("the empty state is an empty query string, and an empty query string is the empty state", () => {
    expect(encodeState(emptyState)).toBe("");
    expect(decodeState("")).toEqual(emptyState);
  });

  test("issue 16: counties are area=county; districts, the default, and anything else are left out", () => {
    expect(encodeState({...emptyState, area: "county"})).toBe("area=county");
    expect(decodeState("?area=county").area).toBe("county");
    expect(decodeState("?area=district").area).toBe("district");
    expect(decodeState("?area=County").area).toBe("district");
    expect(decodeState("?area=<script>").area).toBe("district");
    expect(clearFilters({...emptyState, area: "county", districts: ["06"]})).toEqual({...emptyState, area: "county"});
  });

  test("a readable link: lists are comma-separated", () => {
    expect(encodeState({...emptyState, districts: ["06", "25"], ageGroups: ["65+"]})).toBe(
      "district=06%2C25&age=65%2B"
    );
  });

  test("unknown or malformed values in a hand-edited link are dropped, not trusted", () => {
    const state = decodeState(
      "district=06,99,'--,25,06&age=18-24,teen&service=chat,spa&measure=rows&from=2020-13-01&to=2020-11-01"
    );
    expect(state.districts).toEqual(["06", "25"]);
    expect(state.ageGroups).toEqual(["18-24"]);
    expect(state.services).toEqual(["chat"]);
    expect(state.measure).toBe("people");
    expect([state.from, state.to]).toEqual([null, null]);
  });

  test("a time range needs both ends, and reversed ends are put in order", () => {
    expect(decodeState("from=2020-10-19").from).toBeNull();
    expect(decodeState("from=2020-11-15&to=2020-10-19")).toMatchObject({from: "2020-10-19", to: "2020-11-15"});
    expect(decodeState("from=2021-02-29&to=2021-03-01").from).toBeNull();
  });

  test("lists come back in a fixed order, so the same view has one link", () => {
    expect(decodeState("district=25,03").districts).toEqual(["03", "25"]);
    expect(encodeState(decodeState("district=25,03"))).toBe(encodeState(decodeState("district=03,25")));
  });
});

describe("filter changes", () => {
  test("a click adds a value, a second click takes it away", () => {
    const once = toggleValue(emptyState, "districts", "06");
    expect(once.districts).toEqual(["06"]);
    expect(toggleValue(once, "districts", "06").districts).toEqual([]);
    expect(toggleValue(toggleValue(emptyState, "districts", "25"), "districts", "06").districts).toEqual(["06", "25"]);
  });

  test("chips: one per value and one for the time range; each removable alone", () => {
    const chips = filterChips(full);
    expect(chips).toEqual([
      {key: "time"},
      {key: "districts", value: "06"},
      {key: "districts", value: "25"},
      {key: "ageGroups", value: "18-24"},
      {key: "ageGroups", value: "65+"},
      {key: "services", value: "chat"}
    ]);
    expect(removeFilter(full, "districts", "06").districts).toEqual(["25"]);
    expect(removeFilter(full, "time")).toMatchObject({from: null, to: null, districts: ["06", "25"]});
  });

  test("clear all removes every filter but keeps the measure, the areas and the SQL", () => {
    expect(clearFilters(full)).toEqual({...emptyState, measure: "contacts", area: "county", sql: full.sql});
    expect(filterChips(clearFilters(full))).toEqual([]);
  });
});
