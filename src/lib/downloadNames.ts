// File names for the Explore page's downloads: what the file holds, then each filter that made it, in
// the order of the link, so two downloads of different views never share a name and a name alone says
// which view it was. Filter values are known codes (exploreState.ts drops anything else), so the
// name needs no escaping beyond "+" (in "65+") and separators.
import type {ExploreState, FilterKey} from "./exploreState.js";

/**
 * The filters each download's query reads (exploreQueries.ts): the county card's table has no other
 * dimension, channels are national, and the district chart's people have no time or service. A chart
 * keeps the filter of the dimension it draws, which it highlights.
 */
function filtersOf(what: string, state: ExploreState): readonly FilterKey[] {
  switch (what) {
    case "counties":
      return [];
    case "channels":
      return ["time"];
    case "timeline":
      return ["time", "districts", "services"];
    case "districts":
      return state.measure === "people" ? ["districts", "ageGroups"] : ["time", "districts", "services"];
    case "ageGroups":
      return ["districts", "ageGroups"];
    case "services":
      return ["time", "districts", "services"];
    default:
      return ["time", "districts", "ageGroups", "services"];
  }
}

/** The state with the filters that do not narrow download *what* cleared, for its name and its header. */
export function appliedFilters(what: string, state: ExploreState): ExploreState {
  const keep = filtersOf(what, state);
  return {
    ...state,
    ...(keep.includes("time") ? {} : {from: null, to: null}),
    districts: keep.includes("districts") ? state.districts : [],
    ageGroups: keep.includes("ageGroups") ? state.ageGroups : [],
    services: keep.includes("services") ? state.services : []
  };
}

/**
 * For example `vuoto-districts_people_district-06-25_age-18-24.svg`; `_all` when nothing that applies to
 * *what* is filtered.
 */
export function downloadName(what: string, full: ExploreState, extension: string, {measure = false} = {}): string {
  const state = appliedFilters(what, full);
  const parts = [`vuoto-${what}`];
  if (measure) parts.push(state.measure);
  if (state.from && state.to) parts.push(`weeks-${state.from}-to-${state.to}`);
  const lists: Array<[string, string[]]> = [
    ["district", state.districts],
    ["age", state.ageGroups],
    ["service", state.services]
  ];
  for (const [key, values] of lists) if (values.length) parts.push([key, ...values].join("-"));
  if (parts.length === (measure ? 2 : 1)) parts.push("all");
  return `${parts
    .join("_")
    .replaceAll("+", "plus")
    .replace(/[^A-Za-z0-9_.-]/g, "-")}.${extension}`;
}
