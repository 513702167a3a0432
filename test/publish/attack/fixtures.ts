// Hand-made published folders, written as real Parquet by DuckDB: a test states the cells a release
// shows (NULL for hidden) and the attacker reads them back as it reads a built site. A table gets
// only the columns its rows name, so a fixture can leave out measures it is not about.
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {NodeDatabase} from "../../../src/node/duckdbNode.js";
import {publishedTable} from "../../../src/lib/publishedTables.js";
import {ident} from "../../../src/lib/sql.js";

export type FixtureRow = Record<string, string | number | null>;

/** A release's tables by name; a fixture names the tables it always has, so a test can read them. */
export interface FixtureRelease<Table extends string = string> {
  tables: Record<Table, FixtureRow[]>;
  headline?: Record<string, unknown>;
}

export async function writeRelease(db: NodeDatabase, folder: string, release: FixtureRelease): Promise<string> {
  await mkdir(folder, {recursive: true});
  for (const [name, rows] of Object.entries(release.tables)) {
    const spec = publishedTable(name);
    const [first] = rows;
    if (!first) throw new Error(`fixture table ${name} has no rows: a table takes its columns from its first row`);
    const columns = Object.keys(first);
    const table = `fixture_${name}`;
    const declared = columns.map((c) => `${ident(c)} ${spec.columns[c]}`).join(", ");
    await db.run(`CREATE OR REPLACE TABLE ${table} (${declared})`);
    const placeholders = `(${columns.map(() => "?").join(", ")})`;
    await db.run({
      sql: `INSERT INTO ${table} VALUES ${rows.map(() => placeholders).join(", ")}`,
      params: rows.flatMap((row) => columns.map((c) => row[c] ?? null))
    });
    await db.run(`COPY ${table} TO '${join(folder, `${name}.parquet`)}' (FORMAT parquet)`);
  }
  await writeFile(join(folder, "headline.json"), JSON.stringify({threshold: 5, ...release.headline}));
  return folder;
}

/** people_by_district_age rows from `{district: {age: value}}`, with one measure. */
export function crossRows(measure: string, cells: Record<string, Record<string, number | null>>): FixtureRow[] {
  return Object.entries(cells).flatMap(([district, ages]) =>
    Object.entries(ages).map(([age, value]) => ({hospital_district: district, age_group: age, [measure]: value}))
  );
}

/**
 * The Åland example of issue 12: the district's published people add up to 13 of 21 and its
 * published reports to 12 of 19; reports cannot exceed people, so the hidden 15–17 cell is at most
 * 1, and being hidden at least 1. A published 0 of reports beside it says that teenager did not report.
 */
export function alandRelease(): FixtureRelease<"people_by_district_age" | "people_by_district"> {
  const cells: Array<[age: string, people: number | null, reported: number | null]> = [
    ["0-14", 5, 5],
    ["15-17", null, 0],
    ["18-24", null, null],
    ["25-34", 8, 7],
    ["65+", null, null]
  ];
  return {
    tables: {
      people_by_district_age: cells.map(([age, people, reported]) => ({
        hospital_district: "00",
        age_group: age,
        people,
        people_reported: reported
      })),
      people_by_district: [{hospital_district: "00", people: 21, people_reported: 19}]
    }
  };
}

/** Two districts by two age groups, every margin *margin*, the four inner cells hidden: each lies in 1..margin−1. */
export function hiddenBlock(margin = 20): FixtureRelease {
  return {
    tables: {
      people_by_district_age: crossRows("people", {"01": {"25-34": null, "35-44": null}, "02": {"25-34": null, "35-44": null}}), // prettier-ignore
      people_by_district: [
        {hospital_district: "01", people: margin},
        {hospital_district: "02", people: margin}
      ],
      people_by_age: [
        {age_group: "25-34", people: margin},
        {age_group: "35-44", people: margin}
      ]
    },
    headline: {people: 2 * margin}
  };
}

/**
 * The hidden block after one person (01, 25–34) left, published with another pattern: the cell is
 * shown (15) and the margins hidden. Safe on its own; beside the first release it pins the cell there
 * to 15 or 16.
 */
export function hiddenBlockLessOne(): FixtureRelease {
  return {
    tables: {
      people_by_district_age: crossRows("people", {"01": {"25-34": 15, "35-44": null}, "02": {"25-34": null, "35-44": null}}), // prettier-ignore
      people_by_district: [
        {hospital_district: "01", people: null},
        {hospital_district: "02", people: null}
      ],
      people_by_age: [
        {age_group: "25-34", people: null},
        {age_group: "35-44", people: null}
      ]
    },
    headline: {people: 39}
  };
}

const NOVEMBER = ["2020-11-02", "2020-11-09", "2020-11-16", "2020-11-23"] as const;

/** A test's value for November's week *i* (its list may go on into December), or a clear error. */
function novemberValue(values: number[], i: number, what: string): number {
  const value = values[i];
  if (value === undefined) throw new Error(`crisisRelease: ${what} has no value for the week of ${NOVEMBER[i]}`);
  return value;
}

/** Crisis contacts: district 01 by week, and *monthly* districts by month, with the national weeks. */
export function crisisRelease(
  weekly: number[],
  monthly: Record<string, number>,
  national: number[]
): FixtureRelease<"crisis_by_district_period" | "crisis_national_weekly"> {
  const service = "crisis_helpline";
  const week = (start: string) => new Date(Date.parse(`${start}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10); // prettier-ignore
  return {
    tables: {
      crisis_by_district_period: [
        ...NOVEMBER.map((start, i) => ({hospital_district: "01", service, grain: "week", period_start: start, period_end: week(start), contacts: novemberValue(weekly, i, "weekly")})), // prettier-ignore
        ...Object.entries(monthly).map(([district, contacts]) => ({hospital_district: district, service, grain: "month", period_start: NOVEMBER[0], period_end: "2020-11-29", contacts})) // prettier-ignore
      ],
      crisis_national_weekly: NOVEMBER.map((start, i) => ({week_start: start, service, contacts: novemberValue(national, i, "national")})) // prettier-ignore
    },
    headline: {crisis_contacts: national.reduce((a, b) => a + b, 0)}
  };
}

/**
 * People by district and by county for Varsinais-Suomi (03), Pirkanmaa (06) and Keski-Suomi (14), whose
 * counties cross: Punkalaidun (district 03) is in Pirkanmaa county (08), Jämsä (district 06) in
 * Keski-Suomi county (15). Every person of the release is in one of these three districts.
 */
export function countyRelease(
  districts: Record<"03" | "06" | "14", number | null>,
  counties: Record<"05" | "08" | "15" | "unknown", number | null>
): FixtureRelease<"people_by_district" | "people_by_county"> {
  const people = Object.values(districts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return {
    tables: {
      people_by_district: Object.entries(districts).map(([code, n]) => ({hospital_district: code, people: n})),
      people_by_county: Object.entries(counties).map(([code, n]) => ({wellbeing_services_county: code, people: n}))
    },
    headline: {people}
  };
}

/** headline.json's statement of the round5 policy, as README "The rounding policy" documents it. */
export const ROUND5_HEADLINE = {
  policy: "round5",
  rounding: {policy: "round5", base: 5, redact_at_most: 7, totals: "sums of the rounded parts"}
} as const;

/** A true count under round5: redacted (NULL) at 7 or less, else the nearest multiple of 5. */
const round5 = (count: number): number | null => (count <= 7 ? null : Math.round(count / 5) * 5);
const sumOfRounded = (parts: Array<number | null>): number | null => {
  const sum = parts.reduce<number>((total, part) => total + (part ?? 0), 0);
  return sum <= 7 ? null : sum;
};

/**
 * Åland's people by age under round5, from true counts: each cell rounded, the district and national
 * totals the sums of the rounded cells; with `bySex`, people by sex (everyone 'female') rounded on its own,
 * as the README says the sex table is, so that its one cell bounds the true total to ± 2.
 */
export function roundedRelease(
  counts: number[],
  {bySex = true}: {bySex?: boolean} = {}
): FixtureRelease<"people_by_district_age" | "people_by_district"> {
  const ages = ["0-14", "15-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];
  const cells = counts.map(round5);
  const total = sumOfRounded(cells);
  const truth = counts.reduce((a, b) => a + b, 0);
  return {
    tables: {
      people_by_district_age: cells.map((people, i) => ({hospital_district: "00", age_group: ages[i]!, people})),
      people_by_district: [{hospital_district: "00", people: total}],
      ...(bySex ? {people_by_sex: [{sex: "female", people: round5(truth)}]} : {})
    },
    headline: {people: total, ...ROUND5_HEADLINE}
  };
}
