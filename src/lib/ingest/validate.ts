// Validation and normalisation as SQL over a raw text table: one expression per column gives its typed
// value, another its problem code (NULL when fine). Rows with a problem, and cells worth an identifier
// check, go to a small `errs_<table>` table in one pass; the Parquet output is a second pass.
import {hospitalDistrictsSelect} from "../reference.js";
import {ident, type BoundQuery} from "../sql.js";
import {DISTRICT_CODES, normalisedColumns, UNKNOWN_DISTRICT, type FieldSpec, type TableSpec} from "../schema.js";
import {TIME_ZONE} from "../time.js";
import {rawColumn, rawTable} from "./read.js";

/** Dates before this are implausible for this breach (Vastaamo was founded in 2008). */
export const EARLIEST_DATE = "2008-01-01";

export type ProblemCode =
  | "missing"
  | "unknown"
  | "invalid_date"
  | "invalid_timestamp"
  | "future"
  | "too_early"
  | "not_integer"
  | "below_min"
  | "too_large";

/** Where each column of a table is in the raw table (index of c0, c1, …); absent optional columns are left out. */
export interface Binding {
  spec: TableSpec;
  fields: Map<string, number>;
  /** Raw columns that are not in format v1 (checked for identifiers, then dropped). */
  extras: Array<{name: string; index: number}>;
  columns: number;
}

export const errsTable = (table: string) => ident(`errs_${table}`);
const DISTRICT_ALIAS = "district_alias";
const norm = (expr: string) => `lower(strip_accents(${expr}))`;

/**
 * Every accepted spelling of a district, normalised (lower case, no diacritics): code (also without its
 * leading zero, as Excel writes it), Finnish and Swedish names, `…n shp` and `… SVD` abbreviations, bare
 * region names, English names.
 */
export function districtAliasSql(referenceCsv?: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${DISTRICT_ALIAS} AS
  SELECT DISTINCT ${norm("alias")} AS alias, code FROM (
    SELECT code, unnest([code, CAST(CAST(code AS INTEGER) AS VARCHAR), name_fi, name_sv, name_en, short_fi,
      regexp_replace(name_fi, ' sairaanhoitopiiri$', ' shp'), regexp_replace(name_sv, ' sjukvårdsdistrikt$', ' SVD')]) AS alias
    FROM (${hospitalDistrictsSelect(referenceCsv)})
    UNION ALL SELECT '${UNKNOWN_DISTRICT}', '${UNKNOWN_DISTRICT}'
  )`;
}

const quoteList = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");

export interface Clock {
  /** Helsinki date today, YYYY-MM-DD. */
  today: string;
  /** The current instant, ISO. */
  now: string;
}

function cell(index: number): string {
  return `nullif(trim(r.${rawColumn(index)}), '')`;
}

function dateExpr(t: string): string {
  return `CASE WHEN regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}') THEN try_cast(${t} AS DATE)
    WHEN regexp_full_match(${t}, '\\d{1,2}\\.\\d{1,2}\\.\\d{4}') THEN CAST(try_strptime(${t}, '%d.%m.%Y') AS DATE) END`;
}

function timestampExpr(t: string): string {
  return `CASE WHEN regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)? ?(Z|[+-]\\d{2}(:?\\d{2})?)')
      THEN try_cast(${t} AS TIMESTAMPTZ)
    ELSE timezone('${TIME_ZONE}', CAST(${dateExpr(t)} AS TIMESTAMP)) END`;
}

/** The normalised value of a field (before the cast to its normalised type). */
function valueExpr(field: FieldSpec, index: number | undefined): string {
  if (index === undefined) return field.emptyMeans ? `'${field.emptyMeans}'` : "NULL";
  const t = cell(index);
  switch (field.kind) {
    case "district":
      return "d.code";
    case "enum":
      return field.emptyMeans ? `coalesce(lower(${t}), '${field.emptyMeans}')` : `lower(${t})`;
    case "enumList":
      return `list_transform(string_split(lower(${t}), '|'), lambda x: trim(x))`;
    case "date":
      return dateExpr(t);
    case "dateOrTimestamp":
      return timestampExpr(t);
    case "integer":
      return `try_cast(${t} AS BIGINT)`;
    case "key":
      return t;
    case "text":
      return `nullif(r.${rawColumn(index)}, '')`;
  }
}

/** The problem code of a field's cell, or NULL. */
function problemExpr(field: FieldSpec, index: number, clock: Clock): string {
  const t = cell(index);
  const value = valueExpr(field, index);
  const missing = field.nullable ? "NULL" : "'missing'";
  let check: string;
  switch (field.kind) {
    case "district":
      check = `WHEN d.code IS NULL THEN 'unknown'`;
      break;
    case "enum":
      check = `WHEN lower(${t}) NOT IN (${quoteList(field.values ?? [])}) THEN 'unknown'`;
      break;
    case "enumList":
      check = `WHEN len(list_filter(${value}, lambda x: x NOT IN (${quoteList(field.values ?? [])}))) > 0 THEN 'unknown'`;
      break;
    case "date":
      check = `WHEN ${value} IS NULL THEN 'invalid_date'
        WHEN ${value} > DATE '${clock.today}' THEN 'future'
        WHEN ${value} < DATE '${EARLIEST_DATE}' THEN 'too_early'`;
      break;
    case "dateOrTimestamp":
      check = `WHEN ${value} IS NULL THEN 'invalid_timestamp'
        WHEN ${value} > TIMESTAMPTZ '${clock.now}' THEN 'future'
        WHEN ${value} < timezone('${TIME_ZONE}', TIMESTAMP '${EARLIEST_DATE} 00:00:00') THEN 'too_early'`;
      break;
    case "integer":
      check = `WHEN NOT regexp_full_match(${t}, '[+-]?\\d+') THEN 'not_integer'
        WHEN ${value} IS NULL OR ${value} > 2147483647 THEN 'too_large'
        WHEN ${value} < ${field.min ?? -2147483648} THEN 'below_min'`;
      break;
    case "key":
    case "text":
      check = "";
  }
  return `CASE WHEN ${t} IS NULL THEN ${missing} ${check} END`;
}

// Cells of these kinds that pass validation are a fixed vocabulary or a date, so cannot hide an identifier;
// every other cell (keys, free text, counts, unknown columns, and any cell that failed) is scanned.
const CLOSED_KINDS = new Set(["district", "enum", "enumList", "date", "dateOrTimestamp"]);

function districtJoin(binding: Binding): string {
  const field = binding.spec.fields.find((f) => f.kind === "district" && binding.fields.has(f.name));
  return field ? `LEFT JOIN ${DISTRICT_ALIAS} d ON d.alias = ${norm(cell(binding.fields.get(field.name)!))}` : "";
}

/**
 * One pass over the raw table: for each row with a problem or a cell matching the identifier prefilter,
 * its ordinal, one problem code per field (`p_<field>`), one candidate flag per raw column (`k<i>`) and
 * the raw text of those cells only (`v<i>`), so the table stays small.
 */
export function problemsSql(binding: Binding, clock: Clock, candidatePattern: string): BoundQuery {
  const {spec} = binding;
  const table = spec.name;
  const present = spec.fields.filter((f) => binding.fields.has(f.name));
  const problems = present.map((f) => `${problemExpr(f, binding.fields.get(f.name)!, clock)} AS ${ident(`p_${f.name}`)}`);
  const kindOf = new Map(present.map((f) => [binding.fields.get(f.name)!, f]));
  const candidates: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < binding.columns; ++i) {
    const field = kindOf.get(i);
    const scan = field && CLOSED_KINDS.has(field.kind) ? `${ident(`p_${field.name}`)} IS NOT NULL AND ` : "";
    candidates.push(`coalesce(${scan}regexp_matches(${rawColumn(i)}, ?), false) AS k${i}`);
    values.push(`CASE WHEN k${i}${field ? ` OR ${ident(`p_${field.name}`)} IS NOT NULL` : ""} THEN ${rawColumn(i)} END AS v${i}`);
  }
  const any = [...present.map((f) => `${ident(`p_${f.name}`)} IS NOT NULL`), ...candidates.map((_, i) => `k${i}`)].join(" OR ");
  const raws = Array.from({length: binding.columns}, (_, i) => `r.${rawColumn(i)}`).join(", ");
  return {
    sql: `CREATE OR REPLACE TEMP TABLE ${errsTable(table)} AS
    SELECT ord, ${present.map((f) => ident(`p_${f.name}`)).join(", ")}${present.length ? ", " : ""}${candidates.map((_, i) => `k${i}`).join(", ")}, ${values.join(", ")}
    FROM (
      SELECT *, ${candidates.join(", ")}
      FROM (SELECT r.rowid AS ord, ${raws}${problems.length ? ", " : ""}${problems.join(", ")} FROM ${rawTable(table)} r ${districtJoin(binding)})
    ) WHERE ${any}`,
    params: candidates.map(() => candidatePattern)
  };
}

/** Per field and problem code: how many rows, the first ordinals and their cells. */
export function problemGroupsSql(binding: Binding, field: FieldSpec, examples: number): string {
  const p = ident(`p_${field.name}`);
  const v = `v${binding.fields.get(field.name)}`;
  return `SELECT ${p} AS code, count(*) AS n, CAST(list(ord ORDER BY ord)[1:${examples}] AS DOUBLE[]) AS ords, list(${v} ORDER BY ord)[1:${examples}] AS vals
    FROM ${errsTable(binding.spec.name)} WHERE ${p} IS NOT NULL GROUP BY ${p} ORDER BY min(ord)`;
}

/** Ordinals of rows that repeat an earlier valid row's unique key (after normalisation). */
export function duplicatesSql(binding: Binding): string | null {
  const {spec} = binding;
  if (!spec.unique || !spec.unique.every((name) => binding.fields.has(name))) return null;
  const keys = spec.unique.map((name) => {
    const field = spec.fields.find((f) => f.name === name)!;
    return `${valueExpr(field, binding.fields.get(name))} AS ${ident(`key_${name}`)}`;
  });
  const partition = spec.unique.map((name) => ident(`key_${name}`)).join(", ");
  return `CREATE OR REPLACE TEMP TABLE ${ident(`dups_${spec.name}`)} AS
    SELECT ord, first_ord FROM (
      SELECT ord, min(ord) OVER (PARTITION BY ${partition}) AS first_ord, count(*) OVER (PARTITION BY ${partition}) AS n
      FROM (SELECT r.rowid AS ord, ${keys.join(", ")} FROM ${rawTable(spec.name)} r ${districtJoin(binding)}
        WHERE r.rowid NOT IN (SELECT ord FROM ${errsTable(spec.name)}))
    ) WHERE n > 1 AND ord <> first_ord`;
}

/** SELECT of the normalised table, skipping rows with problems and duplicates. */
export function normalisedSelect(binding: Binding, {skipDuplicates}: {skipDuplicates: boolean}): string {
  const {spec} = binding;
  const columns = normalisedColumns[spec.name];
  const select = Object.entries(columns).map(([name, type]) => {
    const field = spec.fields.find((f) => f.name === name);
    const value = field
      ? valueExpr(field, binding.fields.get(name))
      : derivedExpr(binding, name);
    return `CAST(${value} AS ${type}) AS ${ident(name)}`;
  });
  const skip = [`r.rowid NOT IN (SELECT ord FROM ${errsTable(spec.name)} WHERE ${problemColumns(binding).join(" OR ") || "false"})`];
  if (skipDuplicates && duplicatesSql(binding)) skip.push(`r.rowid NOT IN (SELECT ord FROM ${ident(`dups_${spec.name}`)})`);
  return `SELECT ${select.join(", ")} FROM ${rawTable(spec.name)} r ${districtJoin(binding)} WHERE ${skip.join(" AND ")}`;
}

export function problemColumns(binding: Binding): string[] {
  return binding.spec.fields.filter((f) => binding.fields.has(f.name)).map((f) => `${ident(`p_${f.name}`)} IS NOT NULL`);
}

function derivedExpr(binding: Binding, name: string): string {
  if (binding.spec.name === "publication_events" && name === "occurred_on") {
    const field = binding.spec.fields.find((f) => f.name === "occurred_at")!;
    return `CAST(timezone('${TIME_ZONE}', ${valueExpr(field, binding.fields.get("occurred_at"))}) AS DATE)`;
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
      return field.kind === "district"
        ? {message: `unknown ${name}`, hint: `use a code (${DISTRICT_CODES[0]}, ${DISTRICT_CODES[1]}–${DISTRICT_CODES.at(-2)}, ${DISTRICT_CODES.at(-1)}), a Finnish or Swedish district name, or ${UNKNOWN_DISTRICT}`}
        : {message: `unknown ${name}`, hint: `use ${field.kind === "enumList" ? "|-separated values from " : "one of "}${(field.values ?? []).join(", ")}`};
    case "invalid_date":
      return {message: `invalid ${name}: not a date`, hint: "use YYYY-MM-DD or D.M.YYYY with a day that exists"};
    case "invalid_timestamp":
      return {message: `invalid ${name}: not a date or a timestamp with offset`, hint: "use YYYY-MM-DD, D.M.YYYY or e.g. 2020-10-21T04:00:00+03:00"};
    case "future":
      return {message: `invalid ${name}: in the future`, hint: "check the date and the column order"};
    case "too_early":
      return {message: `invalid ${name}: before ${EARLIEST_DATE.slice(0, 4)}`, hint: "implausibly early for this breach; check the date format"};
    case "not_integer":
      return {message: `invalid ${name}: not a whole number`};
    case "too_large":
      return {message: `invalid ${name}: too large`};
    case "below_min":
      return {message: `invalid ${name}: ${field.min === 0 ? "negative" : `less than ${field.min}`}`};
  }
}

/** Columns whose values may be shown in messages (never keys, free text or unknown columns). */
export function mayEcho(field: FieldSpec): boolean {
  return ["district", "enum", "enumList", "date", "dateOrTimestamp", "integer"].includes(field.kind);
}
