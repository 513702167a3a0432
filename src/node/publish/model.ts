// The published system as linear algebra. Each measure (people, people e-mailed, contacts…) is counted
// over *atoms*: the finest cells of a group of dimensions that appear crossed together in some table.
// Every published cell is then the sum of a set of atoms of one group, and a measure's total is the sum
// of all atoms of any of its groups. Dimensions never crossed in one table (district×age, sex, wave,
// date) form separate groups, which share only the total.
//
// The model is built from table rows alone (the same code reads the private figures and the published
// ones), so the audit can rebuild it from what is about to be published without trusting suppression.
import {addDays, parseDate} from "./calendar.js";
import {headlineCounts, peopleSubmeasures, publishedTables} from "../../lib/publishedTables.js";
import {ALL_SERVICES} from "./crisis.js";
import {geography} from "./geography.js";
import {HEADLINE_COUNTS, cellKey, tableDimensions, type PublishedSystem, type TableRow} from "./system.js";

export const HEADLINE_TABLE = "headline";
/**
 * aggregate.ts's private table of small district ∩ county pieces (never published): in the true system
 * they are cells that protect.ts hides from the start; in a published system they are absent, and the
 * audit checks the same pieces as implicit cells (model.slivers).
 */
export const PRIVATE_SLIVERS = "private_slivers";

export interface Cell {
  id: number;
  /** Published table name, or "headline". */
  table: string;
  /** Row index in the table (0 for the headline). */
  row: number;
  /** Count column. */
  column: string;
  measure: string;
  /** Group id, or null for a measure total (a headline figure). */
  group: string | null;
  /** Indices of the group's atoms this cell sums, ascending. Empty for a total. */
  atoms: number[];
  /** The count, or null where the system holds it suppressed. */
  value: number | null;
}

export interface Group {
  id: string;
  measure: string;
  size: number;
  cells: Cell[];
}

export interface Measure {
  name: string;
  groups: Group[];
  /** The headline figure that is this measure's total, if any. */
  total: Cell | null;
}

export interface Model {
  system: PublishedSystem;
  cells: Cell[];
  measures: Map<string, Measure>;
  /**
   * Measures bounded atom by atom by another measure over groups with the same atoms
   * (people e-mailed ≤ people, in every district, age group, sex and wave).
   */
  bounds: Array<{below: Group; above: Group}>;
  /** Cells of one row bounded by another (people_emailed ≤ people in the same row). */
  rowBounds: Array<{below: Cell; above: Cell}>;
  /** Every published cell (or total) that another table's cells add up to exactly, with those parts. */
  tilings: Tiling[];
  /**
   * The one-period parts of every coarsened cell (each week of a district's month, per service and
   * over all services): cells no table may publish on their own, which the audit checks like hidden ones.
   */
  slices: Slice[];
  /**
   * The slivers between districts and counties: per measure's district_age group, the atoms of one
   * district ∩ county over all ages, a count no table publishes but both tables together may give away.
   */
  slivers: Array<{group: Group; atoms: number[]}>;
  /** Whether the people atoms are split by county (then district_age's atom keys are district|county|age). */
  counties: boolean;
  /** Per group id, a name for each atom that is the same in every release (ledger.ts links releases by it). */
  atomKeys: Map<string, string[]>;
}

export interface Slice {
  group: string;
  atoms: number[];
}

export interface Tiling {
  whole: Cell;
  parts: Cell[];
}

/** Measures linked to `people` by "a part of the people counted": the sub-measures of the people tables. */
export const PEOPLE_SUBMEASURES = peopleSubmeasures();
// The people tables and their groups, and the measure each headline figure totals, from the contract.
const PEOPLE_TABLES: Record<string, string> = Object.fromEntries(
  publishedTables.flatMap((spec) => (spec.peopleGroup ? [[spec.name, spec.peopleGroup]] : []))
);
const HEADLINE_MEASURES: Record<string, string> = Object.fromEntries(headlineCounts.map((c) => [c.name, c.measure]));

/**
 * *counties*: split the people atoms by wellbeing services county (district ∩ county × age), by default
 * when the system has county rows. The ledger (ledger.ts) asks for it for an earlier release without a
 * county table when the new one has one, so that the two releases' atoms are the same pieces.
 */
export function buildModel(system: PublishedSystem, {counties}: {counties?: boolean} = {}): Model {
  const cells: Cell[] = [];
  const measures = new Map<string, Measure>();
  const groups = new Map<string, Group>();
  const measure = (name: string) => {
    let m = measures.get(name);
    if (!m) measures.set(name, (m = {name, groups: [], total: null}));
    return m;
  };
  const group = (measureName: string, dims: string, size: number) => {
    const id = `${measureName}|${dims}`;
    let g = groups.get(id);
    if (!g) {
      groups.set(id, (g = {id, measure: measureName, size, cells: []}));
      measure(measureName).groups.push(g);
    }
    return g;
  };
  const add = (table: string, row: number, column: string, g: Group, atoms: number[]) => {
    const value = tableRow(system, table, row)[column];
    const cell: Cell = {
      id: cells.length,
      table,
      row,
      column,
      measure: g.measure,
      group: g.id,
      atoms,
      value: count(value)
    };
    cells.push(cell);
    g.cells.push(cell);
    return cell;
  };
  const rows = (table: string): TableRow[] => system.tables[table] ?? [];

  // People: district × county × age (with its margins), sex, wave; e-mailed and reported also by date.
  // Atoms are district ∩ county × age group, only where the district and county share municipalities
  // (geography.ts); without a county table every district is one county, `unknown`.
  const withCounties = counties ?? rows("people_by_county").length > 0;
  const countiesOf = withCounties ? geography().countiesByDistrict : new Map<string, string[]>();
  const districtAgeKeys = rows("people_by_district_age").flatMap((r) =>
    (withCounties ? (countiesOf.get(String(r.hospital_district)) ?? []) : ["unknown"]).map(
      (county) => `${r.hospital_district}|${county}|${r.age_group}`
    )
  );
  const districtAge = indexer(districtAgeKeys);
  const atomsWhere = (test: (parts: string[]) => boolean) =>
    districtAge.keys.flatMap((key, i) => (test(key.split("|")) ? [i] : []));
  const peopleAtoms: Record<string, (row: TableRow) => number[]> = {
    people_by_district_age: (r) => atomsWhere(([d, , a]) => d === r.hospital_district && a === r.age_group),
    people_by_district: (r) => atomsWhere(([d]) => d === r.hospital_district),
    people_by_county: (r) => atomsWhere(([, c]) => c === r.wellbeing_services_county),
    people_by_age: (r) => atomsWhere(([, , a]) => a === r.age_group)
  };
  const sexes = indexer(rows("people_by_sex").map((r) => String(r.sex)));
  const waves = indexer(rows("people_by_wave").map((r) => String(r.breach_wave)));
  peopleAtoms.people_by_sex = (r) => [sexes.index(String(r.sex))];
  peopleAtoms.people_by_wave = (r) => [waves.index(String(r.breach_wave))];
  const sizes: Record<string, number> = {
    district_age: districtAge.keys.length,
    sex: sexes.keys.length,
    wave: waves.keys.length
  };
  const rowBounds: Model["rowBounds"] = [];
  for (const [table, dims] of Object.entries(PEOPLE_TABLES)) {
    rows(table).forEach((row, i) => {
      const atomsOf = peopleAtoms[table];
      const size = sizes[dims];
      if (!atomsOf || size === undefined) throw new Error(`unknown people table: ${table}`);
      const atoms = atomsOf(row);
      const people = add(table, i, "people", group("people", dims, size), atoms);
      for (const sub of PEOPLE_SUBMEASURES)
        rowBounds.push({below: add(table, i, sub, group(sub, dims, size), atoms), above: people});
    });
  }
  const bounds: Model["bounds"] = [];
  for (const sub of PEOPLE_SUBMEASURES) {
    for (const dims of new Set(Object.values(PEOPLE_TABLES))) {
      const below = groups.get(`${sub}|${dims}`);
      const above = groups.get(`people|${dims}`);
      if (below && above) bounds.push({below, above});
    }
  }

  // Categories overlap, so each is a measure of its own with a single atom.
  rows("people_by_category").forEach((row, i) =>
    add("people_by_category", i, "people", group(`category:${row.data_category}`, "all", 1), [0])
  );

  const days = rows("daily_timeline");
  for (const column of ["records_published", "people_emailed", "people_reported"]) {
    days.forEach((_, i) => add("daily_timeline", i, column, group(column, "date", days.length), [i]));
  }

  // Publication events: no total is published, so each day × channel stands alone.
  const publications = rows("publications_by_day_channel");
  publications.forEach((_, i) =>
    add("publications_by_day_channel", i, "records", group("publication_records", "day_channel", publications.length), [
      i
    ])
  );

  const {slices, keys: crisisKeys} = addCrisis(system, add, group);

  for (const column of HEADLINE_COUNTS) {
    const name = HEADLINE_MEASURES[column] ?? column;
    const cell: Cell = {
      id: cells.length,
      table: HEADLINE_TABLE,
      row: 0,
      column,
      measure: name,
      group: null,
      atoms: [],
      value: count(system.headline[column])
    };
    cells.push(cell);
    measure(name).total = cell;
  }
  const keysOf: Record<string, string[]> = {
    district_age: districtAge.keys,
    sex: sexes.keys,
    wave: waves.keys,
    all: ["all"],
    date: days.map((r) => String(r.date)),
    day_channel: publications.map((r) => `${r.date}|${r.channel}`),
    week_district_service: crisisKeys
  };
  const atomKeys = new Map([...groups.values()].map((g) => [g.id, keysOf[g.id.split("|")[1]!] ?? []]));
  // The district ∩ county pieces (and their differences, geography.ts) over all ages, for each people
  // measure, when both tables are published. A piece of one atom is an implicit cell already.
  const slivers: Model["slivers"] = [];
  if (withCounties) {
    const atomsOf = new Map<string, number[]>();
    districtAge.keys.forEach((key, i) => {
      const pair = key.split("|").slice(0, 2).join("|");
      atomsOf.set(pair, [...(atomsOf.get(pair) ?? []), i]);
    });
    const pieces = geography().slivers.map((pairs) =>
      pairs.flatMap((pair) => atomsOf.get(pair) ?? []).sort((a, b) => a - b)
    );
    for (const name of ["people", ...PEOPLE_SUBMEASURES]) {
      const g = groups.get(`${name}|district_age`);
      if (g) for (const atoms of pieces) if (atoms.length > 1) slivers.push({group: g, atoms});
    }
    rows(PRIVATE_SLIVERS).forEach((row, i) => {
      const [kind = "", key = ""] = String(row.piece).split(":");
      const atoms = kind === "sliver" ? pieces[Number(key)] : [districtAge.index(key)];
      for (const name of ["people", ...PEOPLE_SUBMEASURES]) {
        const g = groups.get(`${name}|district_age`);
        if (g && atoms?.length && row[name] != null) add(PRIVATE_SLIVERS, i, name, g, atoms);
      }
    });
  }
  return {
    system,
    cells,
    measures,
    bounds,
    rowBounds,
    tilings: [...measures.values()].flatMap(tilings),
    slices,
    slivers,
    counties: withCounties,
    atomKeys
  };
}

/**
 * For each cell of a measure (and its total), the cells of each other table of the same group that
 * cover exactly its atoms: a district's age groups, a national week's districts when all are weekly,
 * and every table's cells for the total.
 */
function tilings(measure: Measure): Tiling[] {
  const found: Tiling[] = [];
  for (const group of measure.groups) {
    const containing: Cell[][] = Array.from({length: group.size}, () => []);
    // A cell's atoms are indexes below its group's size.
    for (const cell of group.cells) for (const atom of cell.atoms) containing[atom]!.push(cell);
    const tables = [...new Set(group.cells.map((cell) => cell.table))];
    const all = Array.from({length: group.size}, (_, i) => i);
    const wholes = group.cells.map((cell) => ({cell, atoms: cell.atoms}));
    if (measure.total) wholes.push({cell: measure.total, atoms: all});
    for (const {cell: whole, atoms} of wholes) {
      if (atoms.length < 2) continue;
      const inside = new Set(atoms);
      for (const table of tables) {
        if (table === whole.table) continue;
        const parts = [...new Set(atoms.flatMap((atom) => containing[atom]!.filter((c) => c.table === table)))];
        const exact =
          parts.every((part) => part.atoms.every((atom) => inside.has(atom))) &&
          parts.reduce((n, part) => n + part.atoms.length, 0) === atoms.length;
        if (exact) found.push({whole, parts});
      }
    }
  }
  return found;
}

/**
 * Crisis contacts: atoms are ISO week × district × service. A weekly district cell is one atom, a
 * monthly one the weeks from its period_start to its period_end, a national weekly cell all districts.
 * Returns each week's part of every cell longer than a week, and the atoms' names (for the ledger).
 */
function addCrisis(
  system: PublishedSystem,
  add: (table: string, row: number, column: string, g: Group, atoms: number[]) => Cell,
  group: (measure: string, dims: string, size: number) => Group
): {slices: Slice[]; keys: string[]} {
  const periods = system.tables.crisis_by_district_period ?? [];
  const national = system.tables.crisis_national_weekly ?? [];
  const weekSet = new Set(national.map((r) => String(r.week_start)));
  for (const row of periods) for (const week of weeksOf(row)) weekSet.add(week);
  const weeks = indexer([...weekSet].sort());
  const districts = indexer([...new Set(periods.map((r) => String(r.hospital_district)))].sort());
  const services = indexer(
    [...new Set([...periods, ...national].map((r) => String(r.service)))].filter((s) => s !== ALL_SERVICES).sort()
  );
  const [W, D, S] = [weeks.keys.length, districts.keys.length, services.keys.length];
  const atom = (w: number, d: number, s: number) => (w * D + d) * S + s;
  const g = group("contacts", "week_district_service", W * D * S);
  const slices: Slice[] = [];
  periods.forEach((row, i) => {
    const d = districts.index(String(row.hospital_district));
    // A district period's total over all services holds every service's atoms of its weeks.
    const ss = row.service === ALL_SERVICES ? services.keys.map((_, s) => s) : [services.index(String(row.service))];
    const periodWeeks = weeksOf(row);
    if (periodWeeks.length > 1)
      for (const week of periodWeeks) slices.push({group: g.id, atoms: ss.map((s) => atom(weeks.index(week), d, s))});
    const atoms = periodWeeks.flatMap((week) => ss.map((s) => atom(weeks.index(week), d, s)));
    add(
      "crisis_by_district_period",
      i,
      "contacts",
      g,
      atoms.sort((a, b) => a - b)
    );
  });
  national.forEach((row, i) => {
    const [w, s] = [weeks.index(String(row.week_start)), services.index(String(row.service))];
    add(
      "crisis_national_weekly",
      i,
      "contacts",
      g,
      districts.keys.map((_, d) => atom(w, d, s))
    );
  });
  // Atom names in atom order: week, district, service.
  const keys = weeks.keys.flatMap((w) => districts.keys.flatMap((d) => services.keys.map((s) => `${w}|${d}|${s}`)));
  return {slices, keys};
}

/** The Mondays from a period's start to its end. */
function weeksOf(row: TableRow): string[] {
  const weeks: string[] = [];
  const end = parseDate(String(row.period_end));
  for (let week = String(row.period_start); parseDate(week) <= end; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

function indexer(keys: string[]) {
  const map = new Map(keys.map((key, i) => [key, i]));
  return {
    keys,
    index(key: string): number {
      const i = map.get(key);
      if (i === undefined) throw new Error(`invalid published system: no atom for ${key}`);
      return i;
    }
  };
}

function count(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new Error(`invalid count: not a whole number`);
  return value;
}

/** Where a cell is, for messages: table, key values and column (never its count). */
export function describeCell(model: Model, cell: Cell): string {
  if (cell.table === HEADLINE_TABLE) return `table headline, cell ${cell.column}`;
  return `table ${cell.table}, cell (${cellKey(cell.table, tableRow(model.system, cell.table, cell.row))}), column ${cell.column}`;
}

/** Row *row* of *table* in *system*: a cell's row, so a missing one is a bug. */
export function tableRow(system: PublishedSystem, table: string, row: number): TableRow {
  const found = system.tables[table]?.[row];
  if (!found) throw new Error(`missing row ${row} of table ${table}`);
  return found;
}

/** The key columns of a published table. */
function dimensionsOf(table: string): string[] {
  const dims = tableDimensions[table];
  if (!dims) throw new Error(`unknown table: ${table}`);
  return dims;
}

/** Cells of the same table and column whose keys differ in exactly one dimension. */
export function siblings(model: Model, cell: Cell): Cell[] {
  if (cell.table === HEADLINE_TABLE) return [];
  const dims = cell.table === PRIVATE_SLIVERS ? [] : dimensionsOf(cell.table);
  const rowAt = (row: number) => tableRow(model.system, cell.table, row);
  const own = rowAt(cell.row);
  const differ = (row: TableRow) => {
    let n = 0;
    for (const dim of dims) if (row[dim] !== own[dim]) n++;
    return n;
  };
  const index = siblingIndex(model);
  const near = dims.flatMap((_, d) => index.get(siblingKey(cell, own, dims, d)) ?? []);
  return [...new Set(near)].filter((other) => differ(rowAt(other.row)) === 1).sort((a, b) => a.id - b.id);
}

const siblingIndexes = new WeakMap<Model, Map<string, Cell[]>>();

/** Cells by table, column and the values of all their dimensions but one (for each one). */
function siblingIndex(model: Model): Map<string, Cell[]> {
  let index = siblingIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const cell of model.cells) {
      if (cell.table === HEADLINE_TABLE) continue;
      const dims = cell.table === PRIVATE_SLIVERS ? [] : dimensionsOf(cell.table);
      const row = tableRow(model.system, cell.table, cell.row);
      dims.forEach((_, d) => {
        const key = siblingKey(cell, row, dims, d);
        const cells = index!.get(key);
        if (cells) cells.push(cell);
        else index!.set(key, [cell]);
      });
    }
    siblingIndexes.set(model, index);
  }
  return index;
}

function siblingKey(cell: Cell, row: TableRow, dims: string[], skip: number): string {
  const values = dims.map((dim, d) => (d === skip ? "" : String(row[dim])));
  return JSON.stringify([cell.table, cell.column, skip, values]);
}
