// Primary and complementary suppression over the whole published system.
//
// Primary: every count from 1 to threshold − 1 is hidden. Complementary: while some hidden cell can be
// worked out exactly (see disclosure.ts), hide one more published cell that breaks the dependency,
// then look again. Zeros are never hidden, so a hidden cell is always ≥ 1: the bounds attack knows it.
// Deterministic: cells are visited, and candidates ordered, by table, row and column.
import {measureFamilies, pinnedCells, recoverableCells, type Hidden} from "./disclosure.js";
import {HEADLINE_TABLE, buildModel, describeCell, siblings, type Cell, type Measure, type Model} from "./model.js";
import type {PublishedSystem} from "./system.js";

/** How many candidates to try before settling for the first: each try reruns an attack. */
const MAX_TRIES = 25;

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
      for (const measure of family) {
        for (let target; (target = recoverableCells(model, measure, hidden)[0]); changed = true) {
          const stillRecoverable = (h: Hidden) => recoverableCells(model, measure, h).includes(target!);
          hiddenIds.add(complement(model, target, hidden, stillRecoverable, false).id);
        }
      }
      for (let target; (target = pinnedCells(model, family, hidden)[0]); changed = true) {
        const stillPinned = (h: Hidden) => pinnedCells(model, family, h).includes(target!);
        hiddenIds.add(complement(model, target, hidden, stillPinned, true).id);
      }
    }
  }
  return {published: hide(model, hidden), primary, complementary: hiddenIds.size - primary};
}

/**
 * The cell to hide so that *target* is no longer exposed. Candidates, each group smallest count first:
 * for the bounds attack, the other counts of the target's row (an e-mailed count that bounds the people
 * count); then siblings in the same table (all keys but one equal); then any published cell of the
 * target's measure. The first candidate that ends the exposure wins; failing that, the first candidate
 * (the loop then goes on with one more cell hidden).
 */
function complement(
  model: Model,
  target: Cell,
  hidden: Hidden,
  exposed: (h: Hidden) => boolean,
  rowFirst: boolean
): Cell {
  const open = (cell: Cell) => !hidden(cell) && cell.value !== null && cell.value > 0 && cell.id !== target.id;
  const bySize = (cells: Cell[]) => cells.filter(open).sort((a, b) => a.value! - b.value! || a.id - b.id);
  const rowMates = rowFirst
    ? model.rowBounds.flatMap(({below, above}) => (below === target ? [above] : above === target ? [below] : []))
    : [];
  const measure = model.measures.get(target.measure)!;
  const seen = new Set<Cell>();
  const candidates = [...bySize(rowMates), ...bySize(siblings(model, target)), ...bySize(measureCells(measure))].filter(
    (cell) => !seen.has(cell) && (seen.add(cell), true)
  );
  if (candidates.length === 0)
    throw new Error(`cannot protect ${describeCell(model, target)}: nothing left to suppress`);
  for (const candidate of candidates.slice(0, MAX_TRIES)) {
    if (!exposed((cell) => cell === candidate || hidden(cell))) return candidate;
  }
  return candidates[0];
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
