// Primary and complementary suppression over the whole published system.
//
// Primary: every count from 1 to threshold − 1 is hidden. Complementary: while some hidden cell can be
// worked out exactly (see disclosure.ts), hide one more published cell that breaks the dependency,
// then look again. Zeros are never hidden, so a hidden cell is always ≥ 1: the bounds attack knows it.
// Deterministic: cells are visited, and candidates ordered, by table, row and column.
import {LinearAttack, boundsAttack, measureFamilies, type Hidden} from "./disclosure.js";
import {HEADLINE_TABLE, buildModel, describeCell, siblings, type Cell, type Measure, type Model} from "./model.js";
import type {PublishedSystem} from "./system.js";

/** How many candidates of each tier to try before settling for the first: each try reruns an attack. */
const TRIES_PER_TIER = 10;

export interface Suppression {
  published: PublishedSystem;
  /** Hidden cells: primary (1..threshold−1) and complementary. Private: never publish which is which. */
  primary: number;
  complementary: number;
}

export function suppress(system: PublishedSystem, threshold: number): Suppression {
  const model = buildModel(system);
  const hiddenIds = new Set<number>();
  for (const cell of model.cells)
    if (cell.value !== null && cell.value > 0 && cell.value < threshold) hiddenIds.add(cell.id);
  const primary = hiddenIds.size;
  const hidden: Hidden = (cell) => hiddenIds.has(cell.id);

  for (let changed = true; changed;) {
    changed = false;
    for (const family of measureFamilies(model)) {
      // Totals the bounds attack pins (people published, from records) feed the linear attack.
      const {totals} = boundsAttack(model, family, hidden);
      for (const measure of family) {
        const known = totals.has(measure.name);
        const attack = new LinearAttack(measure, hidden, known);
        const order = new Map(attack.ordered().map((cell, i) => [cell, i]));
        for (let queue = attack.recoverable(); queue.length; changed = true) {
          const target = queue[0];
          const stays = (candidate: Cell) => attack.staysRecoverable(target, candidate);
          const extra = complement(model, target, hidden, stays, null);
          attack.hide(extra);
          hiddenIds.add(extra.id);
          // Only cells already recoverable, and the one just hidden, can be recoverable now.
          queue = [...queue, extra]
            .filter((cell) => order.has(cell) && attack.isRecoverable(cell))
            .sort((a, b) => order.get(a)! - order.get(b)!);
        }
      }
      for (let target; (target = boundsAttack(model, family, hidden).pinned[0]); changed = true) {
        const stillPinned = (candidate: Cell) =>
          boundsAttack(model, family, (cell) => cell === candidate || hidden(cell)).pinned.includes(target!);
        hiddenIds.add(complement(model, target, hidden, stillPinned, family).id);
      }
    }
  }
  return {published: hide(model, hidden), primary, complementary: hiddenIds.size - primary};
}

/**
 * The cell to hide so that *target* is no longer exposed. Candidates come in tiers, smallest count first
 * within each: for the bounds attack, the counts of the target's row that bound it (an e-mailed count
 * below a people count); siblings in the same table (all keys but one equal); any published cell of the
 * target's measure; and for the bounds attack, the totals and then the cells of the measures bounding it
 * (records bound people). The first candidate that ends the exposure wins; failing that, the first
 * candidate (the loop then goes on with one more cell hidden).
 */
function complement(
  model: Model,
  target: Cell,
  hidden: Hidden,
  /** Whether *target* is still exposed with the candidate hidden as well. */
  exposed: (candidate: Cell) => boolean,
  family: Measure[] | null
): Cell {
  const open = (cell: Cell) => !hidden(cell) && cell.value !== null && cell.value > 0 && cell.id !== target.id;
  const others = (family ?? []).filter((m) => m.name !== target.measure);
  const bounding = family
    ? model.rowBounds.flatMap(({below, above}) => (below === target ? [above] : above === target ? [below] : []))
    : [];
  const sameTable = siblings(model, target);
  const near = new Set([...bounding, ...sameTable]);
  // Each tier skips the cells of the tiers before it. The measures' cells are many and sorted once; the
  // other measures' cells skip their totals, which the tier before holds.
  const tiers: Array<{cells: Cell[]; taken: (cell: Cell) => boolean}> = [
    {cells: bySize(bounding), taken: () => false},
    {cells: bySize(sameTable), taken: (cell) => bounding.includes(cell)},
    {cells: sortedCells(model, [model.measures.get(target.measure)!]), taken: (cell) => near.has(cell)},
    {cells: bySize(others.flatMap((m) => (m.total ? [m.total] : []))), taken: (cell) => near.has(cell)},
    {cells: sortedCells(model, others), taken: (cell) => near.has(cell) || cell.group === null}
  ];
  let first: Cell | undefined;
  const tries: Cell[] = [];
  for (const {cells, taken} of tiers) {
    let tried = 0;
    for (let i = 0; i < cells.length && tried < TRIES_PER_TIER; i++) {
      const cell = cells[i];
      if (!open(cell) || taken(cell)) continue;
      first ??= cell;
      tries.push(cell);
      tried++;
    }
  }
  if (!first) throw new Error(`cannot protect ${describeCell(model, target)}: nothing left to suppress`);
  for (const candidate of tries) {
    if (!exposed(candidate)) return candidate;
  }
  return first;
}

function bySize(cells: Cell[]): Cell[] {
  const counted = cells.filter((cell) => cell.value !== null && cell.value > 0);
  return counted.sort((a, b) => a.value! - b.value! || a.id - b.id);
}

const sortedByModel = new WeakMap<Model, Map<string, Cell[]>>();

/** The cells of *measures* with a count above 0, smallest first: the same for every complement. */
function sortedCells(model: Model, measures: Measure[]): Cell[] {
  let cache = sortedByModel.get(model);
  if (!cache) sortedByModel.set(model, (cache = new Map()));
  const key = measures.map((m) => m.name).join("|");
  let cells = cache.get(key);
  if (!cells) cache.set(key, (cells = bySize(measures.flatMap(measureCells))));
  return cells;
}

function measureCells(measure: Measure): Cell[] {
  return measure.groups.flatMap((group) => group.cells).concat(measure.total ? [measure.total] : []);
}

/** The system with hidden cells set to NULL. */
function hide(model: Model, hidden: Hidden): PublishedSystem {
  const tables = Object.fromEntries(
    Object.entries(model.system.tables).map(([name, rows]) => [name, rows.map((row) => ({...row}))])
  );
  const headline = {...model.system.headline};
  for (const cell of model.cells) {
    if (!hidden(cell)) continue;
    if (cell.table === HEADLINE_TABLE) headline[cell.column as keyof typeof headline] = null;
    else tables[cell.table][cell.row][cell.column] = null;
  }
  return {tables, headline};
}
