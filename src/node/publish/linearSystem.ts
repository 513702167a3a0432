// The whole release as one linear system over whole numbers, as an attacker with a solver sees it.
// Variables are the atoms of every group (model.ts) plus one total per measure; every cell, published
// or hidden, is a sum of variables. The rows below are the relations that hold whatever was published:
// each group's atoms add up to its measure's total, a part of the people counted is at most the people
// in the same atom, every person has at least one record. Which cells are published, and at what
// value, is added by the range engine (ranges.ts), so suppression can change it cell by cell.
import {PEOPLE_SUBMEASURES, type Cell, type Model} from "./model.js";

export interface Row {
  vars: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

/**
 * A cell that no table publishes on its own but the published cells sum over: a week of a monthly
 * series, per service (one atom) or over all services (several). Checked like a hidden cell.
 */
export interface ImplicitCell {
  group: string;
  /** The first of *atoms*, for messages and neighbours. */
  atom: number;
  atoms: number[];
  vars: number[];
}

/** The variables whose sum is *cell*'s count. */
export function varsOfCell(linear: LinearSystem, cell: Cell): number[] {
  const vars = linear.cellVars[cell.id];
  if (!vars) throw new Error(`missing variables of cell ${cell.id} (table ${cell.table}, column ${cell.column})`);
  return vars;
}

export interface LinearSystem {
  model: Model;
  numVars: number;
  /** Per cell id, the variables it sums. */
  cellVars: number[][];
  /** Relations that hold whatever is published. */
  rows: Row[];
  implicit: ImplicitCell[];
}

/**
 * The lower bound an attacker may assume for a hidden cell: a count of people, records or contacts is
 * hidden only when it is 1 or more (zeros are always published), but a part of the people counted
 * (published, e-mailed, reported) is also hidden when it is 0 or all of a hidden count (group attributes).
 */
export function hiddenLower(cell: Cell): number {
  return cell.table.startsWith("people_by_") && PEOPLE_SUBMEASURES.includes(cell.column) ? 0 : 1;
}

export function linearSystem(model: Model): LinearSystem {
  let numVars = 0;
  const totalVar = new Map<string, number>();
  const groupFirst = new Map<string, number>();
  const rows: Row[] = [];
  const le = (below: number, above: number) =>
    rows.push({vars: [below, above], coefs: [1, -1], lower: -Infinity, upper: 0});
  for (const measure of model.measures.values()) {
    const total = numVars++;
    totalVar.set(measure.name, total);
    for (const group of measure.groups) {
      const first = numVars;
      numVars += group.size;
      groupFirst.set(group.id, first);
      const atoms = Array.from({length: group.size}, (_, i) => first + i);
      rows.push({vars: [total, ...atoms], coefs: [1, ...atoms.map(() => -1)], lower: 0, upper: 0});
    }
  }
  const cellVars = model.cells.map((cell) =>
    cell.group === null ? [totalVar.get(cell.measure)!] : cell.atoms.map((atom) => groupFirst.get(cell.group!)! + atom)
  );
  for (const {below, above} of model.bounds) {
    const [b, a] = [groupFirst.get(below.id)!, groupFirst.get(above.id)!];
    for (let i = 0; i < below.size; i++) le(b + i, a + i);
  }
  const total = (name: string) => totalVar.get(name);
  const [people, records, published, recordsPublished] = [
    "people",
    "records",
    "people_published",
    "records_published"
  ].map(total);
  for (const sub of PEOPLE_SUBMEASURES) {
    const t = total(sub);
    if (t !== undefined && people !== undefined) le(t, people);
  }
  // A data category is held by some of the people, never more than all of them.
  for (const measure of model.measures.values()) {
    if (measure.name.startsWith("category:") && people !== undefined) le(totalVar.get(measure.name)!, people);
  }
  // Each person has at least one record, a published person at least one published record; so the
  // surplus of published records over published people is at most that of records over people.
  if (people !== undefined && records !== undefined) le(people, records);
  if (recordsPublished !== undefined && records !== undefined) le(recordsPublished, records);
  if (people !== undefined && records !== undefined && published !== undefined && recordsPublished !== undefined) {
    le(published, recordsPublished);
    rows.push({
      vars: [recordsPublished, published, records, people],
      coefs: [1, -1, -1, 1],
      lower: -Infinity,
      upper: 0
    });
  }

  // Atoms no cell publishes on its own (the weeks of a district published by month) are cells too, and
  // so is each week of a coarsened sum of atoms (a monthly district's weeks over all services). A week
  // that some cell publishes on its own (a month made of one week) is that published cell, not hidden.
  const implicit: ImplicitCell[] = [];
  const own = new Set<string>();
  const key = (group: string, atoms: number[]) => `${group}|${atoms.join(",")}`;
  for (const cell of model.cells) if (cell.group !== null) own.add(key(cell.group, cell.atoms));
  const addImplicit = (group: string, atoms: number[]) => {
    const k = key(group, atoms);
    if (own.has(k)) return;
    own.add(k);
    const first = groupFirst.get(group)!;
    implicit.push({group, atom: atoms[0]!, atoms, vars: atoms.map((atom) => first + atom)});
  };
  for (const measure of model.measures.values()) {
    for (const group of measure.groups) {
      const covered = new Uint8Array(group.size);
      for (const cell of group.cells) for (const atom of cell.atoms) covered[atom] = 1;
      for (let atom = 0; atom < group.size; atom++) if (covered[atom]) addImplicit(group.id, [atom]);
    }
  }
  for (const slice of model.slices) addImplicit(slice.group, slice.atoms);
  // So are the slivers between districts and counties (model.ts), each as a whole over its age groups.
  for (const {group, atoms} of model.slivers) addImplicit(group.id, atoms);
  return {model, numVars, cellVars, rows, implicit};
}

/** Where an implicit cell is, for messages: the cells that hold it (a month and a national week), never a count. */
export function describeImplicit(model: Model, {group, atoms}: ImplicitCell): string {
  const holders = model.cells
    .filter((cell) => cell.group === group && atoms.every((atom) => cell.atoms.includes(atom)))
    .slice(0, 2);
  const keys = holders.map((cell) => {
    const row = model.system.tables[cell.table]![cell.row]!;
    return Object.entries(row)
      .filter(([, value]) => typeof value === "string")
      .map(([key, value]) => `${key}=${value}`)
      .join(", ");
  });
  return `the part of ${group.split("|")[0]} in (${keys.join(") and (")}) that no table publishes on its own`;
}

/**
 * Whether a hidden part of the people counted (published, e-mailed, reported) is 0 only because the
 * whole measure provably is (no record published anywhere): a published national 0 says that already,
 * of everyone, and a zero is always published. Any other hidden part pinned to 0 is a group attribute.
 */
export function zeroEverywhere(
  model: Model,
  linear: LinearSystem,
  cell: Cell,
  range: (vars: number[]) => {max: number}
): boolean {
  if (hiddenLower(cell) !== 0 || cell.group === null) return false;
  const vars = new Set<number>();
  for (const other of model.cells)
    if (other.group === cell.group) for (const v of varsOfCell(linear, other)) vars.add(v);
  return range([...vars]).max === 0;
}
