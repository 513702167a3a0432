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
  const spaces = measureSpaces(measure, hidden);
  const total = measure.total;
  const withTotal = totalJoins(spaces, measure, hidden, totalKnown);
  const found: Cell[] = [];
  if (total && hidden(total) && spaces.some((space) => space.containsAll())) found.push(total);
  for (const space of spaces) {
    for (const cell of space.group.cells) if (hidden(cell) && space.contains(cell.atoms, withTotal())) found.push(cell);
  }
  return found;
}

/**
 * The linear attack on one measure, kept up to date while suppression hides cells one at a time: hiding a
 * cell rebuilds only the components of the span it touches. Hiding more only shrinks the span, so a cell
 * found not recoverable stays so.
 */
export class LinearAttack {
  private spaces: GroupSpace[];

  /** *hidden* is the suppression's live set; tell hide() about a cell before it joins that set. */
  constructor(
    private readonly measure: Measure,
    private readonly hidden: Hidden,
    private readonly totalKnown: boolean
  ) {
    this.spaces = measureSpaces(measure, hidden);
  }

  /** The suppressed cells that are recoverable now, in the order of recoverableCells(). */
  recoverable(): Cell[] {
    return this.ordered().filter((cell) => this.hidden(cell) && this.test(this.spaces, this.hidden, cell));
  }

  isRecoverable(cell: Cell): boolean {
    return this.test(this.spaces, this.hidden, cell);
  }

  /** Whether *target* stays recoverable if *extra* is hidden as well. */
  staysRecoverable(target: Cell, extra: Cell): boolean {
    const also: Hidden = (cell) => cell === extra || this.hidden(cell);
    return this.test(this.after(extra), also, target);
  }

  hide(cell: Cell): void {
    this.spaces = this.after(cell);
  }

  /** The total first, then each group's cells: the order in which recoverableCells() lists them. */
  ordered(): Cell[] {
    const cells = this.measure.groups.flatMap((group) => group.cells);
    return this.measure.total ? [this.measure.total, ...cells] : cells;
  }

  private after(extra: Cell): GroupSpace[] {
    // Hiding the total changes which atoms a published zero total fixes: start over.
    if (extra === this.measure.total) return measureSpaces(this.measure, (cell) => cell === extra || this.hidden(cell));
    return this.spaces.map((space) => space.without(extra, this.hidden));
  }

  private test(spaces: GroupSpace[], hidden: Hidden, target: Cell): boolean {
    if (!hidden(target)) return false;
    if (target === this.measure.total) return spaces.some((space) => space.containsAll());
    const space = spaces.find((space) => space.group.id === target.group);
    const withTotal = totalJoins(spaces, this.measure, hidden, this.totalKnown);
    return space !== undefined && space.contains(target.atoms, withTotal());
  }
}

function measureSpaces(measure: Measure, hidden: Hidden): GroupSpace[] {
  const total = measure.total;
  const allZero = total !== null && !hidden(total) && total.value === 0;
  return measure.groups.map((group) => GroupSpace.build(group, hidden, allZero));
}

/** Whether the total joins the published rows: when known, or derivable from some group's cells. */
function totalJoins(spaces: GroupSpace[], measure: Measure, hidden: Hidden, totalKnown: boolean): () => boolean {
  const known = (measure.total !== null && !hidden(measure.total)) || totalKnown;
  let derivable: boolean | undefined;
  return () => known || (derivable ??= spaces.some((space) => space.containsAll()));
}

interface Row {
  cell: Cell;
  /** The cell's unknown atoms. */
  vector: SparseVector;
}

/** One connected component of a group's published rows: its unknown atoms and their span modulo each prime. */
interface Component {
  atoms: number[];
  rows: Row[];
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
const atomCells = new WeakMap<Group, Cell[][]>();

/**
 * The span of a group's published cells, split into connected components (cells that share an unknown
 * atom): a vector lies in the span exactly when its part in each component lies in that component's span,
 * so each question needs only the components it touches. The total (the sum of all atoms) couples them:
 * see contains(). Published zeros fix all their atoms at 0, published single-atom cells fix their atom.
 */
class GroupSpace {
  private constructor(
    readonly group: Group,
    private readonly allZero: boolean,
    private readonly known: Uint8Array,
    /** Per atom, its component's index, or −1 for a known atom. */
    private readonly componentOf: Int32Array,
    private readonly components: Component[],
    /** Per prime, how many components have their sum outside their span. */
    private readonly apart: number[]
  ) {}

  static build(group: Group, hidden: Hidden, allZero: boolean): GroupSpace {
    const known = new Uint8Array(group.size).fill(allZero ? 1 : 0);
    for (const cell of group.cells) {
      if (hidden(cell)) continue;
      if (cell.atoms.length === 1 || cell.value === 0) for (const atom of cell.atoms) known[atom] = 1;
    }
    const rows = group.cells.flatMap((cell) => (isRow(cell, hidden) ? projectRow(cell, known) : []));
    const atoms = Array.from({length: group.size}, (_, i) => i).filter((atom) => !known[atom]);
    const components = connect(group, atoms, rows);
    const componentOf = new Int32Array(group.size).fill(-1);
    components.forEach((component, i) => component.atoms.forEach((atom) => (componentOf[atom] = i)));
    const apart = PRIMES.map((_, p) => components.filter((c) => !c.sumInSpan[p]).length);
    return new GroupSpace(group, allZero, known, componentOf, components, apart);
  }

  /** This space with *extra* hidden too (*hidden* being this space's suppression). */
  without(extra: Cell, hidden: Hidden): GroupSpace {
    if (extra.group !== this.group.id || hidden(extra)) return this;
    const also: Hidden = (cell) => cell === extra || hidden(cell);
    // A published zero fixes several atoms at once: start over.
    if (extra.value === 0) return GroupSpace.build(this.group, also, this.allZero);
    let known = this.known;
    const affected = new Set<number>();
    const rebuilt = new Set<Cell>();
    const atoms: number[] = [];
    if (extra.atoms.length === 1) {
      const [atom] = extra.atoms;
      const cells = cellsByAtom(this.group)[atom];
      const stillKnown = this.allZero || cells.some((c) => !also(c) && (c.atoms.length === 1 || c.value === 0));
      if (!this.known[atom] || stillKnown) return this;
      known = Uint8Array.from(this.known);
      known[atom] = 0;
      atoms.push(atom);
      for (const cell of cells) {
        if (!isRow(cell, also)) continue;
        rebuilt.add(cell);
        for (const a of cell.atoms) if (this.componentOf[a] >= 0) affected.add(this.componentOf[a]);
      }
    } else {
      for (const a of extra.atoms) if (this.componentOf[a] >= 0) affected.add(this.componentOf[a]);
    }
    if (affected.size === 0 && atoms.length === 0) return this;
    for (const i of affected) {
      atoms.push(...this.components[i].atoms);
      for (const row of this.components[i].rows) if (row.cell !== extra) rebuilt.add(row.cell);
    }
    const rows = [...rebuilt].sort((a, b) => a.id - b.id).flatMap((cell) => projectRow(cell, known));
    const added = connect(
      this.group,
      atoms.sort((a, b) => a - b),
      rows
    );
    const components = [...this.components, ...added];
    const componentOf = Int32Array.from(this.componentOf);
    const offset = this.components.length;
    added.forEach((component, i) => component.atoms.forEach((atom) => (componentOf[atom] = offset + i)));
    const apart = PRIMES.map((_, p) => {
      const gone = [...affected].filter((i) => !this.components[i].sumInSpan[p]).length;
      return this.apart[p] - gone + added.filter((c) => !c.sumInSpan[p]).length;
    });
    return new GroupSpace(this.group, this.allZero, known, componentOf, components, apart);
  }

  /** Whether the sum of all atoms (the total) lies in the span of the published cells. */
  containsAll(): boolean {
    return this.apart.some((count) => count === 0);
  }

  /**
   * Modulo either prime, whether *atoms* lie in the span (with the total, if *withTotal*). With the
   * total, v = r + c·Σatoms: in a component v does not touch whose sum is outside its span, c must be 0,
   * and the total adds nothing; otherwise the total is, up to the span, the sum of the atoms of the
   * components v touches.
   */
  contains(atoms: number[], withTotal: boolean): boolean {
    const vector = ones(atoms.filter((atom) => !this.known[atom]));
    if (vector.cols.length === 0) return true;
    const touched = new Map<number, number[]>();
    for (const atom of vector.cols) {
      const i = this.componentOf[atom];
      const part = touched.get(i);
      if (part) part.push(atom);
      else touched.set(i, [atom]);
    }
    const components = [...touched.keys()].map((i) => this.components[i]);
    return PRIMES.some((prime, p) => {
      const apartTouched = components.filter((c) => !c.sumInSpan[p]).length;
      if (withTotal && apartTouched === this.apart[p]) {
        const basis = new SpanBasis(prime);
        for (const component of components) for (const row of component.rows) basis.add(row.vector);
        basis.add(ones(components.flatMap((component) => component.atoms).sort((a, b) => a - b)));
        return basis.contains(vector);
      }
      return [...touched.values()].every((part, k) => components[k].bases[p].contains(ones(part)));
    });
  }
}

function isRow(cell: Cell, hidden: Hidden): boolean {
  return !hidden(cell) && cell.atoms.length > 1 && cell.value !== 0;
}

function projectRow(cell: Cell, known: Uint8Array): Row[] {
  const vector = ones(cell.atoms.filter((atom) => !known[atom]));
  return vector.cols.length ? [{cell, vector}] : [];
}

function cellsByAtom(group: Group): Cell[][] {
  let found = atomCells.get(group);
  if (!found) {
    found = Array.from({length: group.size}, () => []);
    for (const cell of group.cells) for (const atom of cell.atoms) found[atom].push(cell);
    atomCells.set(group, found);
  }
  return found;
}

/** The components of *rows* over *atoms* (ascending; every row's atoms among them), in order of first atom. */
function connect(group: Group, atoms: number[], rows: Row[]): Component[] {
  const parent = new Map(atoms.map((atom) => [atom, atom]));
  const root = (atom: number): number => {
    for (let up; (up = parent.get(atom)!) !== atom;) atom = up;
    return atom;
  };
  for (const {vector} of rows) {
    const first = root(vector.cols[0]);
    for (const atom of vector.cols) {
      const r = root(atom);
      if (r !== first) parent.set(r, first);
    }
  }
  const parts = new Map<number, {atoms: number[]; rows: Row[]}>();
  for (const atom of atoms) {
    const r = root(atom);
    const part = parts.get(r);
    if (part) part.atoms.push(atom);
    else parts.set(r, {atoms: [atom], rows: []});
  }
  for (const row of rows) parts.get(root(row.vector.cols[0]))!.rows.push(row);
  let cache = componentCache.get(group);
  if (!cache) componentCache.set(group, (cache = new Map()));
  return [...parts.values()].map((part) => {
    const key = part.atoms.join(",") + "|" + part.rows.map((row) => row.vector.cols.join(",")).join(";");
    let component = cache.get(key);
    if (!component) {
      const bases = PRIMES.map((prime) => new SpanBasis(prime));
      for (const row of part.rows) for (const basis of bases) basis.add(row.vector);
      const sum = ones(part.atoms);
      component = {...part, bases, sumInSpan: bases.map((basis) => basis.contains(sum))};
      cache.set(key, component);
    }
    return component;
  });
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
      for (const cell of group.cells) {
        const cells = byTable.get(cell.table);
        if (cells) cells.push(cell);
        else byTable.set(cell.table, [cell]);
      }
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
  below.forEach(([b, a], i) => {
    constraintsOf[b].push(equations.length + i);
    constraintsOf[a].push(equations.length + i);
  });
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
