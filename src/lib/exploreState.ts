// The Explore page's whole state: the filters, the district measure and the SQL console's text. It
// lives in the URL's query string, so a link reproduces the view and back/forward walk through it.
// Decoding never trusts the URL: unknown values are dropped, so a hand-edited link cannot put
// arbitrary text into a filter (values reach SQL only as bound parameters anyway).
import {areaFromSearch, type AreaChoice} from "./areaChoice.js";
import {dimensionValues} from "./publishedTables.js";

export type DistrictMeasure = "people" | "contacts";

export interface ExploreState {
  /** First and last day of the brushed time range (YYYY-MM-DD), both included; null when not brushed. */
  from: string | null;
  to: string | null;
  districts: string[];
  ageGroups: string[];
  services: string[];
  /** What the district chart counts: people affected, or crisis contacts. */
  measure: DistrictMeasure;
  /** Hospital districts, or wellbeing services counties (people only: the county table has no other dimension). */
  area: AreaChoice;
  /** The SQL console's text ("" when empty). */
  sql: string;
}

export type FilterKey = "time" | "districts" | "ageGroups" | "services";

export const emptyState: ExploreState = {
  from: null,
  to: null,
  districts: [],
  ageGroups: [],
  services: [],
  measure: "people",
  area: "district",
  sql: ""
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// The published tables' values: a filter can only name a value that some table holds.
const ALLOWED: Record<"districts" | "ageGroups" | "services", readonly string[]> = {
  districts: dimensionValues.hospital_district,
  ageGroups: dimensionValues.age_group,
  services: dimensionValues.service
};

// Known values only, once each, in the fixed order of their list: one view, one link.
function canonical(values: string[], allowed: readonly string[]): string[] {
  return [...new Set(values.filter((value) => allowed.includes(value)))].sort(
    (a, b) => allowed.indexOf(a) - allowed.indexOf(b)
  );
}

/** The query string (without "?") for a state; empty parts are left out, lists are comma-separated. */
export function encodeState(state: ExploreState): string {
  const params = new URLSearchParams();
  if (state.from && state.to) (params.set("from", state.from), params.set("to", state.to));
  if (state.districts.length) params.set("district", state.districts.join(","));
  if (state.ageGroups.length) params.set("age", state.ageGroups.join(","));
  if (state.services.length) params.set("service", state.services.join(","));
  if (state.measure !== "people") params.set("measure", state.measure);
  if (state.area === "county") params.set("area", "county");
  if (state.sql) params.set("sql", state.sql);
  return params.toString();
}

/** The state a query string describes; anything not understood is left at its default. */
export function decodeState(search: string): ExploreState {
  const params = new URLSearchParams(search);
  const list = (key: string, allowed: readonly string[]) => canonical((params.get(key) ?? "").split(","), allowed);
  let from = params.get("from");
  let to = params.get("to");
  if (!from || !to || !validDate(from) || !validDate(to)) from = to = null;
  else if (from > to) [from, to] = [to, from];
  return {
    from,
    to,
    districts: list("district", ALLOWED.districts),
    ageGroups: list("age", ALLOWED.ageGroups),
    services: list("service", ALLOWED.services),
    measure: params.get("measure") === "contacts" ? "contacts" : "people",
    area: areaFromSearch(search),
    sql: params.get("sql") ?? ""
  };
}

function validDate(text: string): boolean {
  return ISO_DATE.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text);
}

/** The state with *value* added to, or taken out of, a list filter (a click on a bar). */
export function toggleValue(state: ExploreState, key: Exclude<FilterKey, "time">, value: string): ExploreState {
  const values = state[key].includes(value) ? state[key].filter((v) => v !== value) : [...state[key], value];
  return {...state, [key]: canonical(values, ALLOWED[key])};
}

/** The state with one filter value (or the time range) removed, as a chip's remove button does. */
export function removeFilter(state: ExploreState, key: FilterKey, value?: string): ExploreState {
  if (key === "time") return {...state, from: null, to: null};
  return {...state, [key]: value === undefined ? [] : state[key].filter((v) => v !== value)};
}

/** The state with every filter cleared (the measure, the areas and the SQL stay). */
export function clearFilters(state: ExploreState): ExploreState {
  return {...state, from: null, to: null, districts: [], ageGroups: [], services: []};
}

/** The active filters, one chip each, in a stable order. */
export function filterChips(state: ExploreState): Array<{key: FilterKey; value?: string}> {
  return [
    ...(state.from && state.to ? [{key: "time" as const}] : []),
    ...state.districts.map((value) => ({key: "districts" as const, value})),
    ...state.ageGroups.map((value) => ({key: "ageGroups" as const, value})),
    ...state.services.map((value) => ({key: "services" as const, value}))
  ];
}
