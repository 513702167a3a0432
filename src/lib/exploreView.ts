// The explorer's table, put together in the page instead of asked of DuckDB at every filter change:
// viewQuery was the one query every change ran again (31 of 50 scripted changes), and its people
// column was replaced by figures.ts anyway. The people cells are in the page already (a few hundred
// rows), and the contacts per district (districtContactsQuery) do not change with the district and age
// filters, so their answer is kept across them. viewRows gives exactly the rows viewQuery gives; a
// test checks the two on DuckDB.
import type {ExploreState} from "./exploreState.js";
import type {ViewRow} from "./exploreQueries.js";

export interface PeopleCell {
  hospital_district: string;
  age_group: string;
  people: number | null;
}

export interface DistrictContacts {
  hospital_district: string;
  contacts: number | null;
  contacts_hidden_cells: number;
}

/**
 * The view by district, ordered by code: people in the selected age groups summed from *cells*
 * (people_by_district_age, suppressed cells counted apart), contacts from *contacts*, both in the
 * selected districts; a district in only one of them has nulls for the other. *shortNames* maps a
 * code to hospital_districts.short_fi.
 */
export function viewRows(
  cells: PeopleCell[],
  contacts: DistrictContacts[],
  {districts, ageGroups}: Pick<ExploreState, "districts" | "ageGroups">,
  shortNames: Map<string, string>
): ViewRow[] {
  const inDistricts = (code: string) => districts.length === 0 || districts.includes(code);
  const people = new Map<string, {people: number | null; people_hidden_cells: number}>();
  for (const cell of cells) {
    if (!inDistricts(cell.hospital_district) || (ageGroups.length > 0 && !ageGroups.includes(cell.age_group))) continue;
    const sum = people.get(cell.hospital_district) ?? {people: null, people_hidden_cells: 0};
    if (cell.people === null) sum.people_hidden_cells += 1;
    else sum.people = (sum.people ?? 0) + cell.people;
    people.set(cell.hospital_district, sum);
  }
  const byDistrict = new Map(
    contacts.filter((row) => inDistricts(row.hospital_district)).map((row) => [row.hospital_district, row])
  );
  const codes = [...new Set([...people.keys(), ...byDistrict.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return codes.map((code) => {
    const p = people.get(code);
    const c = byDistrict.get(code);
    return {
      hospital_district: code,
      district_name: shortNames.get(code) ?? null,
      people: p?.people ?? null,
      people_hidden_cells: p?.people_hidden_cells ?? null,
      contacts: c?.contacts ?? null,
      contacts_hidden_cells: c?.contacts_hidden_cells ?? null
    };
  });
}
