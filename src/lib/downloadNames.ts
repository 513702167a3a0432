// File names for the Explore page's downloads: what the file holds, then each filter that made it, in
// the order of the link, so two downloads of different views never share a name and a name alone says
// which view it was. Filter values are known codes (exploreState.ts drops anything else), so the
// name needs no escaping beyond "+" (in "65+") and separators.
import type {ExploreState} from "./exploreState.js";

/** For example `vuoto-districts_people_district-06-25_age-18-24.svg`; `_all` when nothing is filtered. */
export function downloadName(what: string, state: ExploreState, extension: string, {measure = false} = {}): string {
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
