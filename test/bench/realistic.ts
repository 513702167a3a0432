// A realistic-size normalised dataset fabricated in DuckDB SQL (deterministic: hash(), no random()):
// about 33,000 people with 34,000 records, 240 days × 22 districts × 7 services of crisis contacts.
import {join} from "node:path";
import type {NodeDatabase} from "../../src/node/duckdbNode.js";
import {literal} from "../../src/lib/sql.js";
import {writeManifest} from "../publish/dataset.js";

/** Deterministic uniform number in [0, 1) from a row number and a salt. */
const u = (i: string, salt: string) => `((hash(${i}, ${literal(salt)}) % 1000000) / 1000000.0)`;

/** Picks from a cumulative-share list: [[value, cumulative share], …]. */
function pick(x: string, choices: Array<[string | null, number]>): string {
  return `CASE ${choices.map(([v, c]) => `WHEN ${x} < ${c} THEN ${v === null ? "NULL" : literal(v)}`).join(" ")} ELSE NULL END`;
}

const districtShares: Array<[string, number]> = [
  ["25", 0.46], ["06", 0.6], ["03", 0.7], ["18", 0.76], ["14", 0.8], ["13", 0.83], ["15", 0.855], ["16", 0.875],
  ["05", 0.895], ["07", 0.915], ["04", 0.93], ["08", 0.945], ["12", 0.958], ["09", 0.968], ["21", 0.976],
  ["10", 0.982], ["17", 0.987], ["19", 0.991], ["20", 0.994], ["11", 0.996], ["00", 0.9975], ["unknown", 1.01]
]; // prettier-ignore

export async function writeRealisticDataset(db: NodeDatabase, folder: string, people = 33_000): Promise<void> {
  const file = (name: string) => literal(join(folder, `${name}.parquet`));
  await db.run(`COPY (
    WITH person AS (
      SELECT i,
        ${pick(u("i", "d"), districtShares)} AS hospital_district,
        ${pick(u("i", "a"), [
          ["0-14", 0.01],
          ["15-17", 0.03],
          ["18-24", 0.17],
          ["25-34", 0.45],
          ["35-44", 0.7],
          ["45-54", 0.86],
          ["55-64", 0.95],
          ["65+", 0.98],
          [null, 1.01]
        ])} AS age_group,
        ${pick(u("i", "s"), [
          ["female", 0.65],
          ["male", 0.98],
          ["other", 0.99],
          [null, 1.01]
        ])} AS sex,
        ${pick(u("i", "w"), [
          ["1", 0.9],
          ["2", 0.98],
          [null, 1.01]
        ])} AS breach_wave,
        ${u("i", "e")} AS e, ${u("i", "r")} AS r, ${u("i", "p")} AS p
      FROM range(${people}) t(i)
    ), record AS (
      SELECT person.*, k FROM person, range(2) t(k) WHERE k = 0 OR ${u("i", "k")} < 0.03
    )
    SELECT 'p' || i AS person_key, hospital_district, age_group, sex, breach_wave,
      CASE WHEN ${u("i * 2 + k", "c")} < 0.9 THEN 'contact|identity_code|therapy_notes'
           WHEN ${u("i * 2 + k", "c")} < 0.97 THEN 'contact|identity_code|therapy_notes|treatment_plan'
           ELSE 'contact|statements' END AS data_categories,
      CASE WHEN p < 0.003 THEN DATE '2020-10-21' WHEN p < 0.009 THEN DATE '2020-10-22' WHEN p < 0.018 THEN DATE '2020-10-23'
           WHEN p < 0.97 THEN DATE '2021-01-27' END AS published_on,
      CASE WHEN e < 0.55 THEN DATE '2020-10-24' WHEN e < 0.8 THEN DATE '2020-10-25' WHEN e < 0.93 THEN DATE '2020-10-26' + CAST(floor((e - 0.8) * 100) AS INTEGER) END AS emailed_on,
      CASE WHEN r < 0.45 THEN DATE '2020-10-25' + CAST(floor(r * 40) AS INTEGER)
           WHEN r < 0.7 THEN DATE '2020-11-13' + CAST(floor((r - 0.45) * 1200) AS INTEGER)
           WHEN r < 0.72 THEN DATE '2021-03-01' + CAST(floor((r - 0.7) * 40000) AS INTEGER) END AS reported_on
    FROM record ORDER BY i, k
  ) TO ${file("affected_records")} (FORMAT parquet)`);
  await db.run(`COPY (
    SELECT 'e' || i AS event_id, (DATE '2020-10-21' + CAST(i / 3 AS INTEGER))::TIMESTAMPTZ AS occurred_at,
      DATE '2020-10-21' + CAST(i / 3 AS INTEGER) AS occurred_on,
      ['tor_site', 'tor_forum', 'imageboard', 'file_host'][1 + i % 4] AS channel,
      CAST(1 + ${u("i", "n")} * 150 AS INTEGER) AS records, 'free text' AS description
    FROM range(60) t(i)
  ) TO ${file("publication_events")} (FORMAT parquet)`);
  await db.run(`COPY (
    WITH days AS (SELECT DATE '2020-09-01' + CAST(d AS INTEGER) AS date, d FROM range(240) t(d)),
    districts AS (SELECT code, pop FROM (VALUES ('25', 1700), ('03', 484), ('04', 216), ('05', 171), ('06', 540), ('07', 210),
      ('08', 164), ('09', 127), ('10', 98), ('11', 40), ('12', 164), ('13', 244), ('14', 253), ('15', 193), ('16', 170),
      ('17', 77), ('18', 411), ('19', 72), ('20', 60), ('21', 117), ('00', 30), ('unknown', 5)) t(code, pop)),
    services AS (SELECT service, f FROM (VALUES ('crisis_helpline', 1.0), ('victim_support', 0.5), ('red_cross_helpline', 0.2),
      ('health_centre', 0.6), ('parish', 0.1), ('chat', 0.4), ('other', 0.05)) t(service, f))
    SELECT date, code AS hospital_district, service,
      CAST(floor(pop / 60.0 * f * (1 + 8 * exp(-abs(d - 54) / 6.0)) * 2 * ${u("d * 1000 + hash(code, service) % 1000", "x")}) AS INTEGER) AS contacts,
      'unknown' AS breach_related
    FROM days, districts, services
  ) TO ${file("crisis_contacts")} (FORMAT parquet)`);
  await writeManifest(folder, {export_id: "bench", period_start: "2020-09-01", period_end: "2021-04-28"});
}
