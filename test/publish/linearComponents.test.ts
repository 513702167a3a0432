// The linear attack split into connected components, and kept up to date cell by cell, must find exactly
// what one elimination over the whole system finds, the total (which couples all components) included.
import {expect, test} from "vitest";
import {LinearAttack, recoverableCells, type Hidden} from "../../src/node/publish/disclosure.js";
import {PRIMES, SpanBasis, ones} from "../../src/node/publish/linalg.js";
import {addDays} from "../../src/node/publish/calendar.js";
import {buildModel, type Cell, type Measure} from "../../src/node/publish/model.js";
import type {PublishedSystem, TableRow} from "../../src/node/publish/system.js";

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Crisis tables over 8 weeks, 3 districts (one by periods of 1–3 weeks), 2 services; some cells hidden. */
function crisisSystem(seed: number): PublishedSystem {
  const rand = random(seed);
  const weeks = Array.from({length: 8}, (_, i) => addDays("2024-01-01", 7 * i));
  const services = ["chat", "phone"];
  const value = () => (rand() < 0.25 ? 0 : 1 + Math.floor(rand() * 9));
  const maybe = (v: number) => (v > 0 && rand() < 0.35 ? null : v);
  const atoms = new Map<string, number>();
  const periods: TableRow[] = [];
  for (const district of ["01", "02", "03"]) {
    for (const service of services) {
      for (let w = 0; w < weeks.length;) {
        const length = district === "02" ? 1 + Math.floor(rand() * 3) : 1;
        const span = weeks.slice(w, w + length);
        let contacts = 0;
        for (const week of span) {
          const v = value();
          atoms.set(`${week}|${district}|${service}`, v);
          contacts += v;
        }
        const [period_start, period_end] = [span[0], addDays(span[span.length - 1], 6)];
        const grain = length === 1 ? "week" : "month";
        const published = maybe(contacts);
        periods.push({hospital_district: district, service, grain, period_start, period_end, contacts: published});
        w += length;
      }
    }
  }
  const national = weeks.flatMap((week) =>
    services.map((service) => {
      const contacts = ["01", "02", "03"].reduce((n, d) => n + atoms.get(`${week}|${d}|${service}`)!, 0);
      return {week_start: week, service, contacts: maybe(contacts)};
    })
  );
  const total = [...atoms.values()].reduce((a, b) => a + b, 0);
  return {
    tables: {crisis_by_district_period: periods, crisis_national_weekly: national},
    headline: {
      people: null,
      records: null,
      records_published: null,
      people_emailed: null,
      people_reported: null,
      crisis_contacts: rand() < 0.5 ? total : null
    }
  };
}

/** One elimination over all atoms of the measure's single group: the attack before components. */
function reference(measure: Measure, hidden: Hidden, totalKnown: boolean): Cell[] {
  const [group] = measure.groups;
  const total = measure.total!;
  const known = new Uint8Array(group.size).fill(!hidden(total) && total.value === 0 ? 1 : 0);
  for (const cell of group.cells)
    if (!hidden(cell) && (cell.atoms.length === 1 || cell.value === 0)) for (const a of cell.atoms) known[a] = 1;
  const project = (atoms: number[]) => ones(atoms.filter((a) => !known[a]));
  const all = Array.from({length: group.size}, (_, i) => i);
  const bases = PRIMES.map((prime) => new SpanBasis(prime));
  for (const cell of group.cells)
    if (!hidden(cell) && cell.atoms.length > 1 && cell.value !== 0)
      for (const basis of bases) basis.add(project(cell.atoms));
  const contains = (atoms: number[]) => {
    const v = project(atoms);
    return v.cols.length === 0 || bases.some((basis) => basis.contains(v));
  };
  const derivable = contains(all);
  const found = hidden(total) && derivable ? [total] : [];
  if (!hidden(total) || totalKnown || derivable) for (const basis of bases) basis.add(project(all));
  return found.concat(group.cells.filter((cell) => hidden(cell) && contains(cell.atoms)));
}

const names = (cells: Cell[]) => cells.map((cell) => cell.id);

test("components find what one elimination over the whole system finds, with and without the total", () => {
  let recovered = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const model = buildModel(crisisSystem(seed));
    const measure = model.measures.get("contacts")!;
    const hidden = (cell: Cell) => cell.value === null;
    for (const totalKnown of [false, true]) {
      const expected = names(reference(measure, hidden, totalKnown));
      expect(names(recoverableCells(model, measure, hidden, totalKnown)), `seed ${seed}`).toEqual(expected);
      recovered += expected.length;
    }
  }
  // The random systems do expose cells, so the comparison is not between two empty lists.
  expect(recovered).toBeGreaterThan(50);
});

test("hiding cells one at a time keeps the incremental attack equal to a fresh one", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const model = buildModel(crisisSystem(seed));
    const measure = model.measures.get("contacts")!;
    const hiddenIds = new Set(model.cells.filter((cell) => cell.value === null).map((cell) => cell.id));
    const hidden = (cell: Cell) => hiddenIds.has(cell.id);
    const attack = new LinearAttack(measure, hidden, seed % 2 === 0);
    const rand = random(seed);
    for (let step = 0; step < 12; step++) {
      const open = attack.ordered().filter((cell) => !hidden(cell) && cell.value! > 0);
      if (!open.length) break;
      const extra = open[Math.floor(rand() * open.length)];
      const also = (cell: Cell) => cell === extra || hidden(cell);
      const after = names(reference(measure, also, seed % 2 === 0));
      for (const target of attack.ordered().filter(also))
        expect(attack.staysRecoverable(target, extra), `seed ${seed} step ${step}`).toBe(after.includes(target.id));
      attack.hide(extra);
      hiddenIds.add(extra.id);
      expect(names(attack.recoverable()), `seed ${seed} step ${step}`).toEqual(after);
    }
  }
});
