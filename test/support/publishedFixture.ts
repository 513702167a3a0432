// A fabricated set of published tables that follows src/lib/publishedTables.ts, for component tests
// and for working on pages before a real export is published. Numbers are plausible, not real, and
// small cells are already NULL (suppressed). Run as a script to fill a folder:
//   npx tsx test/support/publishedFixture.ts data/published
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {hospitalDistrictsSelect, wellbeingCountiesSelect} from "../../src/node/reference.js";
import {publishedTables} from "../../src/lib/publishedTables.js";
import {AGE_GROUPS, CHANNELS, SERVICES} from "../../src/lib/schema.js";

const list = (values: readonly string[]) => values.map((value) => `('${value}')`).join(", ");

// hash() gives stable pseudo-random numbers; `suppress(x)` blanks counts of 1 to 4.
const tables: Record<string, string> = {
  people_by_district_age: `
    SELECT code AS hospital_district, age_group,
      suppress((population_2019 / 170 * w * (0.5 + (hash(code || age_group) % 100) / 100.0))::INTEGER) AS people,
      suppress((population_2019 / 4000 * w)::INTEGER) AS people_published,
      suppress((population_2019 / 180 * w)::INTEGER) AS people_emailed,
      suppress((population_2019 / 230 * w)::INTEGER) AS people_reported
    FROM districts, (SELECT age_group, CASE WHEN age_group IN ('0-14', '15-17') THEN 0.03 ELSE 0.13 END AS w FROM ages)`,
  people_by_district: `
    SELECT hospital_district, sum(people)::INTEGER AS people, sum(people_published)::INTEGER AS people_published,
      sum(people_emailed)::INTEGER AS people_emailed, sum(people_reported)::INTEGER AS people_reported
    FROM people_by_district_age GROUP BY ALL`,
  people_by_age: `
    SELECT age_group, sum(people)::INTEGER AS people, sum(people_published)::INTEGER AS people_published,
      sum(people_emailed)::INTEGER AS people_emailed, sum(people_reported)::INTEGER AS people_reported
    FROM people_by_district_age GROUP BY ALL`,
  people_by_sex: `
    SELECT * FROM (VALUES ('female', 21230, 410, 19900, 16100), ('male', 11240, 190, 10500, 8300),
      ('other', NULL, NULL, NULL, NULL), ('unknown', 402, 0, 380, 290))
      t(sex, people, people_published, people_emailed, people_reported)`,
  people_by_wave: `
    SELECT * FROM (VALUES ('1', 29100, 560, 27200, 21900), ('2', 3400, 40, 3300, 2600), ('unknown', 380, NULL, 400, NULL))
      t(breach_wave, people, people_published, people_emailed, people_reported)`,
  people_by_category: `
    SELECT * FROM (VALUES ('contact', 32880), ('identity_code', 32650), ('therapy_notes', 30120),
      ('treatment_plan', 18440), ('statements', 2210)) t(data_category, people)`,
  daily_timeline: `
    SELECT day::DATE AS date,
      suppress(CASE WHEN day BETWEEN DATE '2020-10-21' AND DATE '2020-10-31' THEN 100 + hash(day) % 120
                    WHEN day = DATE '2021-01-27' THEN 30000 ELSE hash(day) % 6 END::INTEGER) AS records_published,
      suppress(CASE WHEN day = DATE '2020-10-24' THEN 14100 WHEN day = DATE '2020-10-25' THEN 12200
                    WHEN day BETWEEN DATE '2020-10-26' AND DATE '2020-11-10' THEN 300 - hash(day) % 200 ELSE 0 END::INTEGER) AS people_emailed,
      suppress(CASE WHEN day BETWEEN DATE '2020-10-22' AND DATE '2020-10-28' THEN 2100 + hash(day) % 100
                    WHEN day BETWEEN DATE '2020-10-29' AND DATE '2020-11-09' THEN 830 + hash(day) % 50
                    ELSE hash(day) % 40 END::INTEGER) AS people_reported
    FROM range(DATE '2020-10-15', DATE '2021-03-01', INTERVAL 1 DAY) t(day)`,
  publications_by_day_channel: `
    SELECT day::DATE AS date, channel,
      suppress(CASE WHEN channel = 'tor_site' AND day = DATE '2020-10-23' THEN 31980
                    WHEN channel = 'file_host' AND day = DATE '2021-01-27' THEN 31980
                    WHEN channel IN ('tor_forum', 'tor_site') AND day BETWEEN DATE '2020-10-21' AND DATE '2020-10-26' THEN 100
                    ELSE 0 END::INTEGER) AS records,
      CASE WHEN channel IN ('tor_forum', 'tor_site') AND day BETWEEN DATE '2020-10-21' AND DATE '2020-10-26' THEN 1 ELSE 0 END AS events
    FROM range(DATE '2020-10-21', DATE '2021-02-01', INTERVAL 1 DAY) t(day), channels
    WHERE records IS NULL OR records > 0`,
  crisis_by_district_period: `
    SELECT code AS hospital_district, service, 'week' AS grain, week::DATE AS period_start, (week + INTERVAL 6 DAY)::DATE AS period_end,
      suppress((population_2019 / 9000.0 * CASE WHEN week BETWEEN DATE '2020-10-19' AND DATE '2020-11-02' THEN 4 ELSE 1 END
        * (0.6 + (hash(code || service || week) % 80) / 100.0))::INTEGER) AS contacts
    FROM districts, services, range(DATE '2020-08-03', DATE '2021-03-29', INTERVAL 7 DAY) t(week)`,
  crisis_national_weekly: `
    SELECT period_start AS week_start, service, sum(contacts)::INTEGER AS contacts
    FROM crisis_by_district_period GROUP BY ALL`
};

export async function writePublishedFixture(dir: string): Promise<void> {
  await mkdir(dir, {recursive: true});
  const db = await openNodeDatabase();
  try {
    await db.run(`CREATE MACRO suppress(x) AS CASE WHEN x BETWEEN 1 AND 4 THEN NULL ELSE x END;
      CREATE TABLE districts AS ${hospitalDistrictsSelect()};
      CREATE TABLE hospital_districts AS SELECT * FROM districts;
      CREATE TABLE ages(age_group VARCHAR); INSERT INTO ages VALUES ${list(AGE_GROUPS)}, ('unknown');
      CREATE TABLE channels(channel VARCHAR); INSERT INTO channels VALUES ${list(CHANNELS)};
      CREATE TABLE services(service VARCHAR); INSERT INTO services VALUES ${list(SERVICES)};`);
    // The county table as a format 1.0 export publishes it: no rows (the pages then offer districts only).
    const countyColumns = Object.entries(publishedTables.find((t) => t.name === "people_by_county")?.columns ?? {});
    const noCounties = `SELECT ${countyColumns.map(([name, type]) => `NULL::${type} AS ${name}`).join(", ")} WHERE false`;
    const reference = {hospital_districts: "SELECT * FROM districts", wellbeing_counties: wellbeingCountiesSelect()};
    for (const [name, select] of Object.entries({...tables, people_by_county: noCounties, ...reference})) {
      await db.run(`CREATE OR REPLACE TABLE ${name} AS ${select}`);
      await db.run(`COPY ${name} TO '${join(dir, `${name}.parquet`)}' (FORMAT parquet)`);
    }
    const [totals] = await db.query<Record<string, number>>(`SELECT
      (SELECT sum(people) FROM people_by_district) AS people,
      31980 AS records, (SELECT sum(records_published) FROM daily_timeline) AS records_published,
      (SELECT sum(people_emailed) FROM people_by_district) AS people_emailed,
      (SELECT sum(people_reported) FROM people_by_district) AS people_reported,
      (SELECT sum(contacts) FROM crisis_national_weekly) AS crisis_contacts`);
    const headline = {
      ...totals,
      threshold: 5,
      synthetic: true,
      export: {
        export_id: "fixture-published",
        produced_by: "test/support/publishedFixture.ts (synthetic)",
        produced_at: "2026-11-28T12:00:00+02:00",
        period_start: "2020-08-01",
        period_end: "2021-03-31",
        schema_version: "1",
        loaded_at: "2026-11-28T12:00:00+02:00",
        vuoto_version: "0.1.0",
        content_hash: "0".repeat(64),
        files: []
      }
    };
    await writeFile(join(dir, "headline.json"), JSON.stringify(headline, null, 2));
    await writeFile(
      join(dir, "audit.json"),
      JSON.stringify(
        {
          threshold: 5,
          source: {export_id: "fixture-published", content_hash: "0".repeat(64)},
          fixture: true,
          tables: []
        },
        null,
        2
      )
    );
  } finally {
    db.close();
  }
}

if (process.argv[1]?.endsWith("publishedFixture.ts")) {
  const dir = process.argv[2];
  if (!dir) throw new Error("missing folder: npx tsx test/support/publishedFixture.ts <folder>");
  await writePublishedFixture(dir);
  console.warn(`wrote fabricated published tables to ${dir}`);
}
