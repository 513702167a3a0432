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
import {PEOPLE_SUBMEASURES, type Cell, type Group, type Measure, type Model} from "./model.js";

export type Hidden = (cell: Cell) => boolean;

/**
 * Suppressed cells of *measure* that are exactly recoverable as a linear combination of published ones
 * (and of the total, when *totalKnown* from elsewhere, such as the bounds attack).
 */
export function recoverableCells(model: Model, measure: Measure, hidden: Hidden, totalKnown = false): Cell[] {
  const {total, totalDerivable, spaces} = measureSpaces(measure, hidden, totalKnown);
  const found: Cell[] = [];
  if (total && hidden(total) && totalDerivable()) found.push(total);
  for (const space of spaces) {
    for (const cell of space.group.cells) if (hidden(cell) && space.contains(cell.atoms)) found.push(cell);
  }
  return found;
}

/** Whether the suppressed *cell* of *measure* is among its recoverableCells(), asking only about it. */
export function isRecoverable(measure: Measure, hidden: Hidden, cell: Cell, totalKnown = false): boolean {
  const {total, totalDerivable, spaces} = measureSpaces(measure, hidden, totalKnown);
  if (cell === total) return hidden(total) && totalDerivable();
  const space = spaces.find((space) => space.group.id === cell.group);
  return space !== undefined && hidden(cell) && space.contains(cell.atoms);
}

function measureSpaces(measure: Measure, hidden: Hidden, totalKnown: boolean) {
  const total = measure.total;
  const knownTotal = (total !== null && !hidden(total)) || totalKnown;
  const spaces = measure.groups.map((group) =>
    groupSpace(group, hidden, total !== null && !hidden(total) && total.value === 0)
  );
  let derivable: boolean | undefined;
  const totalDerivable = () => (derivable ??= spaces.some((space) => space.containsAll()));
  // Lazily: the total joins a group's span only when that group is asked about.
  const withTotal = spaces.map((space) => ({
    group: space.group,
    contains(atoms: number[]): boolean {
      if (knownTotal || totalDerivable()) space.addTotal();
      return space.contains(atoms);
    }
  }));
  return {total, totalDerivable, spaces: withTotal};
}

/** One connected component of a group's published rows: its unknown atoms and their span modulo each prime. */
interface Component {
  atoms: number[];
  rows: SparseVector[];
  bases: SpanBasis[];
  /** Whether the sum of all its atoms lies in the span, modulo each prime. */
  sumInSpan: boolean[];
}

/**
 * Components by group and content. Suppression asks again and again about a system that differs by one
 * hidden cell, which changes a component or two; the others keep their reduced bases. Keyed by the
 * group object, so the audit, which builds its own model, never sees the suppression's entries.
 */
const componentCache = new WeakMap<Group, Map<string, Component>>();

/**
 * The span of a group's published cells, split into connected components (cells that share an unknown
 * atom): a vector lies in the span exactly when its part in each component lies in that component's span,
 * so each question needs only the components it touches. The total (the sum of all atoms) couples them:
 * see contains().
 */
function groupSpace(group: Group, hidden: Hidden, allZero: boolean) {
  const known = new Uint8Array(group.size).fill(allZero ? 1 : 0);
  for (const cell of group.cells) {
    if (hidden(cell)) continue;
    if (cell.atoms.length === 1 || cell.value === 0) for (const atom of cell.atoms) known[atom] = 1;
  }
  const project = (atoms: number[]): SparseVector => ones(atoms.filter((atom) => !known[atom]));
  const parent = Int32Array.from({length: group.size}, (_, i) => i);
  const root = (atom: number): number => {
    while (parent[atom] !== atom) atom = parent[atom] = parent[parent[atom]];
    return atom;
  };
  const rows: SparseVector[] = [];
  for (const cell of group.cells) {
    if (hidden(cell) || cell.atoms.length < 2 || cell.value === 0) continue;
    const vector = project(cell.atoms);
    if (!vector.cols.length) continue;
    rows.push(vector);
    for (const atom of vector.cols) parent[root(atom)] = root(vector.cols[0]);
  }
  const parts = new Map<number, {atoms: number[]; rows: SparseVector[]}>();
  for (let atom = 0; atom < group.size; atom++) {
    if (known[atom]) continue;
    const r = root(atom);
    const part = parts.get(r) ?? {atoms: [], rows: []};
    part.atoms.push(atom);
    parts.set(r, part);
  }
  for (const row of rows) parts.get(root(row.cols[0]))!.rows.push(row);
  let cache = componentCache.get(group);
  if (!cache) componentCache.set(group, (cache = new Map()));
  const components = new Map<number, Component>();
  const component = (r: number): Component => {
    let found = components.get(r);
    if (found) return found;
    const part = parts.get(r)!;
    const key = part.atoms.join(",") + "|" + part.rows.map((row) => row.cols.join(",")).join(";");
    found = cache.get(key);
    if (!found) {
      const bases = PRIMES.map((prime) => new SpanBasis(prime));
      for (const row of part.rows) for (const basis of bases) basis.add(row);
      const sum = ones(part.atoms);
      found = {atoms: part.atoms, rows: part.rows, bases, sumInSpan: bases.map((basis) => basis.contains(sum))};
      cache.set(key, found);
    }
    components.set(r, found);
    return found;
  };
  let withTotal = false;
  // Per prime, the components whose atoms' sum is not in their span (computed once, when the total joins).
  let apart: number[][] | undefined;
  const componentsApart = () =>
    (apart ??= PRIMES.map((_, p) => [...parts.keys()].filter((r) => !component(r).sumInSpan[p])));
  return {
    group,
    addTotal() {
      withTotal = true;
    },
    /** Whether the sum of all atoms (the total) lies in the span of the published cells. */
    containsAll(): boolean {
      return PRIMES.some((_, p) => [...parts.keys()].every((r) => component(r).sumInSpan[p]));
    },
    /**
     * Modulo either prime, whether *atoms* lie in the span. With the total, v = r + c·Σatoms: in a
     * component v does not touch whose sum is outside its span, c must be 0, and the total adds nothing;
     * otherwise the total is, up to the span, the sum of the atoms of the components v touches.
     */
    contains(atoms: number[]): boolean {
      const vector = project(atoms);
      if (vector.cols.length === 0) return true;
      const touched = new Map<number, number[]>();
      for (const atom of vector.cols) {
        const r = root(atom);
        touched.set(r, [...(touched.get(r) ?? []), atom]);
      }
      return PRIMES.some((prime, p) => {
        if (withTotal && componentsApart()[p].every((r) => touched.has(r))) {
          const basis = new SpanBasis(prime);
          const sum: number[] = [];
          for (const r of touched.keys()) {
            for (const row of component(r).rows) basis.add(row);
            sum.push(...component(r).atoms);
          }
          basis.add(ones(sum.sort((a, b) => a - b)));
          return basis.contains(vector);
        }
        return [...touched].every(([r, part]) => component(r).bases[p].contains(ones(part)));
      });
    }
  };
}

/**
 * Measures tied together by bounds, which the bounds attack must see at once: people, the parts of
 * them (published, e-mailed, reported), and records (every person has at least one).
 */
export function measureFamilies(model: Model): Measure[][] {
  const family = [...model.measures.values()].filter((m) => PEOPLE_FAMILY.includes(m.name));
  const rest = [...model.measures.values()].filter((m) => !PEOPLE_FAMILY.includes(m.name));
  return [family, ...rest.map((m) => [m])].filter((f) => f.length > 0);
}

const PEOPLE_FAMILY = ["people", ...PEOPLE_SUBMEASURES, "records", "records_published"];

/** Passes over all constraints before giving up on a fixed point; cycles tighten by 1 per pass at worst. */
const MAX_PASSES = 2000;

export interface BoundsAttack {
  /** Suppressed cells pinned to a single number. */
  pinned: Cell[];
  /** Measures whose total is pinned, published or not (the linear attack can then use it). */
  totals: Set<string>;
}

/** What the bounds attack learns about *family*. */
export function boundsAttack(model: Model, family: Measure[], hidden: Hidden): BoundsAttack {
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
  const total = (name: string) => {
    const measure = family.find((m) => m.name === name);
    return measure ? totalVars.get(measure) : undefined;
  };
  const [people, records, published, recordsPublished] = [
    "people",
    "records",
    "people_published",
    "records_published"
  ].map(total);
  for (const sub of PEOPLE_SUBMEASURES) {
    const t = total(sub);
    if (t !== undefined && people !== undefined) below.push([t, people]);
  }
  // Each person has at least one record, and a published person at least one published record; so
  // people published ≤ records published, and the surplus of published records over published people
  // is at most the surplus of records over people (equal numbers mean one record each).
  if (people !== undefined && records !== undefined && published !== undefined && recordsPublished !== undefined) {
    below.push([published, recordsPublished]);
    const surplus = variable(0, Infinity);
    const publishedSurplus = variable(0, Infinity);
    equations.push({vars: [surplus, records, people], coefs: [1, -1, 1]});
    equations.push({vars: [publishedSurplus, recordsPublished, published], coefs: [1, -1, 1]});
    below.push([publishedSurplus, surplus]);
  }

  propagate(lo, hi, equations, below);
  return {
    pinned: [...cellVar].filter(([cell, v]) => hidden(cell) && lo[v] === hi[v]).map(([cell]) => cell),
    totals: new Set([...totalVars].filter(([, v]) => lo[v] === hi[v]).map(([measure]) => measure.name))
  };
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
  // Constraint i < equations.length is an equation, the rest are `below` pairs. Tightening is monotone, so
  // revisiting only the constraints of variables that changed reaches the same fixed point as full passes.
  const constraintsOf: number[][] = Array.from({length: lo.length}, () => []);
  equations.forEach(({vars}, i) => vars.forEach((v) => constraintsOf[v].push(i)));
  below.forEach(([b, a], i) => (constraintsOf[b].push(equations.length + i), constraintsOf[a].push(equations.length + i)));
  const queued = new Uint8Array(equations.length + below.length).fill(1);
  let next: number[] = [];
  const tighten = (v: number, low: number, high: number) => {
    if (low <= lo[v] && high >= hi[v]) return;
    if (low > lo[v]) lo[v] = low;
    if (high < hi[v]) hi[v] = high;
    for (const c of constraintsOf[v]) if (!queued[c]) ((queued[c] = 1), next.push(c));
  };
  let round = Array.from(queued, (_, i) => i);
  for (let pass = 0; round.length && pass < MAX_PASSES; pass++) {
    for (const c of round) {
      queued[c] = 0;
      if (c >= equations.length) {
        const [b, a] = below[c - equations.length];
        tighten(b, lo[b], Math.min(hi[b], hi[a]));
        tighten(a, Math.max(lo[a], lo[b]), hi[a]);
        continue;
      }
      const {vars, coefs} = equations[c];
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
    [round, next] = [next.sort((a, b) => a - b), []];
  }
  // True counts satisfy every constraint, so crossed bounds mean the published counts contradict each other.
  if (lo.some((low, v) => low > hi[v])) throw new Error("invalid published system: its counts contradict each other");
}
