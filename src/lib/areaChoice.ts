// Which areas the report pages and the explorer show (issue 16): hospital districts (2020) or
// wellbeing services counties (2023). The choice lives in the URL (`?area=county`), so a link, the
// language switch (which carries the query string) and the explorer's shareable link keep it.

export type AreaChoice = "district" | "county";
export const AREA_CHOICES: readonly AreaChoice[] = ["district", "county"];
export const AREA_PARAM = "area";

/** The choice a query string names; districts when it names none, names something else, or counties are not published. */
export function areaFromSearch(search: string, {countiesAvailable = true} = {}): AreaChoice {
  return countiesAvailable && new URLSearchParams(search).get(AREA_PARAM) === "county" ? "county" : "district";
}

/** The query string (with "?", or "" when empty) with *choice* set: districts, the default, are left out. */
export function searchWithArea(search: string, choice: AreaChoice): string {
  const params = new URLSearchParams(search);
  if (choice === "county") params.set(AREA_PARAM, "county");
  else params.delete(AREA_PARAM);
  const text = params.toString();
  return text ? `?${text}` : "";
}
