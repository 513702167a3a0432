// "The figure for X": one function that every page and the explorer ask for a published quantity
// under some filters, so the same quantity reads the same everywhere (issue 15).
//
// Several published tables can answer the same question: people in Pirkanmaa is in people_by_district
// and, as a sum over age groups, in people_by_district_age. The audit guarantees that published parts
// add up exactly to their published total when none of them is hidden, so every exact answer is the
// same number; a sum that leaves out hidden cells is not. So each table that can answer is asked, from
// the coarsest (fewest hidden cells) to the most detailed, and the first exact answer wins. Only when
// none is exact is the answer a bound: the largest known partial sum (a lower bound) and, where a
// coarser exact figure contains it, that figure less the known rest (an upper bound).
import {formatCount} from "./format.js";
import {headlineCounts, publishedTable} from "./publishedTables.js";
import {strings, type Language} from "./strings.js";
import type {Count} from "./transforms.js";

/** Published quantities that more than one table, or a table and headline.json, can answer. */
export type Quantity =
  "people" | "people_published" | "people_emailed" | "people_reported" | "records_published" | "crisis_contacts";

/** Categorical dimensions a figure can be filtered by. */
export type Dimension = "hospital_district" | "wellbeing_services_county" | "age_group" | "sex" | "breach_wave";

export interface Filters {
  hospital_district?: readonly string[];
  wellbeing_services_county?: readonly string[];
  age_group?: readonly string[];
  sex?: readonly string[];
  breach_wave?: readonly string[];
  /** Up to and including this day (running totals): the daily tables answer it. */
  until?: Date;
}

export type Row = Record<string, unknown>;

/**
 * A hidden people total of a hospital district or county (people_by_district, people_by_county) with the
 * exact range that every published table allows (src/data/area-ranges.json.ts, by the project's solver):
 * what any reader can prove, so showing it adds nothing (issue 12's safe bounds). *max* null: unbounded.
 */
export interface AreaRange {
  table: string;
  area: string;
  min: number;
  max: number | null;
}

/** What a page has loaded: headline.json, any of the published tables by table name, and area-ranges.json. */
export interface Published {
  headline?: Partial<Record<string, Count | unknown>>;
  tables: Partial<Record<string, readonly Row[]>>;
  ranges?: readonly AreaRange[];
}

export interface Figure {
  quantity: Quantity;
  /** The exact figure, or the lower bound when it is not exact; null when nothing known answers. */
  value: number | null;
  exact: boolean;
  /** When not exact: the most the figure can be, if a coarser exact figure bounds it. */
  upper: number | null;
  /** Hidden cells the lower bound leaves out (0 when exact). */
  hidden: number;
  /** The table (or "headline") the figure comes from. */
  source: string;
  /** The figure's name for data-figure: the quantity and the filters that narrow it. */
  key: string;
  /** True when value..upper is the provable range of a hidden area total (AreaRange): shown "1 180–1 224". */
  range?: boolean;
}

interface Source {
  table: string;
  dims: readonly Dimension[];
  /** The table's date column, when it is a daily series. */
  date?: string;
  measures: readonly Quantity[];
}

const DIMENSIONS: readonly Dimension[] = [
  "hospital_district",
  "wellbeing_services_county",
  "age_group",
  "sex",
  "breach_wave"
];
const QUANTITIES: readonly string[] = [
  "people",
  "people_published",
  "people_emailed",
  "people_reported",
  "records_published",
  "crisis_contacts"
] satisfies Quantity[];
const isQuantity = (name: string): name is Quantity => QUANTITIES.includes(name);
const isDimension = (name: string): name is Dimension => (DIMENSIONS as readonly string[]).includes(name);

/** The quantity a measure column counts: its own name, or the headline figure that totals it (contacts). */
function quantityOf(column: string): string {
  return headlineCounts.find((count) => count.measure === column)?.name ?? column;
}

/** What a published table can answer, from its spec: its filterable dimensions, daily dates and measures. */
function tableSource(table: string): Source {
  const spec = publishedTable(table);
  return {
    table,
    dims: spec.dimensions.map((dimension) => dimension.column).filter(isDimension),
    date: spec.dimensions.find((dimension) => dimension.values === "days")?.column,
    measures: spec.measures.map((measure) => quantityOf(measure.column)).filter(isQuantity)
  };
}

// Coarsest first: the first exact answer wins, and coarser tables have fewer hidden cells.
const SOURCES: readonly Source[] = [
  {table: "headline", dims: [], measures: headlineCounts.map((count): string => count.name).filter(isQuantity)},
  ...[
    "people_by_district",
    "people_by_age",
    "people_by_sex",
    "people_by_wave",
    "daily_timeline",
    "crisis_national_weekly",
    "people_by_district_age",
    // Last: it answers only figures by county, and for any other figure never comes before the district tables.
    "people_by_county"
  ].map(tableSource)
];

/** The column that holds *quantity* in *table*. */
function column(table: string, quantity: Quantity): string {
  return publishedTable(table).measures.find((measure) => quantityOf(measure.column) === quantity)!.column;
}

function activeDims(filters: Filters): Dimension[] {
  return DIMENSIONS.filter((d) => filters[d] != null);
}

function matches(row: Row, filters: Filters, dims: readonly Dimension[], date?: string): boolean {
  for (const d of dims) if (!filters[d]!.includes(String(row[d]))) return false;
  if (date && filters.until && +(row[date] as Date) > +filters.until) return false;
  return true;
}

/** A running total "until" a day on or after the last day of every daily table is the whole total. */
function normalise(published: Published, quantity: Quantity, filters: Filters): Filters {
  if (!filters.until) return filters;
  const daily = SOURCES.filter((s) => s.date && s.measures.includes(quantity));
  const last = Math.max(
    ...daily.flatMap((s) => (published.tables[s.table] ?? []).map((row) => +(row[s.date!] as Date)))
  );
  if (Number.isFinite(last) && +filters.until >= last) return {...filters, until: undefined};
  return filters;
}

interface Answer {
  value: number;
  hidden: number;
  source: Source;
  rows: readonly Row[];
}

function partialSum(published: Published, source: Source, quantity: Quantity, filters: Filters): Answer | null {
  const dims = activeDims(filters);
  if (!dims.every((d) => source.dims.includes(d))) return null;
  if (filters.until && !source.date) return null;
  if (source.table === "headline") {
    const value = published.headline?.[quantity];
    if (value === undefined) return null;
    return typeof value === "number" ? {value, hidden: 0, source, rows: []} : {value: 0, hidden: 1, source, rows: []};
  }
  const rows = published.tables[source.table];
  // A table with no rows at all publishes nothing (a breakdown withheld under round5 is written empty),
  // so it answers nothing: read as a sum, it would say an exact 0.
  if (!rows?.length) return null;
  const key = column(source.table, quantity);
  let value = 0;
  let hidden = 0;
  for (const row of rows) {
    if (!matches(row, filters, dims, source.date)) continue;
    const v = row[key] as Count | undefined;
    if (v == null) hidden++;
    else value += v;
  }
  return {value, hidden, source, rows};
}

/**
 * The figure for *quantity* under *filters*: exact from the coarsest published table that holds it
 * exactly, otherwise a lower bound (marked, with the hidden cells it leaves out) and, where one can be
 * worked out from published figures, an upper bound.
 */
export function figure(published: Published, quantity: Quantity, filters: Filters = {}): Figure {
  const f = normalise(published, quantity, filters);
  const key = figureKey(quantity, f);
  const known = answered(published);
  // Not the display key: a value may hold the "+" that joins values there ("65+").
  const asked = JSON.stringify([quantity, ...activeDims(f).map((d) => [d, [...f[d]!].sort()]), f.until ?? null]);
  let answer = known.get(asked);
  if (!answer) known.set(asked, (answer = Object.freeze(computeFigure(published, quantity, f, key))));
  return answer;
}

// The explorer asks for the same figures at every filter change (each bar twice, and each coarser figure
// again for every upper bound): a change took 20 ms in figure() alone. The published tables do not
// change once loaded, so answers are kept per Published object, and dropped if its tables are swapped.
const answers = new WeakMap<Published, {headline: unknown; tables: unknown[]; figures: Map<string, Figure>}>();
function answered(published: Published): Map<string, Figure> {
  const tables = Object.entries(published.tables).flat();
  const known = answers.get(published);
  const same =
    known &&
    known.headline === published.headline &&
    known.tables.length === tables.length &&
    known.tables.every((table, i) => table === tables[i]);
  if (same) return known.figures;
  const figures = new Map<string, Figure>();
  answers.set(published, {headline: published.headline, tables, figures});
  return figures;
}

/** The one area whose people total *f* asks for, with its table, or null for any other question. */
function areaAsked(quantity: Quantity, f: Filters): {table: string; area: string} | null {
  const dims = activeDims(f);
  if (quantity !== "people" || f.until || dims.length !== 1 || f[dims[0]!]!.length !== 1) return null;
  const table = {hospital_district: "people_by_district", wellbeing_services_county: "people_by_county"}[
    dims[0] as string
  ];
  return table ? {table, area: f[dims[0]!]![0]!} : null;
}

function computeFigure(published: Published, quantity: Quantity, f: Filters, key: string): Figure {
  const figure = boundedFigure(published, quantity, f, key);
  if (figure.exact) return figure;
  // A hidden area total: the range every published table allows, exact at both ends, which no partial
  // sum can beat (each of those is itself a provable bound).
  const asked = areaAsked(quantity, f);
  const range =
    asked && published.ranges?.find((r) => r.table === asked.table && r.area === asked.area && r.max !== null);
  if (!range) return figure;
  return {
    ...figure,
    value: range.min,
    upper: range.max,
    hidden: Math.max(1, figure.hidden),
    source: "area_ranges",
    range: true
  };
}

function boundedFigure(published: Published, quantity: Quantity, f: Filters, key: string): Figure {
  const partials = SOURCES.filter((s) => s.measures.includes(quantity))
    .map((s) => partialSum(published, s, quantity, f))
    .filter((p) => p != null);
  const exact = partials.find((p) => p.hidden === 0);
  if (exact)
    return {quantity, value: exact.value, exact: true, upper: null, hidden: 0, source: exact.source.table, key};
  if (!partials.length) return {quantity, value: null, exact: false, upper: null, hidden: 0, source: "", key};
  const best = partials.reduce((a, b) => (b.value > a.value ? b : a));
  const upper = upperBound(published, quantity, f, partials);
  // Every cell hidden and nothing known: there is no lower bound worth showing.
  const allHidden = best.value === 0 && best.hidden > 0 && partials.every((p) => p.value === 0);
  return {
    quantity,
    value: allHidden ? null : best.value,
    exact: false,
    upper,
    hidden: best.hidden,
    source: best.source.table,
    key
  };
}

/**
 * The least of: a coarser exact figure (one filter dropped) less the known cells that the dropped filter
 * leaves out. Counts are never negative, so the hidden part of that rest can only lower the figure.
 */
function upperBound(
  published: Published,
  quantity: Quantity,
  filters: Filters,
  partials: readonly Answer[]
): number | null {
  const bounds: number[] = [];
  const drops: Array<[keyof Filters, Filters]> = [
    ...activeDims(filters).map((d) => [d, {...filters, [d]: undefined}] as [keyof Filters, Filters]),
    ...(filters.until ? [["until", {...filters, until: undefined}] as [keyof Filters, Filters]] : [])
  ];
  for (const [dropped, coarser] of drops) {
    const outer = figure(published, quantity, coarser);
    if (!outer.exact || outer.value == null) continue;
    for (const p of partials) {
      const dims = activeDims(coarser);
      if (!dims.every((d) => p.source.dims.includes(d)) || (dropped === "until" && !p.source.date)) continue;
      let rest = 0;
      for (const row of p.rows) {
        if (!matches(row, coarser, dims, p.source.date) || matches(row, filters, activeDims(filters), p.source.date))
          continue;
        rest += (row[column(p.source.table, quantity)] as Count) ?? 0;
      }
      bounds.push(outer.value - rest);
    }
  }
  return bounds.length ? Math.min(...bounds) : null;
}

export interface FigureBar {
  key: string;
  label: string;
  value: number | null;
  /** Hidden cells left out of a lower bound; 0 when the figure is exact. */
  hidden: number;
  cells: number;
  exact: boolean;
  upper: number | null;
}

/** The figure for *quantity* per value of *by*, each under *filters* (the values any loaded table holds). */
export function figureBars(
  published: Published,
  quantity: Quantity,
  by: Dimension,
  filters: Filters = {},
  label: (key: string) => string = (key) => key
): FigureBar[] {
  const keys = new Set<string>();
  for (const source of SOURCES) {
    if (!source.dims.includes(by)) continue;
    for (const row of published.tables[source.table] ?? []) keys.add(String(row[by]));
  }
  return [...keys].sort().map((key) => {
    const f = figure(published, quantity, {...filters, [by]: [key]});
    return {key, label: label(key), value: f.value, hidden: f.hidden, cells: 0, exact: f.exact, upper: f.upper};
  });
}

/** The name a figure carries in the DOM (data-figure), so that a test can find it on every page. */
export function figureKey(quantity: Quantity, filters: Filters = {}): string {
  const parts = activeDims(filters).map((d) => `${d}=${[...filters[d]!].sort().join("+")}`);
  if (filters.until) parts.push(`until=${filters.until.toISOString().slice(0, 10)}`);
  return [quantity, ...parts].join(".");
}

/**
 * A figure as text: the number when exact, "1 180–1 224" when a hidden area total's provable range, "at
 * least N" when a lower bound, "hidden" when unknown.
 */
export function formatFigure(
  f: Pick<Figure, "value" | "exact"> & {upper?: number | null; range?: boolean},
  {lang = "en" as Language} = {}
): string {
  if (f.value == null) return strings[lang].suppressed;
  const count = formatCount(f.value, {lang});
  if (f.range && f.upper != null) return strings[lang].figures.range(count, formatCount(f.upper, {lang}));
  return f.exact ? count : strings[lang].atLeast(count);
}

/** A bar of CountBars showing a figure: "at least" (hidden > 0) when it is a lower bound. */
export interface FigureBarRow {
  label: string;
  value: number | null;
  title?: string;
  highlight?: boolean;
  hidden: number;
  figure: Figure;
}

export function barOf(f: Figure, label: string, extra: {title?: string; highlight?: boolean} = {}): FigureBarRow {
  return {label, value: f.value, hidden: f.exact ? 0 : Math.max(1, f.hidden), figure: f, ...extra};
}

/** People (or another people count) per reference district, Finnish short names, English as tooltip. */
export function districtFigureBars(
  published: Published,
  districts: readonly {code: string; short_fi: string; name_en: string}[],
  quantity: Quantity = "people"
): FigureBarRow[] {
  return districts.map((d) =>
    barOf(figure(published, quantity, {hospital_district: [d.code]}), d.short_fi, {title: d.name_en})
  );
}

/**
 * A note for a chart that leaves a category out (the people of unknown district), saying what and how
 * many; none when the figure is 0 or there is nothing to say.
 */
export function leftOutNotes(
  published: Published,
  quantity: Quantity,
  filters: Filters,
  what: string,
  {lang = "en" as Language} = {}
): string[] {
  const f = figure(published, quantity, filters);
  if (f.value === 0 && f.exact) return [];
  return [strings[lang].figures.leftOut(formatFigure(f, {lang}), what)];
}

/** People affected, published, e-mailed and reported, as bars, each the figure figures.ts answers. */
export function fateFigureBars(published: Published, names: Record<string, string>): FigureBarRow[] {
  return (["people", "people_published", "people_emailed", "people_reported"] as const).map((quantity) =>
    barOf(figure(published, quantity), names[quantity] ?? quantity)
  );
}
