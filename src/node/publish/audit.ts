// The last gate before anything is written: run over exactly what is about to be published, rebuilt
// from the published rows alone (not from the suppression's own bookkeeping), and refuse it, naming
// table, cell and rule, if any rule of the privacy issue does not hold.
import {buildModel, describeCell, type Cell, type Model} from "./model.js";
import type {LedgerLink} from "./protect.js";
import type {Round5Rule} from "./rounding.js";
import {RangeAuditError, rangeAudit, type RangeAuditReport} from "./rangeAudit.js";
import type {Witnesses} from "./ranges.js";
import {HEADLINE_COUNTS, cellKey, countTables, type PublishedSystem} from "./system.js";
import {AUDIT_RULES, type AuditRule} from "./rules.js";

/** Columns that would make a published table row-level or carry free text, whatever the contract says. */
export const FORBIDDEN_COLUMNS = [
  "municipality",
  "person_key",
  "event_id",
  "description",
  "occurred_at",
  "data_categories"
];

export {AUDIT_RULES, type AuditRule};

export class AuditError extends Error {
  constructor(
    readonly rule: AuditRule,
    readonly where: string,
    detail: string
  ) {
    super(`audit failed: ${where}: rule ${rule} (${AUDIT_RULES[rule]}): ${detail}`);
  }
}

export interface AuditReport {
  threshold: number;
  tables: Array<{name: string; rows: number; cells: number; suppressed: number}>;
  headline: {cells: number; suppressed: number};
  /** The rules checked: the engine's, or under the rounding policy its own (rounding.ts). */
  checks: Array<{rule: AuditRule | Round5Rule; description: string; passed: true}>;
  /** What the solver checked: hidden cells, cells implied by coarser ones, solves. */
  ranges: RangeAuditReport;
  /**
   * Under the rounding policy, the tables published without rows because their counts, rounded on
   * their own, would narrow others below their rounding (withhold.ts). Absent under suppression.
   */
  withheld?: string[];
}

/**
 * *hints*: the publisher's whole-number solutions, verified before use (rangeAudit.ts); optional.
 * *ledger*: the newest earlier release, checked together with this one.
 */
export function audit(
  system: PublishedSystem,
  threshold: number,
  hints: Witnesses[] = [],
  ledger?: LedgerLink
): AuditReport {
  checkContract(system);
  const model = buildModel(system);
  const hidden = (cell: Cell) => cell.value === null;
  for (const cell of model.cells) {
    if (cell.value !== null && cell.value > 0 && cell.value < threshold) {
      throw new AuditError(
        "threshold",
        describeCell(model, cell),
        `a count between 1 and ${threshold - 1} is published`
      );
    }
    if (cell.value !== null && cell.value < 0)
      throw new AuditError("threshold", describeCell(model, cell), "a negative count");
  }
  checkMarginals(model);
  let ranges: RangeAuditReport;
  try {
    ranges = rangeAudit(system, threshold, hints, ledger);
  } catch (error) {
    if (error instanceof RangeAuditError) throw new AuditError(error.rule, error.where, error.detail);
    throw error;
  }
  return {
    threshold,
    tables: countTables.map((spec) => {
      const cells = model.cells.filter((cell) => cell.table === spec.name);
      return {
        name: spec.name,
        rows: system.tables[spec.name]!.length, // checkContract found every table of the contract
        cells: cells.length,
        suppressed: cells.filter(hidden).length
      };
    }),
    headline: {
      cells: HEADLINE_COUNTS.length,
      suppressed: HEADLINE_COUNTS.filter((name) => system.headline[name] === null).length
    },
    checks: (Object.keys(AUDIT_RULES) as AuditRule[]).map((rule) => ({
      rule,
      description: AUDIT_RULES[rule],
      passed: true
    })),
    ranges
  };
}

function checkContract(system: PublishedSystem): void {
  const expected = new Set(countTables.map((table) => table.name));
  for (const name of Object.keys(system.tables)) {
    if (!expected.has(name)) throw new AuditError("contract", `table ${name}`, "not a published table of the contract");
  }
  for (const spec of countTables) {
    const rows = system.tables[spec.name];
    if (!rows) throw new AuditError("contract", `table ${spec.name}`, "missing");
    const columns = Object.keys(spec.columns);
    rows.forEach((row, i) => {
      const where = `table ${spec.name}, cell (${cellKey(spec.name, row)})`;
      for (const column of Object.keys(row)) {
        if (FORBIDDEN_COLUMNS.includes(column))
          throw new AuditError("contract", `${where}, column ${column}`, "a forbidden column");
        if (!columns.includes(column))
          throw new AuditError("contract", `${where}, column ${column}`, "not in the contract");
      }
      for (const column of columns) {
        const value = row[column];
        if (value === undefined)
          throw new AuditError("contract", `${where}, column ${column}`, `missing in row ${i + 1}`);
        const type = spec.columns[column];
        const counted = spec.counts.includes(column);
        if (value === null ? !counted : type === "INTEGER" ? !Number.isInteger(value) : typeof value !== "string") {
          throw new AuditError(
            "contract",
            `${where}, column ${column}`,
            `not a valid ${type}${counted ? " or NULL" : ""}`
          );
        }
      }
    });
  }
  const keys = Object.keys(system.headline);
  for (const key of keys) {
    if (!(HEADLINE_COUNTS as readonly string[]).includes(key))
      throw new AuditError("contract", `table headline, cell ${key}`, "not in the contract");
  }
}

/** Published parts never exceed their published whole, and equal it when all are published. */
function checkMarginals(model: Model): void {
  for (const {whole, parts} of model.tilings) {
    if (whole.value === null) continue;
    const published = parts.reduce((sum, part) => sum + (part.value ?? 0), 0);
    const complete = parts.every((part) => part.value !== null);
    if (published > whole.value || (complete && published !== whole.value)) {
      // A tiling's parts cover its whole's atoms (at least two), so it has a first part.
      throw new AuditError(
        "marginals",
        describeCell(model, whole),
        `its parts in ${parts[0]!.table} do not add up to it`
      );
    }
  }
  for (const {below, above} of model.rowBounds) {
    if (below.value !== null && above.value !== null && below.value > above.value) {
      throw new AuditError("marginals", describeCell(model, below), `larger than ${above.column} of the same row`);
    }
  }
}
