// affected_records: people drawn one per row of range(people), each with 1–3 records, all in DuckDB.
// Person-level draws use the person number i, record-level draws the record number j = 3i + k.
import type {BoundQuery} from "../../lib/sql.js";
import {DISTRICT_FORMS, municipalityPick, type DistrictModel} from "./districts.js";
import {joinQueries, listValue, pickByWeight, q, raw} from "./fragment.js";
import {
  AGE_SHARES,
  BASE_PEOPLE,
  BATCH_DATES,
  CATEGORY_SHARES,
  DAILY_BATCH,
  DISTRICT_FORM_SHARES,
  EMAILED_BY_DAY,
  EMAILED_PEOPLE,
  FINNISH_DATE_SHARE,
  FURTHER_RECORD_WITHOUT_EMAIL_SHARE,
  MOVED_SHARE,
  REPORTED_PEOPLE,
  REPORTED_SHARE_OF_EMAILED,
  REPORTS_BY_DAY,
  SECOND_LEAK_DATE,
  SECOND_RECORD_SHARE,
  SEX_SHARES,
  THIRD_RECORD_SHARE,
  WAVE_2_SHARE,
  WAVE_UNKNOWN_SHARE
} from "./model.js";
import type {Stream} from "./random.js";

export interface AffectedOptions {
  scale: number;
  seeds: Record<Stream, number>;
  districts: DistrictModel;
}

/** People at *scale*. Keys are p + 8 digits, so at most 10^8 people. */
export function peopleCount(scale: number): number {
  return Math.round(BASE_PEOPLE * scale);
}

/** Records published in each daily batch at *scale*. */
export function batchSize(scale: number): number {
  return Math.max(1, Math.round(DAILY_BATCH * scale));
}

/** Sorted by weight, heaviest first, so that CASE finds most rows early. */
function heaviestFirst<T>(entries: Array<readonly [T, number]>): Array<readonly [T, number]> {
  return [...entries].sort((a, b) => b[1] - a[1]);
}

const orNull = (label: string) => label || null;

/** A multiplier coprime to *n*, so that i → (i × m + offset) mod n permutes 0..n-1. */
export function coprimeMultiplier(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let m = 1_000_003;
  while (gcd(m, n) !== 1) m += 2;
  return m;
}

/**
 * The affected_records rows, in person order, every column as export text. No joins and no sort: each
 * row depends only on its person number, so DuckDB streams the rows to the file in order.
 */
export function affectedRecordsSelect({scale, seeds, districts}: AffectedOptions): BoundQuery {
  const u = (stream: Stream, index: string) => q`gen_uniform(${seeds[stream]}, ${raw(index)})`;
  const people = peopleCount(scale);
  const batch = batchSize(scale);
  const emailedShare = EMAILED_PEOPLE / BASE_PEOPLE;
  const reportedShareOfOthers =
    (REPORTED_PEOPLE - REPORTED_SHARE_OF_EMAILED * EMAILED_PEOPLE) / (BASE_PEOPLE - EMAILED_PEOPLE);
  const districtIndex = (uniform: string) =>
    pickByWeight(raw(uniform), heaviestFirst(districts.peopleShare.map((share, d) => [d, share] as const)));
  const categoryShares = Object.entries(CATEGORY_SHARES);
  const categoryDraws = categoryShares.map(
    (_, c) => q`${u("category", `8 * j + ${c}`)} AS u_category_${raw(String(c))}`
  );
  const categories = categoryShares.map(
    ([category, share], c) => q`CASE WHEN u_category_${raw(String(c))} < ${share} THEN ${category} END`
  );
  const spellings = listValue(DISTRICT_FORMS.flatMap((form) => districts.spellings[form]));
  const formIndex = pickByWeight(
    raw("u_form"),
    DISTRICT_FORMS.map((form, f) => [f, DISTRICT_FORM_SHARES[form]] as const)
  );
  return q`WITH people AS (
    SELECT range AS i,
      ${u("district", "range")} AS u_district,
      ${u("age", "range")} AS u_age,
      ${u("sex", "range")} AS u_sex,
      ${u("emailed", "range")} < ${emailedShare} AS emailed,
      ${u("emailedOn", "range")} AS u_emailed_on,
      ${u("reported", "range")} AS u_reported,
      ${u("reportedOn", "range")} AS u_reported_on,
      ${u("records", "range")} AS u_records
    FROM range(${people})
  ),
  persons AS (
    SELECT i, u_district, emailed,
      ${pickByWeight(
        raw("u_age"),
        Object.entries(AGE_SHARES).map(([age, share]) => [orNull(age), share] as const)
      )} AS age_group,
      ${pickByWeight(
        raw("u_sex"),
        Object.entries(SEX_SHARES).map(([sex, share]) => [orNull(sex), share] as const)
      )} AS sex,
      ${pickByWeight(raw("u_emailed_on"), EMAILED_BY_DAY)}::DATE AS emailed_day,
      CASE WHEN u_reported < CASE WHEN emailed THEN ${REPORTED_SHARE_OF_EMAILED} ELSE ${reportedShareOfOthers} END
        THEN ${pickByWeight(raw("u_reported_on"), heaviestFirst(REPORTS_BY_DAY))}::DATE END AS reported_day,
      1 + (u_records < ${SECOND_RECORD_SHARE + THIRD_RECORD_SHARE})::INTEGER + (u_records < ${THIRD_RECORD_SHARE})::INTEGER AS record_count,
      (i * ${coprimeMultiplier(people)} + ${seeds.published % people}) % ${people} AS publication_order
    FROM people
  ),
  records AS (
    SELECT *, 3 * i + k AS j FROM (SELECT *, unnest(range(record_count)) AS k FROM persons)
  ),
  drawn AS (
    -- DuckDB does not share repeated subexpressions inside CASE, so every draw is a column first.
    SELECT *,
      CASE WHEN k > 0 AND u_moved < ${MOVED_SHARE} THEN u_moved_to ELSE u_district END AS u_record_district,
      -- A person's records share a municipality, except a record that names another district (moved).
      CASE WHEN k > 0 AND u_moved < ${MOVED_SHARE} THEN ${u("municipality", "2147483648 + j")}
        ELSE ${u("municipality", "i")} END AS u_municipality
    FROM (
      SELECT *,
        ${u("moved", "j")} AS u_moved,
        ${u("district", "2147483648 + j")} AS u_moved_to,
        ${u("districtForm", "j")} AS u_form,
        ${u("wave", "j")} AS u_wave,
        ${u("emailOnFurther", "j")} AS u_email_further,
        ${u("dateForm", "j")} AS u_date_form,
        ${joinQueries(categoryDraws, ", ")}
      FROM records
    )
  )
  SELECT
    'p' || lpad(((i * 73939133 + ${seeds.key % 100_000_000}) % 100000000)::VARCHAR, 8, '0') AS person_key,
    ${spellings}[${formIndex} * ${districts.codes.length} + d + 1] AS hospital_district,
    ${municipalityPick(districts, "cumulative", "d", "u_municipality")} AS municipality,
    age_group,
    sex,
    CASE WHEN u_wave < ${WAVE_UNKNOWN_SHARE} THEN NULL WHEN u_wave < ${WAVE_UNKNOWN_SHARE + WAVE_2_SHARE} THEN '2' ELSE '1' END AS breach_wave,
    concat_ws('|', ${joinQueries(categories, ", ")}) AS data_categories,
    CASE WHEN k = 0 AND publication_order < ${batch * BATCH_DATES.length}
      THEN ${BATCH_DATES[0]}::DATE + (publication_order // ${batch})::INTEGER ELSE ${SECOND_LEAK_DATE}::DATE END AS published_on,
    CASE WHEN emailed AND (k = 0 OR u_email_further >= ${FURTHER_RECORD_WITHOUT_EMAIL_SHARE})
      THEN emailed_day END AS emailed_on,
    CASE WHEN u_date_form < ${FINNISH_DATE_SHARE} THEN strftime(reported_day, '%-d.%-m.%Y') ELSE reported_day::VARCHAR END AS reported_on
  FROM (SELECT *, ${districtIndex("u_record_district")} AS d FROM drawn)`;
}
