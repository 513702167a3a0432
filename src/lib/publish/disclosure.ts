// Can a reader work out a suppressed cell exactly from what is published? Two attacks, both run by the
// suppression (to decide what else to hide) and by the audit (to refuse what is still exposed):
//
// 1. Linear: a suppressed cell is recoverable when its vector of atoms lies in the span of the published
//    cells' vectors (plus the total when that is known). Published zeros fix all their atoms at 0 (counts
//    cannot be negative), and published single-atom cells fix their atom.
// 2. Bounds: counts are whole numbers ≥ 0, a suppressed cell is ≥ 1 (zeros are always published), and a
//    part of the people counted (e-mailed, reported, published) is ≤ the people counted. Propagating
//    these bounds through every sum can pin a cell no linear combination reaches: two suppressed cells
//    whose known sum is 2 are both 1.
import {PRIMES, SpanBasis, ones, type SparseVector} from "./linalg.js";
import type {Cell, Group, Measure, Model} from "./model.js";

export type Hidden = (cell: Cell) => boolean;

/** Suppressed cells of *measure* that are exactly recoverable as a linear combination of published ones. */
export function recoverableCells(model: Model, measure: Measure, hidden: Hidden): Cell[] {
  const total = measure.total;
  const totalPublished = total !== null && !hidden(total);
  const spaces = measure.groups.map((group) => groupSpace(group, hidden, totalPublished && total.value === 0));
  const totalDerivable = spaces.some((space) => space.contains(space.all));
  const found: Cell[] = [];
  if (total && hidden(total) && totalDerivable) found.push(total);
  for (const space of spaces) {
    if (totalPublished || totalDerivable) space.addRow(space.all);
    for (const cell of space.group.cells) if (hidden(cell) && space.contains(cell.atoms)) found.push(cell);
  }
  return found;
}

function groupSpace(group: Group, hidden: Hidden, allZero: boolean) {
  const known = new Uint8Array(group.size).fill(allZero ? 1 : 0);
  for (const cell of group.cells) {
    if (hidden(cell)) continue;
    if (cell.atoms.length === 1 || cell.value === 0) for (const atom of cell.atoms) known[atom] = 1;
  }
  const project = (atoms: number[]): SparseVector => ones(atoms.filter((atom) => !known[atom]));
  const bases = PRIMES.map((prime) => new SpanBasis(prime));
  const addRow = (atoms: number[]) => {
    const vector = project(atoms);
    if (vector.cols.length) for (const basis of bases) basis.add(vector);
  };
  for (const cell of group.cells) if (!hidden(cell) && cell.atoms.length > 1 && cell.value !== 0) addRow(cell.atoms);
  const all = Array.from({length: group.size}, (_, i) => i);
  return {
    group,
    all,
    addRow,
    contains(atoms: number[]): boolean {
      const vector = project(atoms);
      return vector.cols.length === 0 || bases.some((basis) => basis.contains(vector));
    }
  };
}

/** Measures tied together by bounds (people and its parts), which the bounds attack must see at once. */
export function measureFamilies(model: Model): Measure[][] {
  const people = ["people", "people_published", "people_emailed", "people_reported"];
  const family = [...model.measures.values()].filter((m) => people.includes(m.name));
  const rest = [...model.measures.values()].filter((m) => !people.includes(m.name));
  return [family, ...rest.map((m) => [m])].filter((f) => f.length > 0);
}

/** Passes over all constraints before giving up on a fixed point; cycles tighten by 1 per pass at worst. */
const MAX_PASSES = 2000;

/** Suppressed cells of *family* whose value the bounds attack pins to a single number. */
export function pinnedCells(model: Model, family: Measure[], hidden: Hidden): Cell[] {
  const lo: number[] = [];
  const hi: number[] = [];
  const variable = (low: number, high: number) => (lo.push(low), hi.push(high), lo.length - 1);
  // Equalities: Σ coefficient·x = 0 over the listed variables.
  const equations: Array<{vars: number[]; coefs: number[]}> = [];
  const below: Array<[number, number]> = [];
  const cellVar = new Map<Cell, number>();
  const groupAtoms = new Map<Group, number>();

  const totalVars = new Map<Measure, number>();
  for (const measure of family) {
    const totalVar = variable(0, Infinity);
    totalVars.set(measure, totalVar);
    if (measure.total) cellVar.set(measure.total, totalVar);
    for (const group of measure.groups) {
      const first = lo.length;
      for (let i = 0; i < group.size; i++) variable(0, Infinity);
      groupAtoms.set(group, first);
      const atoms = Array.from({length: group.size}, (_, i) => first + i);
      equations.push({vars: [totalVar, ...atoms], coefs: [1, ...atoms.map(() => -1)]});
      for (const cell of group.cells) {
        if (cell.atoms.length === 1) {
          cellVar.set(cell, first + cell.atoms[0]);
          continue;
        }
        const v = variable(0, Infinity);
        cellVar.set(cell, v);
        equations.push({vars: [v, ...cell.atoms.map((a) => first + a)], coefs: [1, ...cell.atoms.map(() => -1)]});
      }
    }
  }
  // Each table that covers a group's atoms once adds up to the total, published or not.
  for (const measure of family) {
    const totalVar = totalVars.get(measure)!;
    for (const group of measure.groups) {
      const byTable = new Map<string, Cell[]>();
      for (const cell of group.cells) byTable.set(cell.table, [...(byTable.get(cell.table) ?? []), cell]);
      for (const cells of byTable.values()) {
        if (!partitions(group, cells)) continue;
        const vars = [totalVar, ...cells.map((cell) => cellVar.get(cell)!)];
        equations.push({vars, coefs: vars.map((_, i) => (i === 0 ? 1 : -1))});
      }
    }
  }
  const inFamily = new Set(family.map((m) => m.name));
  // Sums between cells too, not only over atoms: intervals of overlapping sums lose what these keep.
  for (const {whole, parts} of model.tilings) {
    if (!inFamily.has(whole.measure)) continue;
    const vars = [cellVar.get(whole)!, ...parts.map((part) => cellVar.get(part)!)];
    equations.push({vars, coefs: vars.map((_, i) => (i === 0 ? 1 : -1))});
  }
  for (const [cell, v] of cellVar) {
    if (hidden(cell)) lo[v] = Math.max(lo[v], 1);
    else [lo[v], hi[v]] = [cell.value!, cell.value!];
  }
  for (const {below: b, above: a} of model.bounds) {
    if (!inFamily.has(b.measure) || !inFamily.has(a.measure)) continue;
    const [fb, fa] = [groupAtoms.get(b)!, groupAtoms.get(a)!];
    for (let i = 0; i < b.size; i++) below.push([fb + i, fa + i]);
  }
  for (const {below: b, above: a} of model.rowBounds) {
    if (cellVar.has(b) && cellVar.has(a)) below.push([cellVar.get(b)!, cellVar.get(a)!]);
  }
  for (const measure of family) {
    const people = family.find((m) => m.name === "people");
    if (people?.total && measure !== people && measure.total)
      below.push([cellVar.get(measure.total)!, cellVar.get(people.total)!]);
  }

  propagate(lo, hi, equations, below);
  return [...cellVar].filter(([cell, v]) => hidden(cell) && lo[v] === hi[v]).map(([cell]) => cell);
}

function partitions(group: Group, cells: Cell[]): boolean {
  const seen = new Uint8Array(group.size);
  for (const cell of cells) for (const atom of cell.atoms) if (seen[atom]++) return false;
  return seen.every((n) => n === 1);
}

function propagate(
  lo: number[],
  hi: number[],
  equations: Array<{vars: number[]; coefs: number[]}>,
  below: Array<[number, number]>
) {
  for (let pass = 0, changed = true; changed && pass < MAX_PASSES; pass++) {
    changed = false;
    const tighten = (v: number, low: number, high: number) => {
      if (low > lo[v]) ((lo[v] = low), (changed = true));
      if (high < hi[v]) ((hi[v] = high), (changed = true));
    };
    for (const {vars, coefs} of equations) {
      // Bounds of Σ c·x, keeping infinite terms apart so that ∞ − ∞ never arises.
      let [finLo, infLo, finHi, infHi] = [0, 0, 0, 0];
      const termLo = (i: number) => (coefs[i] > 0 ? lo[vars[i]] : -hi[vars[i]]);
      const termHi = (i: number) => (coefs[i] > 0 ? hi[vars[i]] : -lo[vars[i]]);
      for (let i = 0; i < vars.length; i++) {
        const [l, h] = [termLo(i), termHi(i)];
        if (l === -Infinity) infLo++;
        else finLo += l;
        if (h === Infinity) infHi++;
        else finHi += h;
      }
      for (let i = 0; i < vars.length; i++) {
        const [l, h] = [termLo(i), termHi(i)];
        // The other terms' sum lies in [restLo, restHi]; this term is minus that.
        const restLo = infLo - (l === -Infinity ? 1 : 0) > 0 ? -Infinity : finLo - (l === -Infinity ? 0 : l);
        const restHi = infHi - (h === Infinity ? 1 : 0) > 0 ? Infinity : finHi - (h === Infinity ? 0 : h);
        const [termMin, termMax] = [-restHi, -restLo];
        if (coefs[i] > 0) tighten(vars[i], termMin, termMax);
        else tighten(vars[i], -termMax, -termMin);
      }
    }
    for (const [b, a] of below) (tighten(b, lo[b], Math.min(hi[b], hi[a])), tighten(a, Math.max(lo[a], lo[b]), hi[a]));
  }
  // True counts satisfy every constraint, so crossed bounds mean the published counts contradict each other.
  if (lo.some((low, v) => low > hi[v])) throw new Error("invalid published system: its counts contradict each other");
}
