// Every published figure, unsuppressed, from the private normalised dataset. All work over rows runs in
// DuckDB (the private tables can have millions of rows); TypeScript only lays the small aggregates out
// on full grids, so that a cell that is absent is a published 0 and never a hint.
import {join} from "node:path";
import {queryOne, type NodeDatabase} from "../duckdbNode.js";
import {dimensionValues} from "../../lib/publishedTables.js";
import {
  AGE_GROUPS,
  BREACH_WAVES,
  CHANNELS,
  DATA_CATEGORIES,
  SERVICES,
  SEXES,
  normalisedColumns,
  type TableName
} from "../../lib/schema.js";
import {ident, literal} from "../../lib/sql.js";
import {municipalitiesSelect} from "../reference.js";
import {datesBetween, weeksBetween} from "./calendar.js";
import {crisisTables, type WeeklyContacts} from "./crisis.js";
import {geography} from "./geography.js";
import {PRIVATE_SLIVERS} from "./model.js";
import type {PublishedSystem, TableRow} from "./system.js";

// The published grids' values, from the contract ('unknown' included where an export may leave it).
const DISTRICTS: readonly string[] = dimensionValues.hospital_district;
const AGES: readonly string[] = dimensionValues.age_group;
const SEX_VALUES: readonly string[] = dimensionValues.sex;
const WAVES: readonly string[] = dimensionValues.breach_wave;
const COUNTIES: readonly string[] = dimensionValues.wellbeing_services_county;

export interface AggregateOptions {
  /** The export's period (manifest), widening the daily and weekly series beyond the data's own dates. */
  periodStart?: string | null;
  periodEnd?: string | null;
  threshold: number;
}

/** Loads data/current-like *folder* into views and returns every published figure, unsuppressed. */
export async function aggregate(db: NodeDatabase, folder: string, options: AggregateOptions): Promise<PublishedSystem> {
  for (const table of Object.keys(normalisedColumns) as TableName[]) await attachTable(db, folder, table);
  await checkValues(db);
  await db.run(personTable());

  const people = await peopleTables(db, options.threshold);
  const headlineRecords = await queryOne<{records: number; records_published: number}>(
    db,
    `SELECT count(*) AS records, count(published_on) AS records_published FROM affected_records`
  );
  const categories = new Map(
    (
      await db.query<{data_category: string; people: number}>(
        `SELECT category AS data_category, count(DISTINCT person_key) AS people
        FROM (SELECT person_key, unnest(string_split(data_categories, '|')) AS category FROM affected_records)
        GROUP BY category`
      )
    ).map((row) => [row.data_category, row.people])
  );
  const daily = await dailyTimeline(db, options);
  const publications = await db.query(
    `SELECT strftime(occurred_on, '%Y-%m-%d') AS date, channel, sum(records)::BIGINT AS records, count(*) AS events
    FROM publication_events GROUP BY ALL ORDER BY date, channel`
  );
  const crisis = await crisisWeekly(db, options);
  const totals = people.total;
  return {
    tables: {
      ...people.tables,
      people_by_category: DATA_CATEGORIES.map((category) => ({
        data_category: category,
        people: categories.get(category) ?? 0
      })),
      daily_timeline: daily,
      publications_by_day_channel: publications.map((row) => ({
        date: row.date as string,
        channel: row.channel as string,
        records: row.records as number,
        events: row.events as number
      })),
      ...crisisTables(crisis, options.threshold)
    },
    headline: {
      people: totals.people,
      records: headlineRecords.records,
      records_published: headlineRecords.records_published,
      people_emailed: totals.people_emailed,
      people_reported: totals.people_reported,
      crisis_contacts: crisis.cells.reduce((sum, cell) => sum + cell.contacts, 0)
    }
  };
}

async function attachTable(db: NodeDatabase, folder: string, table: TableName): Promise<void> {
  const file = join(folder, `${table}.parquet`);
  await db.run(`CREATE OR REPLACE VIEW ${ident(table)} AS SELECT * FROM read_parquet(${literal(file)})`);
  const columns = new Set(
    (await db.query<{column_name: string}>(`DESCRIBE ${ident(table)}`)).map((c) => c.column_name)
  );
  // A dataset loaded before format 1.1 has no municipality column: it reads as empty (no county figures).
  if ((table === "affected_records" || table === "crisis_contacts") && !columns.has("municipality")) {
    await db.run(
      `CREATE OR REPLACE VIEW ${ident(table)} AS SELECT *, NULL::VARCHAR AS municipality FROM read_parquet(${literal(file)})`
    );
    columns.add("municipality");
  }
  for (const column of Object.keys(normalisedColumns[table])) {
    if (!columns.has(column)) throw new Error(`missing column ${column} in ${file}: run npm run load again`);
  }
}

/** Values outside the schema's lists would fall off the published grids: refuse them rather than lose them. */
async function checkValues(db: NodeDatabase): Promise<void> {
  const checks: Array<[TableName, string, readonly string[]]> = [
    ["affected_records", "hospital_district", DISTRICTS],
    ["affected_records", "age_group", AGE_GROUPS],
    ["affected_records", "sex", SEXES],
    ["affected_records", "breach_wave", BREACH_WAVES],
    ["publication_events", "channel", CHANNELS],
    ["crisis_contacts", "hospital_district", DISTRICTS],
    ["crisis_contacts", "service", SERVICES]
  ];
  for (const [table, column, values] of checks) {
    const {n} = await queryOne<{n: number}>(
      db,
      `SELECT count(*) AS n FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL AND ${ident(column)} NOT IN (${values.map(literal).join(", ")})`
    );
    if (n > 0)
      throw new Error(
        `invalid ${column} in ${table}.parquet: ${n} rows outside the schema's values; run npm run load again`
      );
  }
  const {n} = await queryOne<{n: number}>(
    db,
    `SELECT count(*) AS n FROM (SELECT unnest(string_split(data_categories, '|')) AS c FROM affected_records) WHERE c NOT IN (${DATA_CATEGORIES.map(literal).join(", ")})`
  );
  if (n > 0)
    throw new Error(`invalid data_categories in affected_records.parquet: ${n} values outside the schema's values`);
}

/**
 * One row per person, as the contract counts people: the lowest district code ('unknown' sorts after
 * every code) and that record's county, the youngest age group, the first sex in SEXES order, the
 * earliest wave, and the earliest publication, e-mail and report dates. A record's county is its
 * municipality's; without a municipality, the county of its district when the whole district lies in
 * one county (a deduction, not an estimate), else 'unknown': only the six districts the 2023 counties
 * split (geography.ts) can then share people with the unknown county, which keeps the model small.
 */
function personTable(): string {
  const county = "coalesce(m.wellbeing_services_county, whole.wellbeing_services_county, 'unknown')";
  return `CREATE OR REPLACE TEMP TABLE person AS
  SELECT person_key,
    min({d: affected_records.hospital_district, c: ${county}}).d AS hospital_district,
    min({d: affected_records.hospital_district, c: ${county}}).c AS wellbeing_services_county,
    coalesce(${listLiteral(AGE_GROUPS)}[min(${rank("age_group", AGE_GROUPS)})], 'unknown') AS age_group,
    coalesce(${listLiteral(SEXES)}[min(${rank("sex", SEXES)})], 'unknown') AS sex,
    coalesce(min(breach_wave), 'unknown') AS breach_wave,
    min(published_on) AS published_on,
    min(emailed_on) AS emailed_on,
    min(reported_on) AS reported_on
  FROM affected_records LEFT JOIN (SELECT code, wellbeing_services_county FROM (${municipalitiesSelect()})) AS m
    ON m.code = affected_records.municipality
  LEFT JOIN (SELECT hospital_district, min(wellbeing_services_county) AS wellbeing_services_county
    FROM (${municipalitiesSelect()}) GROUP BY ALL HAVING count(DISTINCT wellbeing_services_county) = 1) AS whole
    ON whole.hospital_district = affected_records.hospital_district
  GROUP BY person_key`;
}

const PEOPLE_MEASURES = `count(*) AS people, count(published_on) AS people_published,
    count(emailed_on) AS people_emailed, count(reported_on) AS people_reported`;

type PeopleCounts = {people: number; people_published: number; people_emailed: number; people_reported: number};
const ZERO: PeopleCounts = {people: 0, people_published: 0, people_emailed: 0, people_reported: 0};

async function peopleTables(db: NodeDatabase, threshold: number) {
  const cube = await db.query<PeopleCounts & {hospital_district: string; age_group: string; gd: number; ga: number}>(
    `SELECT hospital_district, age_group, grouping(hospital_district) AS gd, grouping(age_group) AS ga, ${PEOPLE_MEASURES}
    FROM person GROUP BY GROUPING SETS ((hospital_district, age_group), (hospital_district), (age_group), ())`
  );
  const find = (district: string | null, age: string | null) => {
    const row = cube.find(
      (r) => (district === null ? r.gd === 1 : r.gd === 0 && r.hospital_district === district) &&
        (age === null ? r.ga === 1 : r.ga === 0 && r.age_group === age)
    ); // prettier-ignore
    return counts(row);
  };
  const byOne = async (column: string, values: readonly string[]) => {
    const rows = await db.query<PeopleCounts & {value: string}>(
      `SELECT ${ident(column)} AS value, ${PEOPLE_MEASURES} FROM person GROUP BY ALL`
    );
    return values.map((value) => ({[column]: value, ...counts(rows.find((row) => row.value === value))}));
  };
  // Counties only from a municipality-coded export: without municipalities they would be invented.
  const [{coded} = {coded: 0}] = await db.query<{coded: number}>(
    `SELECT count(municipality) AS coded FROM affected_records`
  );
  return {
    tables: {
      ...(coded > 0 ? {[PRIVATE_SLIVERS]: await smallSlivers(db, threshold)} : {}),
      people_by_county: coded > 0 ? await byOne("wellbeing_services_county", COUNTIES) : [],
      people_by_district_age: DISTRICTS.flatMap((d) =>
        AGES.map((a) => ({hospital_district: d, age_group: a, ...find(d, a)}))
      ),
      people_by_district: DISTRICTS.map((d) => ({hospital_district: d, ...find(d, null)})),
      people_by_age: AGES.map((a) => ({age_group: a, ...find(null, a)})),
      people_by_sex: await byOne("sex", SEX_VALUES),
      people_by_wave: await byOne("breach_wave", WAVES)
    } satisfies Record<string, TableRow[]>,
    total: find(null, null)
  };
}

/**
 * The district ∩ county pieces that no table publishes (geography.ts: the slivers, and each piece by age
 * group in a split district) whose count is 1 to threshold − 1 in some measure, with those counts only
 * (NULL elsewhere). Private: protect.ts hides them from the start, so that the solver chooses their
 * complementary cells as it does for a small published count, and never writes them.
 */
async function smallSlivers(db: NodeDatabase, threshold: number): Promise<TableRow[]> {
  const rows = await db.query<
    PeopleCounts & {hospital_district: string; wellbeing_services_county: string; age_group: string}
  >(`SELECT hospital_district, wellbeing_services_county, age_group, ${PEOPLE_MEASURES} FROM person GROUP BY ALL`);
  const {countiesByDistrict, slivers} = geography();
  const sum = (test: (row: (typeof rows)[number]) => boolean): PeopleCounts => {
    const total = {...ZERO};
    for (const row of rows.filter(test))
      for (const key of Object.keys(total) as Array<keyof PeopleCounts>) total[key] += Number(row[key]);
    return total;
  };
  const pieces: Array<[string, PeopleCounts]> = slivers.map((pairs, i) => [
    `sliver:${i}`,
    sum((r) => pairs.includes(`${r.hospital_district}|${r.wellbeing_services_county}`))
  ]);
  for (const [district, counties] of countiesByDistrict) {
    if (counties.length < 2) continue;
    for (const county of counties)
      for (const age of AGES)
        pieces.push([
          `atom:${district}|${county}|${age}`,
          sum((r) => r.hospital_district === district && r.wellbeing_services_county === county && r.age_group === age)
        ]);
  }
  const small = (n: number) => (n > 0 && n < threshold ? n : null);
  return pieces.flatMap(([piece, c]) => {
    const row = {piece, ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, small(v)]))};
    return Object.values(c).some((v) => small(v) !== null) ? [row] : [];
  });
}

function counts(row: PeopleCounts | undefined): PeopleCounts {
  if (!row) return {...ZERO};
  const {people, people_published, people_emailed, people_reported} = row;
  return {people, people_published, people_emailed, people_reported};
}

/** Every day of the export period and of the data's own dates, so that a missing day is never a hint. */
async function dailyTimeline(db: NodeDatabase, options: AggregateOptions): Promise<TableRow[]> {
  const rows = await db.query<{
    date: string;
    records_published: number;
    people_emailed: number;
    people_reported: number;
  }>(
    `SELECT strftime(date, '%Y-%m-%d') AS date, sum(records_published)::BIGINT AS records_published,
      sum(people_emailed)::BIGINT AS people_emailed, sum(people_reported)::BIGINT AS people_reported
    FROM (
      SELECT published_on AS date, count(*) AS records_published, 0 AS people_emailed, 0 AS people_reported
        FROM affected_records WHERE published_on IS NOT NULL GROUP BY ALL
      UNION ALL SELECT emailed_on, 0, count(*), 0 FROM person WHERE emailed_on IS NOT NULL GROUP BY ALL
      UNION ALL SELECT reported_on, 0, 0, count(*) FROM person WHERE reported_on IS NOT NULL GROUP BY ALL
    ) GROUP BY date ORDER BY date`
  );
  const range = span(
    rows.map((row) => row.date),
    options
  );
  if (!range) return [];
  const byDate = new Map(rows.map((row) => [row.date, row]));
  return datesBetween(...range).map((date) => {
    const row = byDate.get(date);
    return {
      date,
      records_published: row?.records_published ?? 0,
      people_emailed: row?.people_emailed ?? 0,
      people_reported: row?.people_reported ?? 0
    };
  });
}

async function crisisWeekly(db: NodeDatabase, options: AggregateOptions): Promise<WeeklyContacts> {
  const rows = await db.query<{week_start: string; hospital_district: string; service: string; contacts: number}>(
    `SELECT strftime(date_trunc('week', date)::DATE, '%Y-%m-%d') AS week_start, hospital_district, service,
      sum(contacts)::BIGINT AS contacts
    FROM crisis_contacts GROUP BY ALL`
  );
  const range = span(rows.map((row) => row.week_start).concat(await crisisLastDates(db)), options);
  const weeks = range ? weeksBetween(...range) : [];
  const byKey = new Map(rows.map((row) => [`${row.week_start}|${row.hospital_district}|${row.service}`, row.contacts]));
  return {
    weeks,
    cells: weeks.flatMap((week) =>
      DISTRICTS.flatMap((district) =>
        SERVICES.map((service) => ({
          week,
          district,
          service,
          contacts: byKey.get(`${week}|${district}|${service}`) ?? 0
        }))
      )
    )
  };
}

async function crisisLastDates(db: NodeDatabase): Promise<string[]> {
  const {last} = await queryOne<{last: string | null}>(
    db,
    `SELECT strftime(max(date), '%Y-%m-%d') AS last FROM crisis_contacts`
  );
  return last ? [last] : [];
}

/** The first and last of *dates* and the export period; null when there is nothing. */
function span(dates: string[], {periodStart, periodEnd}: AggregateOptions): [string, string] | null {
  const all = dates.concat([periodStart, periodEnd].filter((d): d is string => typeof d === "string")).sort();
  const [first, ...rest] = all;
  return first === undefined ? null : [first, rest.at(-1) ?? first];
}

// The lists below are the schema's fixed vocabularies, never data, so they can be written into SQL.
function listLiteral(values: readonly string[]): string {
  return `[${values.map(literal).join(", ")}]`;
}

function rank(column: string, values: readonly string[]): string {
  return `CASE ${ident(column)} ${values.map((v, i) => `WHEN ${literal(v)} THEN ${i + 1}`).join(" ")} END`;
}
