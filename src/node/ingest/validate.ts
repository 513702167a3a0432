// Validation and normalisation as SQL: one scan reads a table file, gives each field its normalised value
// and a problem code (NULL when fine) and flags cells for the identifier check. A clean table is written
// to Parquet straight from that scan (directCopySql). A table with anything to report takes the full
// pass into `checked_<table>`; its few rows worth a second look are copied to `errs_<table>`, and
// Parquet is written from the checked table.
import {
  districtFormerNamesSelect,
  DISTRICTS_BEFORE_2021,
  hospitalDistrictsSelect,
  municipalityAliasesSelect
} from "../reference.js";
import {ident, literal, type BoundQuery} from "../../lib/sql.js";
import {
  DISTRICT_CODES,
  EARLIEST_DATE,
  normalisedColumns,
  UNKNOWN_DISTRICT,
  type FieldSpec,
  type TableSpec
} from "../../lib/schema.js";
import {TIME_ZONE} from "../../lib/time.js";
import {dimensionValues} from "../../lib/publishedTables.js";
import {rawColumn} from "./read.js";

export {EARLIEST_DATE} from "../../lib/schema.js";

export const PROBLEM_CODES = [
  "missing",
  "unknown",
  "invalid_date",
  "invalid_timestamp",
  "future",
  "too_early",
  "not_integer",
  "below_min",
  "too_large",
  "disagrees"
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
/** Problem codes are stored as 1-byte numbers (1 = missing …): the checked table holds one per cell. */
const code = (name: ProblemCode) => String(PROBLEM_CODES.indexOf(name) + 1);

/** Where each column of a table is in the source (index of c0, c1, …); absent optional columns are left out. */
export interface Binding {
  spec: TableSpec;
  fields: Map<string, number>;
  /** Source columns that are not in format v1 (checked for identifiers, then dropped). */
  extras: Array<{name: string; index: number}>;
  columns: number;
}

/** Identifier candidates are flagged in a 64-bit mask, one bit per source column. */
export const MAX_COLUMNS = 64;

export const checkedTable = (table: string) => ident(`checked_${table}`);
export const errsTable = (table: string) => ident(`errs_${table}`);
export const dupsTable = (table: string) => ident(`dups_${table}`);
const DISTRICT_ALIAS = "district_alias";
const ALIAS_FORMS = (expr: string) => [`lower(${expr})`, `lower(strip_accents(${expr}))`];

/**
 * Every accepted spelling of a district in lower case, with and without diacritics: code (also without
 * its leading zero, as Excel writes it), Finnish and Swedish names, `…n shp` and `… SVD` abbreviations,
 * bare region names, English names. Cells are matched by lower(trim(cell)) only: stripping diacritics
 * from every cell of a large file costs more than listing both spellings here.
 */
export function districtAliasSql(referenceCsv?: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${DISTRICT_ALIAS} AS
  SELECT DISTINCT unnest([${ALIAS_FORMS("alias").join(", ")}]) AS alias, code FROM (
    SELECT code, unnest([code, CAST(CAST(code AS INTEGER) AS VARCHAR), name_fi, name_sv, name_en, short_fi,
      regexp_replace(name_fi, ' sairaanhoitopiiri$', ' shp'), regexp_replace(name_sv, ' sjukvårdsdistrikt$', ' SVD')]) AS alias
    FROM (${hospitalDistrictsSelect(referenceCsv)})
    UNION ALL SELECT code, unnest([former_name_sv, regexp_replace(former_name_sv, ' sjukvårdsdistrikt$', ' SVD')])
    FROM (${districtFormerNamesSelect(referenceCsv)})
    UNION ALL SELECT '${UNKNOWN_DISTRICT}', '${UNKNOWN_DISTRICT}'
  )`;
}

const quoteList = (values: readonly string[]) => values.map(literal).join(", ");
const enumType = (values: readonly string[]) => `ENUM(${quoteList(values)})`;

/** Every accepted district spelling (lower case) and its code, from district_alias. */
export interface DistrictAliases {
  aliases: string[];
  codes: string[];
}

export const districtAliasesSql = `SELECT alias, code FROM ${DISTRICT_ALIAS} ORDER BY alias`;

/** District codes and `unknown`, the values a district is kept and written as: the published tables' own. */
const DISTRICT_VALUES = dimensionValues.hospital_district;

/**
 * Every accepted municipality spelling (lower case, from municipalityAliasesSelect) with its code, and
 * each code's hospital district (`districts[i]` is the district of `codes[i]`): format 1.1's
 * `municipality` column.
 */
export interface MunicipalityAliases {
  aliases: string[];
  /** The 3-digit code of each alias. */
  aliasCodes: string[];
  /** Every municipality code once, in order, and its hospital district. */
  codes: string[];
  districts: string[];
  /** The district each code belonged to in 2020 where it changed on 1.1.2021, else null. */
  districtsBefore2021: Array<string | null>;
}

export const municipalityAliasesQuery = (referenceCsv?: string) =>
  `SELECT alias, code, hospital_district FROM (${municipalityAliasesSelect(referenceCsv)}) ORDER BY alias`;

/** The aliases of municipalityAliasesQuery's rows, each code once with its district. */
export function municipalityAliases(
  rows: Array<{alias: string; code: string; hospital_district: string}>
): MunicipalityAliases {
  const byCode = new Map(rows.map((r) => [r.code, r.hospital_district]));
  const codes = [...byCode.keys()].sort();
  return {
    aliases: rows.map((r) => r.alias),
    aliasCodes: rows.map((r) => r.code),
    codes,
    districts: codes.map((c) => byCode.get(c)!),
    districtsBefore2021: codes.map((c) => DISTRICTS_BEFORE_2021[c] ?? null)
  };
}

/** A municipality cell's code, by the same hash lookup as a district's (see districtExpr). */
function municipalityExpr(x: string, m: MunicipalityAliases): string {
  return `CAST([${quoteList(m.aliasCodes)}] AS ${enumType(m.codes)}[])[enum_code(try_cast(lower(${x}) AS ${enumType(m.aliases)})) + 1]`;
}

/** The hospital district of a municipality code (an ENUM of MunicipalityAliases.codes), as a district value. */
function districtOfMunicipality(value: string, m: MunicipalityAliases): string {
  return `CAST([${quoteList(m.districts)}] AS ${enumType(DISTRICT_VALUES)}[])[enum_code(${value}) + 1]`;
}

/** The district a municipality code left on 1.1.2021 (NULL for the others): a 2020 export may give it. */
function districtBefore2021(value: string, m: MunicipalityAliases): string {
  const list = m.districtsBefore2021.map((d) => (d === null ? "NULL" : `'${d}'`)).join(", ");
  return `CAST([${list}] AS ${enumType(DISTRICT_VALUES)}[])[enum_code(${value}) + 1]`;
}

/**
 * A district cell's code by a hash lookup: the cell cast to an ENUM of all spellings, whose index picks
 * the code from a constant list. A join with the alias table would do the same, but DuckDB may build its
 * hash table on the side with millions of rows.
 */
function districtExpr(x: string, {aliases, codes}: DistrictAliases): string {
  return `CAST([${quoteList(codes)}] AS ${enumType(DISTRICT_VALUES)}[])[enum_code(try_cast(lower(${x}) AS ${enumType(aliases)})) + 1]`;
}

/**
 * Every non-empty subset of *values*, each spelled as its items in the schema's order joined by `|`: the
 * canonical spellings of an enumList cell, and the values it is kept and written as.
 */
function canonicalSets(values: readonly string[]): string[] {
  if (values.length > 8)
    throw new Error(`too many values for a set of ${values.length}: enumerating subsets would explode`);
  return Array.from({length: 2 ** values.length - 1}, (_, i) =>
    values.filter((_, bit) => ((i + 1) >> bit) & 1).join("|")
  );
}

export interface Clock {
  /** Helsinki date today, YYYY-MM-DD. */
  today: string;
  /** The current instant, ISO. */
  now: string;
}

/** A field's trimmed cell, NULL when empty (computed once per row, in the first step). */
const cell = (index: number) => `x${index}`;
const typed = (field: FieldSpec) => ident(`t_${field.name}`);
const problem = (field: FieldSpec) => ident(`p_${field.name}`);

// A LIKE pattern rather than a regular expression or character tests: this runs on every date cell of
// millions of rows. The shape test is needed: DuckDB's cast alone would take "2020-10-23 23:30" or
// "2020-10-25x" as a date.
function dateExpr(t: string): string {
  return `CASE WHEN ${t} LIKE '____-__-__' THEN try_cast(${t} AS DATE)
    WHEN contains(${t}, '.') AND NOT contains(${t}, '-') THEN CAST(try_strptime(${t}, '%d.%m.%Y') AS DATE) END`;
}

function timestampExpr(t: string): string {
  return `CASE WHEN length(${t}) > 10 THEN CASE WHEN regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)? ?(Z|[+-]\\d{2}(:?\\d{2})?)')
      THEN try_cast(${t} AS TIMESTAMPTZ) END
    ELSE timezone('${TIME_ZONE}', CAST(${dateExpr(t)} AS TIMESTAMP)) END`;
}

/** A field's value from its cell, in the compact type it is checked and kept in until written. */
function valueExpr(field: FieldSpec, index: number, binding: Binding, context: PassContext): string {
  const {districts, municipalities} = context;
  const t = cell(index);
  const from = derivingField(binding, field);
  switch (field.kind) {
    case "district":
      // Format 1.1: the municipality's district wherever the municipality is known.
      return from
        ? `coalesce(${districtOfMunicipality(municipalityExpr(cell(from.index), municipalities), municipalities)}, ${districtExpr(t, districts)})`
        : districtExpr(t, districts);
    case "municipality":
      return municipalityExpr(t, municipalities);
    case "enum": {
      // Most cells are written in lower case already: lower() only for the others.
      const type = enumType(field.values ?? []);
      return `coalesce(try_cast(${t} AS ${type}), try_cast(lower(${t}) AS ${type}))`;
    }
    case "enumList": {
      // Most cells are already canonical (lower case, items in schema order): one ENUM cast. The others
      // are split into trimmed items whose bits make a mask, and the mask of a subset is its position in
      // canonicalSets. An item that is not a value sets bit 31, past the end of the list, so the cell is
      // NULL (unknown). Each expression appears once: DuckDB would compute a repeated one (even lower())
      // for every row, not only for the cells that miss the cast.
      const values = field.values ?? [];
      const sets = canonicalSets(values);
      const bit = `coalesce(1 << enum_code(try_cast(trim(x) AS ${enumType(values)})), ${2 ** 31})`;
      const mask = `list_aggregate(list_transform(string_split(lower(${t}), '|'), lambda x: ${bit}), 'bit_or')`;
      const type = enumType(sets);
      return `coalesce(try_cast(${t} AS ${type}), CAST([${quoteList(sets)}] AS ${type}[])[${mask}])`;
    }
    case "date":
      return dateExpr(t);
    case "dateOrTimestamp":
      return timestampExpr(t);
    case "integer":
      return `CASE WHEN regexp_full_match(${t}, '[+-]?\\d+') THEN try_cast(${t} AS BIGINT) END`;
    case "key":
      return t;
    case "text":
      return `nullif(${rawColumn(index)}, '')`;
  }
}

// Kinds kept as an ENUM: written to Parquet as they are (a dictionary-encoded string, read back as VARCHAR),
// which costs a fraction of writing the same strings from VARCHAR, and far less than a list.
const ENUM_KINDS = new Set(["district", "municipality", "enum", "enumList"]);

/**
 * The field a district is derived from when the binding has it (format 1.1's municipality), with its
 * cell index: an empty district cell is then no problem, and a given one must agree.
 */
function derivingField(binding: Binding, field: FieldSpec): {field: FieldSpec; index: number} | null {
  const from = field.derivableFrom && binding.spec.fields.find((f) => f.name === field.derivableFrom);
  return from && binding.fields.has(from.name) ? {field: from, index: binding.fields.get(from.name)!} : null;
}

/** Fields the file leaves out whose values are derived from another column it has (see FieldSpec.derivableFrom). */
function derivedOnly(binding: Binding): FieldSpec[] {
  return binding.spec.fields.filter((f) => !binding.fields.has(f.name) && derivingField(binding, f) !== null);
}

/** The problem code of a field's cell from its value (`t_<field>`) and cell, or NULL. */
function problemExpr(field: FieldSpec, index: number, clock: Clock, binding: Binding, context: PassContext): string {
  const t = cell(index);
  const value = typed(field);
  const from = derivingField(binding, field);
  let missing = field.nullable ? "NULL" : code("missing");
  let check = "";
  if (from && field.kind === "district") {
    // Missing only when the municipality is too; a known district other than the municipality's disagrees
    // (`unknown` gives way to the municipality's).
    missing = `CASE WHEN ${cell(from.index)} IS NULL THEN ${missing} END`;
    // The value is the municipality's district where there is one: the cell's own reading is checked here.
    const own = districtExpr(t, context.districts);
    // A 2020 export may give Iitti, Kuhmoinen or Heinävesi the district it left on 1.1.2021: that agrees too.
    const before2021 = districtBefore2021(typed(from.field), context.municipalities);
    check = `WHEN ${own} IS NULL THEN ${code("unknown")}
      WHEN ${own} <> '${UNKNOWN_DISTRICT}' AND ${typed(from.field)} IS NOT NULL AND ${own} <> ${value}
        AND ${own} IS DISTINCT FROM ${before2021} THEN ${code("disagrees")}`;
    return `CASE WHEN ${t} IS NULL THEN ${missing} ${check} END`;
  }
  switch (field.kind) {
    case "district":
    case "municipality":
    case "enum":
      check = `WHEN ${value} IS NULL THEN ${code("unknown")}`;
      break;
    case "enumList":
      check = `WHEN ${value} IS NULL THEN ${code("unknown")}`;
      break;
    case "date":
      check = `WHEN ${value} IS NULL THEN ${code("invalid_date")}
        WHEN ${value} > DATE '${clock.today}' THEN ${code("future")}
        WHEN ${value} < DATE '${EARLIEST_DATE}' THEN ${code("too_early")}`;
      break;
    case "dateOrTimestamp":
      check = `WHEN ${value} IS NULL THEN ${code("invalid_timestamp")}
        WHEN ${value} > TIMESTAMPTZ '${clock.now}' THEN ${code("future")}
        WHEN ${value} < timezone('${TIME_ZONE}', TIMESTAMP '${EARLIEST_DATE} 00:00:00') THEN ${code("too_early")}`;
      break;
    case "integer":
      check = `WHEN ${value} IS NULL THEN CASE WHEN regexp_full_match(${t}, '[+-]?\\d+') THEN ${code("too_large")} ELSE ${code("not_integer")} END
        WHEN ${value} > 2147483647 THEN ${code("too_large")}
        WHEN ${value} < ${field.min ?? -2147483648} THEN ${code("below_min")}`;
      break;
  }
  return `CASE WHEN ${t} IS NULL THEN ${missing} ${check} END`;
}

// Cells of these kinds that pass validation are a fixed vocabulary or a date, so cannot hide an identifier;
// every other cell (keys, free text, long numbers, unknown columns, and any cell that failed) is scanned.
const CLOSED_KINDS = new Set(["district", "municipality", "enum", "enumList", "date", "dateOrTimestamp"]);

/**
 * The characters DuckDB's trim() removes (a test holds DuckDB to this list), at either end of a cell: an
 * RE2 alternative for the identifier prefilter of key cells in the direct pass.
 */
const TRIMMED = "[ \\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}]";
export const PADDED_CELL_PATTERN = `^${TRIMMED}|${TRIMMED}$`;

/**
 * A regular expression as an SQL literal: DuckDB compiles a literal pattern once, a bound one once per
 * vector. The patterns are the module's own constants, never user input.
 */
const patternLiteral = literal;

export interface PassContext {
  clock: Clock;
  districts: DistrictAliases;
  municipalities: MunicipalityAliases;
  candidatePattern: string;
  /**
   * Whether cells are trimmed. Trimming every cell of millions of rows costs, so the direct pass does not
   * trim: there a padded cell of any kind but free text fails its check (a key matches
   * PADDED_CELL_PATTERN), and the full pass, which trims, takes the table over. Padded listed values are
   * the exception: their items are trimmed anyway, so they come out as trimming would leave them.
   */
  trimCells: boolean;
}

/** The source's rows (c0, c1, … as text), each field's cell (`x<i>`) and its normalised value (`t_<field>`). */
function valuesSelect(binding: Binding, source: BoundQuery, context: PassContext): string {
  const {trimCells} = context;
  const present = binding.spec.fields.filter((f) => binding.fields.has(f.name));
  const values = present.map((f) => `${valueExpr(f, binding.fields.get(f.name)!, binding, context)} AS ${typed(f)}`);
  // A district left out of a format 1.1 file is the municipality's, or `unknown` where that is empty.
  for (const f of derivedOnly(binding)) {
    const from = derivingField(binding, f)!;
    const district = districtOfMunicipality(
      municipalityExpr(cell(from.index), context.municipalities),
      context.municipalities
    );
    values.push(`coalesce(${district}, '${UNKNOWN_DISTRICT}') AS ${typed(f)}`);
  }
  const trimmed = (raw: string) => (trimCells ? `trim(${raw})` : raw);
  const cells = present.map(
    (f) => `nullif(${trimmed(rawColumn(binding.fields.get(f.name)!))}, '') AS ${cell(binding.fields.get(f.name)!)}`
  );
  return `SELECT s.*${values.length ? ", " : ""}${values.join(", ")}
    FROM (SELECT *${cells.length ? ", " : ""}${cells.join(", ")} FROM (${source.sql})) s`;
}

/**
 * Every row of the source (c0, c1, … as text) with every field normalised (`t_<field>`), its problem code
 * (`p_<field>`, NULL when fine), `bad` (any problem) and the cells matching the identifier prefilter
 * (bit i of `kmask`). Nothing here reorders rows, so a row's position is its ordinal in the file.
 */
function validatedSelect(binding: Binding, source: BoundQuery, context: PassContext): BoundQuery {
  const {clock, candidatePattern} = context;
  const present = binding.spec.fields.filter((f) => binding.fields.has(f.name));
  const fieldAt = new Map(present.map((f) => [binding.fields.get(f.name)!, f]));
  const raws = Array.from({length: binding.columns}, (_, i) => rawColumn(i));
  const problems = present.map(
    (f) => `CAST(${problemExpr(f, binding.fields.get(f.name)!, clock, binding, context)} AS UTINYINT) AS ${problem(f)}`
  );
  const bad = present.length ? present.map((f) => `${problem(f)} IS NOT NULL`).join(" OR ") : "false";
  const candidates = raws.map((c, i) => {
    const field = fieldAt.get(i);
    const scan =
      field && CLOSED_KINDS.has(field.kind)
        ? `${problem(field)} IS NOT NULL AND `
        : field?.kind === "integer"
          ? `(${problem(field)} IS NOT NULL OR length(${c}) >= 6) AND `
          : "";
    return `CASE WHEN ${scan}regexp_matches(${c}, ${patternLiteral(candidatePattern)}) THEN ${1n << BigInt(i)}::UBIGINT ELSE 0::UBIGINT END`;
  });
  const sql = `SELECT *, ${candidates.join(" | ") || "0::UBIGINT"} AS kmask FROM (
        SELECT *, ${bad} AS bad FROM (
          SELECT *${problems.length ? ", " : ""}${problems.join(", ")} FROM (${valuesSelect(binding, source, context)})
        )
      )`;
  return {sql, params: source.params};
}

/**
 * The full pass over a table's rows, into a table whose rowid is the row's ordinal in the file (DuckDB
 * keeps insertion order): the validated row, and the raw cells only of rows with a problem or a
 * candidate (`cells`), so the table stays small.
 */
export function checkedTableSql(binding: Binding, source: BoundQuery, context: PassContext): BoundQuery {
  const {spec} = binding;
  const present = spec.fields.filter((f) => binding.fields.has(f.name));
  const raws = Array.from({length: binding.columns}, (_, i) => rawColumn(i));
  const validated = validatedSelect(binding, source, context);
  const sql = `CREATE OR REPLACE TEMP TABLE ${checkedTable(spec.name)} AS
    SELECT ${[...present.map(typed), ...derivedOnly(binding).map(typed), ...present.map(problem)].join(", ")}${present.length ? ", " : ""}bad, kmask,
      CASE WHEN bad OR kmask <> 0 THEN [${raws.join(", ")}] END AS cells
    FROM (${validated.sql})`;
  return {sql, params: validated.params};
}

const NEEDS_A_LOOK = "vuoto: a row needs a closer look";

/**
 * The optimistic pass: validates the source and writes the normalised Parquet straight from the same
 * scan, with no table in between. Most exports are clean, so this is the only pass over their rows. The
 * first row with a problem or an identifier candidate stops it with NEEDS_A_LOOK (DuckDB's error()),
 * and the caller then takes the full pass, which numbers and reports every row worth reporting.
 */
export function directCopySql(binding: Binding, source: BoundQuery, context: PassContext, target: string): BoundQuery {
  // One test per row and none of the full pass's columns (problem codes, candidate mask): whatever is
  // wrong with a row, the full pass finds it. A cell of a closed kind can only be a candidate if it
  // failed its check, so only the other cells go through the prefilter, and keys also through
  // PADDED_CELL_PATTERN (this pass does not trim; see PassContext).
  const {clock, candidatePattern} = context;
  const present = binding.spec.fields.filter((f) => binding.fields.has(f.name));
  const fieldAt = new Map(present.map((f) => [binding.fields.get(f.name)!, f]));
  const tests = present.map(
    (f) => `(${problemExpr(f, binding.fields.get(f.name)!, clock, binding, context)}) IS NOT NULL`
  );
  for (let i = 0; i < binding.columns; ++i) {
    const field = fieldAt.get(i);
    if (field && CLOSED_KINDS.has(field.kind)) continue;
    const pattern =
      field?.kind === "key" && !context.trimCells ? `${candidatePattern}|${PADDED_CELL_PATTERN}` : candidatePattern;
    tests.push(
      `${field?.kind === "integer" ? `length(${rawColumn(i)}) >= 6 AND ` : ""}regexp_matches(${rawColumn(i)}, ${patternLiteral(pattern)})`
    );
  }
  const relation = `(${valuesSelect(binding, source, context)}) WHERE CASE WHEN ${tests.join(" OR ") || "false"} THEN error('${NEEDS_A_LOOK}') ELSE true END`;
  // DuckDB binds COPY's target before the query inside it, whatever their order in the text.
  return {
    sql: `COPY (${normalisedSelect(binding, relation)}) TO ? (FORMAT parquet)`,
    params: [target, ...source.params]
  };
}

/** The rows worth a second look (problems or identifier candidates), copied out of the big table. */
export function errsTableSql(binding: Binding): string {
  const present = binding.spec.fields.filter((f) => binding.fields.has(f.name));
  return `CREATE OR REPLACE TEMP TABLE ${errsTable(binding.spec.name)} AS
    SELECT rowid AS ord, ${present.map(problem).join(", ")}${present.length ? ", " : ""}bad, kmask, cells
    FROM ${checkedTable(binding.spec.name)} WHERE cells IS NOT NULL`;
}

/** Per field and problem code: how many rows, the first ordinals and their cells. */
export function problemGroupsSql(binding: Binding, field: FieldSpec, examples: number): string {
  const p = problem(field);
  const index = binding.fields.get(field.name)! + 1;
  // Top-n aggregates keep memory flat however many rows share a problem.
  return `SELECT CAST(${p} AS INTEGER) AS code, count(*) AS n, CAST(min(ord, ${examples}) AS DOUBLE[]) AS ords,
      min_by(cells[${index}], ord, ${examples}) AS vals
    FROM ${errsTable(binding.spec.name)} WHERE ${p} IS NOT NULL GROUP BY ${p} ORDER BY min(ord)`;
}

/** Every (ordinal, column, reason) to report in rejects.csv: problem cells, then repeats of a unique key. */
export function rejectsSelect(binding: Binding, withDuplicates: boolean): string {
  const present = binding.spec.fields.filter((f) => binding.fields.has(f.name));
  const parts = present.map((field) => {
    const reasons = PROBLEM_CODES.map(
      (name, i) => `WHEN ${i + 1} THEN ${literal(describeProblem(field, name).message)}`
    );
    return `SELECT ord, '${field.name}' AS "column", CASE ${problem(field)} ${reasons.join(" ")} END AS reason
      FROM ${errsTable(binding.spec.name)} WHERE ${problem(field)} IS NOT NULL`;
  });
  if (withDuplicates) {
    parts.push(
      `SELECT ord, '${uniqueColumns(binding)!.join(" ")}' AS "column", 'duplicate of an earlier line' AS reason FROM ${dupsTable(binding.spec.name)}`
    );
  }
  return parts.join("\n    UNION ALL ");
}

export function problemCode(n: number): ProblemCode {
  const code = PROBLEM_CODES[n - 1];
  if (code === undefined) throw new Error(`unknown problem code: ${n}`);
  return code;
}

export function candidatesSql(binding: Binding, column: number): string {
  return `SELECT ord, cells[${column + 1}] AS v FROM ${errsTable(binding.spec.name)}
    WHERE kmask & ${1n << BigInt(column)}::UBIGINT <> 0 ORDER BY ord`;
}

/**
 * The unique key's columns this file has, or derives (a district from format 1.1's municipality): an
 * optional column the file leaves out (a format 1 file's municipality) is empty in every row, so it drops
 * out of the key. Null when a required one is missing (the file is refused for that anyway).
 */
export function uniqueColumns(binding: Binding): string[] | null {
  const {spec} = binding;
  if (!spec.unique) return null;
  const derived = new Set(derivedOnly(binding).map((f) => f.name));
  const has = (name: string) => binding.fields.has(name) || derived.has(name);
  const required = (name: string) => spec.fields.find((f) => f.name === name)?.required ?? true;
  if (spec.unique.some((name) => !has(name) && required(name))) return null;
  return spec.unique.filter(has);
}

function uniqueKeys(binding: Binding): string | null {
  return (
    uniqueColumns(binding)
      ?.map((name) => ident(`t_${name}`))
      .join(", ") ?? null
  );
}

/** How many valid rows repeat an earlier valid row's unique key (after normalisation): one hash aggregate. */
export function duplicateCountSql(binding: Binding): string | null {
  const keys = uniqueKeys(binding);
  if (!keys) return null;
  return `SELECT coalesce(sum(n - 1), 0) AS n FROM (
    SELECT count(*) AS n FROM ${checkedTable(binding.spec.name)} WHERE NOT bad GROUP BY ${keys} HAVING count(*) > 1)`;
}

/** Ordinals of those repeats: every valid row of a repeated key but the first. */
export function duplicatesSql(binding: Binding): string | null {
  const keys = uniqueKeys(binding);
  if (!keys) return null;
  const checked = checkedTable(binding.spec.name);
  return `CREATE OR REPLACE TEMP TABLE ${dupsTable(binding.spec.name)} AS
    SELECT c.rowid AS ord FROM ${checked} c
    JOIN (SELECT ${keys}, min(rowid) AS first_ord FROM ${checked} WHERE NOT bad GROUP BY ${keys} HAVING count(*) > 1) g USING (${keys})
    WHERE NOT c.bad AND c.rowid <> g.first_ord`;
}

/** SELECT of the normalised columns in their Parquet types from *relation* (the checked table or a validated scan). */
export function normalisedSelect(binding: Binding, relation: string): string {
  const {spec} = binding;
  const select = Object.entries(normalisedColumns[spec.name]).map(([name, type]) => {
    const field = spec.fields.find((f) => f.name === name);
    if (field && binding.fields.has(name) && ENUM_KINDS.has(field.kind)) {
      const empty = field.emptyMeans ? `coalesce(${typed(field)}, '${field.emptyMeans}')` : typed(field);
      return `${empty} AS ${ident(name)}`;
    }
    let value: string;
    if (field && (binding.fields.has(name) || derivedOnly(binding).includes(field))) value = typed(field);
    else if (field) value = field.emptyMeans ? `'${field.emptyMeans}'` : "NULL";
    else value = derivedExpr(binding, name);
    return `CAST(${value} AS ${type}) AS ${ident(name)}`;
  });
  return `SELECT ${select.join(", ")} FROM ${relation}`;
}

/** The checked table's rows without problems (or repeats, when skipped), normalised. */
export function checkedNormalisedSelect(binding: Binding, {skipDuplicates}: {skipDuplicates: boolean}): string {
  const {spec} = binding;
  const skip = skipDuplicates ? ` AND rowid NOT IN (SELECT ord FROM ${dupsTable(spec.name)})` : "";
  return normalisedSelect(binding, `${checkedTable(spec.name)} WHERE NOT bad${skip}`);
}

/** How many rows of a written Parquet file repeat an earlier row's unique key (its columns are normalised). */
export function writtenDuplicateCountSql(binding: Binding, path: string): BoundQuery | null {
  if (!uniqueKeys(binding)) return null;
  const keys = binding.spec.unique!.map(ident).join(", ");
  return {
    sql: `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM read_parquet(?) GROUP BY ${keys} HAVING count(*) > 1)`,
    params: [path]
  };
}

function derivedExpr(binding: Binding, name: string): string {
  if (binding.spec.name === "publication_events" && name === "occurred_on") {
    return binding.fields.has("occurred_at")
      ? `CAST(timezone('${TIME_ZONE}', ${ident("t_occurred_at")}) AS DATE)`
      : "NULL";
  }
  throw new Error(`unknown derived column: ${name}`);
}

/** What a problem code means for people, and what to do. */
export function describeProblem(field: FieldSpec, code: ProblemCode): {message: string; hint?: string} {
  const name = field.name;
  switch (code) {
    case "missing":
      return {message: `missing ${name}`, hint: "every row needs a value here"};
    case "unknown":
      if (field.kind === "municipality")
        return {
          message: `unknown ${name}`,
          hint: "use Statistics Finland's 3-digit municipality code (e.g. 091), the municipality's Finnish or Swedish name, or leave it empty"
        };
      return field.kind === "district"
        ? {
            message: `unknown ${name}`,
            hint: `use a code (${DISTRICT_CODES[0]}, ${DISTRICT_CODES[1]}–${DISTRICT_CODES.at(-2)}, ${DISTRICT_CODES.at(-1)}), a Finnish or Swedish district name, or ${UNKNOWN_DISTRICT}`
          }
        : {
            message: `unknown ${name}`,
            hint: `use ${field.kind === "enumList" ? "|-separated values from " : "one of "}${(field.values ?? []).join(", ")}`
          };
    case "invalid_date":
      return {message: `invalid ${name}: not a date`, hint: "use YYYY-MM-DD or D.M.YYYY with a day that exists"};
    case "invalid_timestamp":
      return {
        message: `invalid ${name}: not a date or a timestamp with offset`,
        hint: "use YYYY-MM-DD, D.M.YYYY or e.g. 2020-10-21T04:00:00+03:00"
      };
    case "future":
      return {message: `invalid ${name}: in the future`, hint: "check the date and the column order"};
    case "too_early":
      return {
        message: `invalid ${name}: before ${EARLIEST_DATE.slice(0, 4)}`,
        hint: "implausibly early for this breach; check the date format"
      };
    case "not_integer":
      return {message: `invalid ${name}: not a whole number`};
    case "too_large":
      return {message: `invalid ${name}: too large`};
    case "below_min":
      return {message: `invalid ${name}: ${field.min === 0 ? "negative" : `less than ${field.min}`}`};
    case "disagrees":
      return {
        message: `${name} disagrees with ${field.derivableFrom}: the ${field.derivableFrom} is in another hospital district`,
        hint: `correct one of them, or leave ${name} empty to take the ${field.derivableFrom}'s`
      };
  }
}

/** Columns whose values may be shown in messages (never keys, free text or unknown columns). */
export function mayEcho(field: FieldSpec): boolean {
  return ["district", "municipality", "enum", "enumList", "date", "dateOrTimestamp", "integer"].includes(field.kind);
}
