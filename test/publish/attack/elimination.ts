// An attacker who has only the published files. It writes down every equation the tables' documented
// semantics give (parts add up to totals; months are sums of weeks; national weeks are sums over
// districts), and what any reader knows (counts are whole and ≥ 0; NULL means 1 or more, since zeros
// are published; e-mailed, reported and published people are part of the people counted), then tries
// to pin suppressed cells: by substitution, by exact rational elimination, and by bounds.
// Written apart from src/node/publish on purpose: it must not share the publisher's blind spots.
// This is the earlier, weaker attacker (no solver), kept for the publisher's own tests; the solver
// attack is test/publish/attacker.ts.
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {publishedTables} from "../../../src/lib/publishedTables.js";
import {readParquetColumns} from "../../../src/lib/parquetColumns.js";

type Row = Record<string, unknown>;
/** Σ coefficient·variable = constant, over named unknowns. */
interface Equation {
  terms: Map<string, bigint>;
  constant: bigint;
}
export interface Recovered {
  cell: string;
  value: number;
  how: "substitution" | "elimination" | "bounds";
}

export async function readPublished(folder: string) {
  const tables: Record<string, Row[]> = {};
  for (const spec of publishedTables) {
    const bytes = await readFile(join(folder, `${spec.name}.parquet`));
    const columns = await readParquetColumns(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    const n = columns[0]?.values.length ?? 0;
    tables[spec.name] = Array.from({length: n}, (_, i) =>
      Object.fromEntries(
        columns.map((c) => [
          c.name,
          c.values[i] instanceof Date ? (c.values[i] as Date).toISOString().slice(0, 10) : c.values[i]
        ])
      )
    );
  }
  const headline = JSON.parse(await readFile(join(folder, "headline.json"), "utf8"));
  return {tables, headline};
}

/** A published cell as a term: its value, or an unknown named after it. */
type Term = {name: string; value: number | null};
const PEOPLE = ["people", "people_published", "people_emailed", "people_reported"];

export function attack({tables, headline}: Awaited<ReturnType<typeof readPublished>>): Recovered[] {
  // readPublished reads every published table; a table a release lacks would have no rows.
  const rows = (table: string): Row[] => tables[table] ?? [];
  const equations: Equation[] = [];
  const unknownCells = new Set<string>();
  const latent = new Set<string>();
  const below: Array<[Term, Term]> = [];
  const term = (table: string, row: Row, key: string[], column: string): Term => {
    const name = `${table}(${key.map((k) => row[k]).join(",")}).${column}`;
    const value = row[column] as number | null;
    if (value === null) unknownCells.add(name);
    return {name, value};
  };
  const sum = (parts: Term[], whole: Term) => {
    const terms = new Map<string, bigint>();
    let constant = 0n;
    for (const [t, sign] of [...parts.map((p) => [p, 1n] as const), [whole, -1n] as const]) {
      if (t.value === null) terms.set(t.name, (terms.get(t.name) ?? 0n) + sign);
      else constant -= sign * BigInt(t.value);
    }
    equations.push({terms, constant});
  };
  const total = (measure: string): Term => {
    const value = headline[measure];
    if (value === undefined) {
      latent.add(`total.${measure}`);
      return {name: `total.${measure}`, value: null};
    }
    if (value === null) unknownCells.add(`headline.${measure}`);
    return {name: `headline.${measure}`, value};
  };

  for (const measure of PEOPLE) {
    const T = total(measure);
    const cross = rows("people_by_district_age");
    const cell = (r: Row) => term("people_by_district_age", r, ["hospital_district", "age_group"], measure);
    for (const r of rows("people_by_district")) {
      sum(
        cross.filter((c) => c.hospital_district === r.hospital_district).map(cell),
        term("people_by_district", r, ["hospital_district"], measure)
      );
    }
    for (const r of rows("people_by_age")) {
      sum(cross.filter((c) => c.age_group === r.age_group).map(cell), term("people_by_age", r, ["age_group"], measure));
    }
    sum(cross.map(cell), T);
    sum(
      rows("people_by_district").map((r) => term("people_by_district", r, ["hospital_district"], measure)),
      T
    );
    sum(
      rows("people_by_age").map((r) => term("people_by_age", r, ["age_group"], measure)),
      T
    );
    sum(
      rows("people_by_sex").map((r) => term("people_by_sex", r, ["sex"], measure)),
      T
    );
    sum(
      rows("people_by_wave").map((r) => term("people_by_wave", r, ["breach_wave"], measure)),
      T
    );
    if (measure === "people_emailed" || measure === "people_reported") {
      sum(
        rows("daily_timeline").map((r) => term("daily_timeline", r, ["date"], measure)),
        T
      );
    }
    if (measure !== "people") {
      for (const [table, key] of [
        ["people_by_district_age", ["hospital_district", "age_group"]],
        ["people_by_district", ["hospital_district"]],
        ["people_by_age", ["age_group"]],
        ["people_by_sex", ["sex"]],
        ["people_by_wave", ["breach_wave"]]
      ] as const) {
        for (const r of rows(table))
          below.push([term(table, r, [...key], measure), term(table, r, [...key], "people")]);
      }
      below.push([T, total("people")]);
    }
  }
  // Every person has at least one record, and a published person at least one published record: the
  // surplus of published records over published people is at most that of records over people.
  const [people, published, records, recordsPublished] = [
    total("people"),
    total("people_published"),
    total("records"),
    total("records_published")
  ];
  below.push([published, recordsPublished]);
  const surplus: Term = {name: "surplus.records", value: null};
  const publishedSurplus: Term = {name: "surplus.records_published", value: null};
  sum([surplus, people], records);
  sum([publishedSurplus, published], recordsPublished);
  below.push([publishedSurplus, surplus]);
  sum(
    rows("daily_timeline").map((r) => term("daily_timeline", r, ["date"], "records_published")),
    total("records_published")
  );
  for (const r of rows("people_by_category")) term("people_by_category", r, ["data_category"], "people");
  for (const r of rows("publications_by_day_channel"))
    term("publications_by_day_channel", r, ["date", "channel"], "records");

  // Crisis: a district's value in one week and service is a cell (weekly districts) or a latent part
  // of a month (monthly districts).
  // A row of service 'all' is its district period's total over the services.
  const periods = rows("crisis_by_district_period").filter((r) => r.service !== "all");
  for (const r of rows("crisis_by_district_period").filter((r) => r.service === "all")) {
    const key = ["hospital_district", "service", "period_start"];
    const parts = periods.filter(
      (p) => p.hospital_district === r.hospital_district && p.period_start === r.period_start
    );
    sum(
      parts.map((p) => term("crisis_by_district_period", p, key, "contacts")),
      term("crisis_by_district_period", r, key, "contacts")
    );
  }
  const weekOf = new Map<string, Term>();
  for (const r of periods) {
    const cell = term("crisis_by_district_period", r, ["hospital_district", "service", "period_start"], "contacts");
    if (r.grain === "week") {
      weekOf.set(`${r.period_start}|${r.hospital_district}|${r.service}`, cell);
      continue;
    }
    const weeks: Term[] = [];
    for (let w = r.period_start as string; w <= (r.period_end as string); w = addDays(w, 7)) {
      const name = `week(${w},${r.hospital_district},${r.service})`;
      latent.add(name);
      const part = {name, value: cell.value === 0 ? 0 : null};
      weekOf.set(`${w}|${r.hospital_district}|${r.service}`, part);
      weeks.push(part);
    }
    sum(weeks, cell);
  }
  const districts = [...new Set(periods.map((r) => r.hospital_district as string))];
  const nationals = rows("crisis_national_weekly").map((r) => {
    const national = term("crisis_national_weekly", r, ["week_start", "service"], "contacts");
    const parts = districts
      .map((d) => weekOf.get(`${r.week_start}|${d}|${r.service}`))
      .filter((t): t is Term => t !== undefined);
    sum(parts, national);
    return national;
  });
  sum(nationals, total("crisis_contacts"));
  sum(
    periods.map((r) =>
      term("crisis_by_district_period", r, ["hospital_district", "service", "period_start"], "contacts")
    ),
    total("crisis_contacts")
  );

  // Each method runs on its own, so a test can see what each one alone finds.
  const recovered: Recovered[] = [];
  const note = (how: Recovered["how"]) => (name: string, value: bigint) => {
    if (unknownCells.has(name)) recovered.push({cell: name, value: Number(value), how});
  };
  substitute(equations, note("substitution"));
  for (const [name, value] of eliminate(equations)) note("elimination")(name, value);
  for (const [name, value] of bounds(equations, unknownCells, below)) note("bounds")(name, value);
  return recovered;
}

/** Solves every equation left with one unknown, again and again. */
function substitute(equations: Equation[], found: (name: string, value: bigint) => void): void {
  const known = new Map<string, bigint>();
  for (let progress = true; progress;) {
    progress = false;
    for (const eq of equations) {
      let constant = eq.constant;
      const open: Array<[string, bigint]> = [];
      for (const [name, coef] of eq.terms) {
        if (coef === 0n) continue;
        if (known.has(name)) constant -= coef * known.get(name)!;
        else open.push([name, coef]);
      }
      const [only, ...others] = open;
      if (only && others.length === 0 && constant % only[1] === 0n) {
        const [name, coef] = only;
        known.set(name, constant / coef);
        found(name, constant / coef);
        progress = true;
      }
    }
  }
}

/** Exact Gauss–Jordan elimination over the rationals (integer rows kept small by their gcd). */
function eliminate(equations: Equation[]): Map<string, bigint> {
  const rows = equations
    .map(({terms, constant}) => ({terms: new Map([...terms].filter(([, c]) => c !== 0n)), constant}))
    .filter((row) => row.terms.size > 0);
  const pivots: Array<{name: string; row: Equation}> = [];
  for (const eq of rows) {
    let row = eq;
    for (const p of pivots) row = combine(row, p.row, p.name);
    const name = row.terms.keys().next().value;
    if (name === undefined) continue;
    for (const p of pivots) p.row = combine(p.row, row, name);
    pivots.push({name, row});
  }
  const solved = new Map<string, bigint>();
  for (const {name, row} of pivots) {
    const coef = row.terms.get(name)!;
    if (row.terms.size === 1 && row.constant % coef === 0n) solved.set(name, row.constant / coef);
  }
  return solved;
}

/** *row* with *name* eliminated using *by*. */
function combine(row: Equation, by: Equation, name: string): Equation {
  const a = row.terms.get(name);
  if (!a) return row;
  const b = by.terms.get(name)!;
  const terms = new Map<string, bigint>();
  for (const [n, c] of row.terms) terms.set(n, c * b);
  for (const [n, c] of by.terms) terms.set(n, (terms.get(n) ?? 0n) - c * a);
  let constant = row.constant * b - by.constant * a;
  for (const [n, c] of terms) if (c === 0n) terms.delete(n);
  let g = constant < 0n ? -constant : constant;
  for (const c of terms.values()) g = gcd(g, c < 0n ? -c : c);
  if (g > 1n) {
    for (const [n, c] of terms) terms.set(n, c / g);
    constant /= g;
  }
  return {terms, constant};
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Interval propagation: unknown cells ≥ 1, latent parts ≥ 0, part ≤ whole. */
function bounds(equations: Equation[], unknownCells: Set<string>, below: Array<[Term, Term]>): Map<string, bigint> {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const get = (t: Term | string): [number, number] => {
    if (typeof t !== "string" && t.value !== null) return [t.value, t.value];
    const name = typeof t === "string" ? t : t.name;
    return [lo.get(name) ?? (unknownCells.has(name) ? 1 : 0), hi.get(name) ?? Infinity];
  };
  for (let pass = 0, changed = true; changed && pass < 5000; pass++) {
    changed = false;
    const set = (name: string, l: number, h: number) => {
      const [ol, oh] = get(name);
      if (l > ol) (lo.set(name, l), (changed = true));
      if (h < oh) (hi.set(name, h), (changed = true));
    };
    for (const eq of equations) {
      for (const [name, coef] of eq.terms) {
        if (coef === 0n) continue;
        // coef·x = constant − Σ others
        let [rl, rh] = [Number(eq.constant), Number(eq.constant)];
        for (const [other, c] of eq.terms) {
          if (other === name || c === 0n) continue;
          const [l, h] = get(other);
          const [tl, th] = c > 0n ? [Number(c) * l, Number(c) * h] : [Number(c) * h, Number(c) * l];
          rl -= th;
          rh -= tl;
        }
        const k = Number(coef);
        if (k > 0) set(name, Math.ceil(rl / k), Math.floor(rh / k));
        else set(name, Math.ceil(rh / k), Math.floor(rl / k));
      }
    }
    for (const [part, whole] of below) {
      if (part.value === null) set(part.name, get(part)[0], Math.min(get(part)[1], get(whole)[1]));
      if (whole.value === null) set(whole.name, Math.max(get(whole)[0], get(part)[0]), get(whole)[1]);
    }
  }
  const pinned = new Map<string, bigint>();
  for (const name of unknownCells) {
    const [l, h] = get(name);
    if (l === h) pinned.set(name, BigInt(l));
  }
  return pinned;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
