// Writes down everything a reader knows about one release, from the documented meaning of the
// published tables (src/lib/publishedTables.ts, README "What is published") and nothing else:
// - people: district × age adds up to the district and to the age group; every people table and the
//   daily timeline add up to the national headline; published, e-mailed and reported people are among
//   the people of the same cell; a person has at least one record, and an unpublished person only
//   unpublished records;
// - crisis: a monthly district's month is the sum of its weeks (unknowns), a national week is the sum
//   of the districts' weeks, and both series add up to the headline;
// - counts are whole and ≥ 0, and a hidden (NULL) count is at least 1, since zeros are published;
//   except a published, e-mailed or reported count of people in a people table: beside a hidden
//   count of people its 0 is hidden too (a 0 would say that none of a small group did it), so a
//   hidden sub-count there may be 0.
import {modelCounties} from "./counties.js";
import type {Release, Row} from "./read.js";
import type {LinearSystem, Quantity} from "./system.js";

export const PEOPLE_MEASURES = ["people", "people_published", "people_emailed", "people_reported"] as const;
const SUB_MEASURES = PEOPLE_MEASURES.slice(1);
const PEOPLE_TABLES: Array<[table: string, key: string[]]> = [
  ["people_by_district_age", ["hospital_district", "age_group"]],
  ["people_by_district", ["hospital_district"]],
  ["people_by_county", ["wellbeing_services_county"]],
  ["people_by_age", ["age_group"]],
  ["people_by_sex", ["sex"]],
  ["people_by_wave", ["breach_wave"]]
];

/** A sub-count of people in a people table (or the headline), which is hidden even when it is 0. */
function mayBeHiddenZero(name: string): boolean {
  const inPeopleTable = name.startsWith("headline.") || PEOPLE_TABLES.some(([table]) => name.startsWith(`${table}(`));
  return inPeopleTable && SUB_MEASURES.some((measure) => name.endsWith(`.${measure}`));
}

/** A table's rows: none when the release lacks it (read.ts reads an absent file as an empty table). */
const rows = (tables: Release["tables"], table: string): Row[] => tables[table] ?? [];

export type Family = "people" | "records" | "crisis" | "other";

/** One release's cells by a name that is the same in every release, for linking two releases. */
export interface ReleaseScope {
  cells: Map<string, {quantity: Quantity; family: Family}>;
  /** (sub-count, people) pairs of one cell, by the cell's name. */
  pairs: Array<{part: string; whole: string}>;
}

export interface ModelOptions {
  /** Model people by county against people by district (counties.ts); off only to show what it adds. */
  counties?: boolean;
}

export function modelRelease(
  system: LinearSystem,
  release: Release,
  prefix = "",
  {counties = true}: ModelOptions = {}
): ReleaseScope {
  const scope: ReleaseScope = {cells: new Map(), pairs: []};
  // With the county model off, the release is read as if it had no county table at all.
  if (!counties) release = {...release, tables: {...release.tables, people_by_county: []}};
  const {tables, headline, rounding, redactAtMost} = release;
  const cell = (name: string, value: unknown, family: Family): Quantity => {
    let quantity: Quantity;
    if (redactAtMost !== null && (value === null || typeof value === "number")) {
      // round5: a redacted count is 0 to redactAtMost; a published one is within ± rounding of the truth,
      // unless it is a total published as the sum of its parts (designateSums, below).
      const [lower, upper] = value === null ? [0, redactAtMost] : [Math.max(0, value - rounding), value + rounding];
      quantity = system.unknown(prefix + name, value === null ? "redacted" : "rounded", lower, upper);
      system.published.set(prefix + name, value);
    } else if (value === null) quantity = system.unknown(prefix + name, "hidden", mayBeHiddenZero(name) ? 0 : 1);
    else if (typeof value !== "number")
      quantity = system.unknown(prefix + name, name.startsWith("week(") ? "latent" : "implied", 0);
    else if (rounding === 0) quantity = {value};
    else quantity = system.unknown(prefix + name, "rounded", Math.max(0, value - rounding), value + rounding);
    scope.cells.set(name, {quantity, family});
    return quantity;
  };
  const rowCell = (table: string, key: string[], row: Row, column: string, family: Family) =>
    cell(`${table}(${key.map((k) => row[k]).join(",")}).${column}`, row[column], family);
  const total = (measure: string): Quantity =>
    cell(`headline.${measure}`, headline[measure], measure.startsWith("people") ? "people" : "records");

  // People.
  for (const measure of PEOPLE_MEASURES) {
    const national = total(measure);
    const cross = rows(tables, "people_by_district_age");
    const crossCell = (row: Row) =>
      rowCell("people_by_district_age", ["hospital_district", "age_group"], row, measure, "people");
    for (const row of rows(tables, "people_by_district")) {
      const parts = cross.filter((c) => c.hospital_district === row.hospital_district);
      if (parts.length === 0) continue;
      const whole = rowCell("people_by_district", ["hospital_district"], row, measure, "people");
      system.sum(parts.map(crossCell), whole, `district ${row.hospital_district}: ages add up to the district`);
    }
    for (const row of rows(tables, "people_by_age")) {
      const parts = cross.filter((c) => c.age_group === row.age_group);
      if (parts.length === 0) continue;
      const whole = rowCell("people_by_age", ["age_group"], row, measure, "people");
      system.sum(parts.map(crossCell), whole, `age ${row.age_group}: districts add up to the age group`);
    }
    for (const [table, key] of PEOPLE_TABLES) {
      if (rows(tables, table).length === 0) continue;
      const parts = rows(tables, table).map((row) => rowCell(table, key, row, measure, "people"));
      system.sum(parts, national, `${table}: adds up to the national ${measure}`);
    }
    if (measure === "people_emailed" || measure === "people_reported") {
      const days = rows(tables, "daily_timeline").map((row) =>
        rowCell("daily_timeline", ["date"], row, measure, "people")
      );
      if (days.length) system.sum(days, national, `daily_timeline: days add up to the national ${measure}`);
    }
  }
  for (const [table, key] of PEOPLE_TABLES) {
    for (const row of rows(tables, table)) {
      const name = (column: string) => `${table}(${key.map((k) => row[k]).join(",")}).${column}`;
      const people = rowCell(table, key, row, "people", "people");
      for (const measure of SUB_MEASURES) {
        const part = rowCell(table, key, row, measure, "people");
        system.atMost(part, people, `${name(measure)} ≤ ${name("people")}`);
        scope.pairs.push({part: name(measure), whole: name("people")});
        // Under round5 a redacted count of people may be 0, so "all or none of them" is no group attribute;
        // a group shown to be 1 to 7 people is a finding of its own (solve.ts).
        if (row.people === null && redactAtMost === null && !allOfEveryone(release, measure))
          system.groups.push({cell: prefix + name("people"), people, part, measure});
      }
    }
  }
  modelCounties(system, release, PEOPLE_MEASURES, (table, key, row, column) => rowCell(table, key, row, column, "people"), total, prefix); // prettier-ignore
  const [people, records] = [total("people"), total("records")];
  const [published, recordsPublished] = [total("people_published"), total("records_published")];
  for (const measure of SUB_MEASURES) system.atMost(total(measure), people, `headline ${measure} ≤ people`);
  for (const measure of SUB_MEASURES) scope.pairs.push({part: `headline.${measure}`, whole: "headline.people"});
  system.atMost(people, records, "every person has a record");
  system.atMost(published, recordsPublished, "every published person has a published record");
  system.add(
    [
      [records, 1],
      [recordsPublished, -1],
      [people, -1],
      [published, 1]
    ],
    0,
    Infinity,
    "every unpublished person has an unpublished record"
  );
  const daily = rows(tables, "daily_timeline").map((row) =>
    rowCell("daily_timeline", ["date"], row, "records_published", "records")
  );
  if (daily.length) system.sum(daily, recordsPublished, "daily_timeline: days add up to the records published");
  for (const row of rows(tables, "people_by_category")) {
    const part = rowCell("people_by_category", ["data_category"], row, "people", "people");
    system.atMost(part, people, `people with data category ${row.data_category} ≤ people`);
  }
  // Records per day and channel come from the publication events, which the tables do not relate to
  // the patients' records; they enter as cells with no relation (a hidden one is then safe).
  for (const row of rows(tables, "publications_by_day_channel"))
    rowCell("publications_by_day_channel", ["date", "channel"], row, "records", "other");

  modelCrisis(system, release, cell);
  if (redactAtMost !== null) system.designateSums(redactAtMost);
  return scope;
}

/**
 * Whether the published national totals say that everyone counted has *measure*: its national count
 * equals the national count of people, each read from headline.json or, where the headline has no such
 * figure (people_published), as the sum of a national breakdown (people by sex, wave, age or district)
 * whose every cell is published, or (people_published) headline.json's records_published equal to its
 * records: everyone has a record, so every person had one published. Then "all of this small group
 * have it" follows from published
 * national figures and says nothing about the small group that is not said of everyone: no finding.
 * This is the only exemption, and deliberately no broader one: an equality proved any other way (by
 * the solver through hidden cells, from a district's row, or from rounded figures) would excuse exactly
 * the inference the rule forbids, a property of a group smaller than everyone. "None of a small group"
 * has no exemption: a published 0 beside a hidden count of people is always a finding.
 */
function allOfEveryone({headline, tables, rounding}: Release, measure: string): boolean {
  if (rounding !== 0) return false;
  const national = (column: string): number | null => {
    if (typeof headline[column] === "number") return headline[column] as number;
    for (const [table] of PEOPLE_TABLES.filter(([name]) => name !== "people_by_district_age")) {
      const values = rows(tables, table).map((row) => row[column]);
      if (values.length && values.every((v) => typeof v === "number"))
        return (values as number[]).reduce((a, b) => a + b, 0);
    }
    return null;
  };
  const people = national("people");
  if (people === null || people <= 0) return false;
  // Every person counted has at least one record: when the headline says every record was published,
  // it says every person had one published, which is all of everyone, not a property of a small group.
  if (measure === "people_published" && typeof headline.records === "number" && headline.records > 0)
    if (headline.records_published === headline.records) return true;
  return national(measure) === people;
}

function modelCrisis(
  system: LinearSystem,
  {tables, headline, rounding}: Release,
  cell: (name: string, value: unknown, family: Family) => Quantity
): void {
  // A rounded month is not its weeks' exact sum: no week can be "that published cell on its own".
  const rounded = rounding !== 0;
  // A row of service 'all' is its district period's total over the services (README, the crisis table).
  const periods = rows(tables, "crisis_by_district_period").filter((r) => r.service !== "all");
  const nationalRows = rows(tables, "crisis_national_weekly");
  const weekStarts = [...new Set(nationalRows.map((r) => String(r.week_start)))].sort();
  const weeks = new Map<string, Quantity>(); // `${week}|${district}|${service}`
  const periodCells: Quantity[] = [];
  for (const row of periods) {
    const d = row.hospital_district;
    const s = row.service;
    const start = String(row.period_start);
    const end = String(row.period_end);
    const period = cell(`crisis_by_district_period(${d},${s},${start}).contacts`, row.contacts, "crisis");
    periodCells.push(period);
    if (row.grain === "week") {
      weeks.set(`${start}|${d}|${s}`, period);
      continue;
    }
    // The weeks of a month are those of the national series that start inside it (or, with no
    // national series, every seventh day from its start).
    const inside = weekStarts.length ? weekStarts.filter((w) => w >= start && w <= end) : everySeventhDay(start, end);
    // A "month" of one week (a partial month at the period's edge) publishes that week on its own: it
    // is a published cell, not a coarsened one, and the only week a reader may know exactly.
    if (inside.length === 1) {
      weeks.set(`${inside[0]}|${d}|${s}`, period);
      continue;
    }
    const parts = inside.map((w) => {
      const week = cell(`week(${w},${d},${s}).contacts`, row.contacts === 0 ? 0 : undefined, "crisis");
      if (typeof row.contacts === "number" && "name" in week && !rounded) system.holders.set(week.name, row.contacts);
      weeks.set(`${w}|${d}|${s}`, week);
      return week;
    });
    system.sum(parts, period, `district ${d}, ${s}: the month from ${start} is the sum of its weeks`);
  }
  for (const row of rows(tables, "crisis_by_district_period").filter((r) => r.service === "all")) {
    const [d, start] = [row.hospital_district, String(row.period_start)];
    const whole = cell(`crisis_by_district_period(${d},all,${start}).contacts`, row.contacts, "crisis");
    const parts = periods
      .filter((p) => p.hospital_district === d && String(p.period_start) === start)
      .map((p) => cell(`crisis_by_district_period(${d},${p.service},${start}).contacts`, p.contacts, "crisis"));
    system.sum(parts, whole, `district ${d}: the services add up to the period from ${start}`);
    // A month over all services is coarsened too: each of its weeks over all services is a cell no
    // table publishes, which must be protected like a hidden one (unless the month is one week).
    const serviceWeeks = periods
      .filter((p) => p.hospital_district === d && String(p.period_start) === start)
      .map((p) => String(p.service));
    const inside = [...weeks.keys()]
      .filter((key) => key.endsWith(`|${d}|${serviceWeeks[0]}`))
      .map((key) => key.split("|")[0]!)
      .filter((w) => w >= start && w <= String(row.period_end));
    if (row.grain === "week" || inside.length < 2 || row.contacts === 0) continue;
    for (const w of inside) {
      const services = serviceWeeks.map((service) => weeks.get(`${w}|${d}|${service}`));
      if (services.some((q) => q === undefined)) continue;
      const all = cell(`week(${w},${d},all).contacts`, undefined, "crisis");
      if (typeof row.contacts === "number" && "name" in all && !rounded) system.holders.set(all.name, row.contacts);
      system.sum(services as Quantity[], all, `district ${d}, week ${w}: the services add up to the week`);
    }
  }
  const districts = [...new Set(periods.map((r) => String(r.hospital_district)))];
  const nationals: Quantity[] = [];
  for (const row of nationalRows) {
    const w = String(row.week_start);
    const national = cell(`crisis_national_weekly(${w},${row.service}).contacts`, row.contacts, "crisis");
    nationals.push(national);
    const parts = districts.map((d) => weeks.get(`${w}|${d}|${row.service}`));
    const present = parts.filter((p): p is Quantity => p !== undefined);
    const why = `week ${w}, ${row.service}: the districts add up to the national week`;
    if (present.length === parts.length) system.sum(present, national, why);
    else system.sumAtMost(present, national, why);
  }
  const total = cell("headline.crisis_contacts", headline.crisis_contacts, "crisis");
  if (nationals.length) system.sum(nationals, total, "crisis_national_weekly adds up to the headline");
  if (periodCells.length) system.sum(periodCells, total, "crisis_by_district_period adds up to the headline");
}

function everySeventhDay(start: string, end: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 7 * 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
