// The primary cells of a release: every count from 1 to threshold − 1, and beside a hidden people count
// the parts of its people (published, e-mailed, reported) that are 0 or all of them, or small themselves
// (group attributes). The engine (protect.ts) hides them first; the ledger's up-front check (ledger.ts)
// asks whether any of them, hidden, could ever be protected against the earlier release.
import type {Cell, Model} from "./model.js";

export function isSmall(cell: Cell, threshold: number): boolean {
  return cell.value !== null && cell.value > 0 && cell.value < threshold;
}

/** A cell and the group attributes that must be hidden with it: the parts of its people that are 0 or all. */
export function bundler(model: Model, threshold: number): (cell: Cell) => Cell[] {
  const partsOf = groupAttributes(model);
  return (cell) => [
    cell,
    ...(partsOf.get(cell) ?? []).filter(
      (part) => part.value === 0 || part.value === cell.value || isSmall(part, threshold)
    )
  ];
}

/** Every cell hidden from the start: the small ones and their group attributes, each once. */
export function primaryCells(model: Model, threshold: number): Cell[] {
  const bundle = bundler(model, threshold);
  return [...new Set(model.cells.filter((cell) => isSmall(cell, threshold)).flatMap(bundle))];
}

/** Per people cell, the parts of its people in the same row (published, e-mailed, reported). */
function groupAttributes(model: Model): Map<Cell, Cell[]> {
  const parts = new Map<Cell, Cell[]>();
  for (const {below, above} of model.rowBounds) {
    const list = parts.get(above);
    if (list) list.push(below);
    else parts.set(above, [below]);
  }
  return parts;
}
