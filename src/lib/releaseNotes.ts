// What changed between two releases, from their published tables only: totals that moved (when both
// releases publish them) and cells that became hidden or published. It never reads an unpublished
// figure, and it names a cell that changed state without its value, so the notes reveal nothing
// that the two releases do not already publish.

type Rows = Array<Record<string, unknown>>;

export interface PublishedRelease {
  /** The headline totals: null when suppressed. */
  totals: Record<string, number | null>;
  /** Each published table's rows: a hidden count is null. */
  tables: Record<string, Rows>;
}

export interface TotalChange {
  name: string;
  before: number;
  after: number;
  change: number;
}

export interface CellChange {
  table: string;
  /** The cell's row, by its non-count columns: "hospital_district=06, age_group=0-14". */
  row: string;
  column: string;
  became: "hidden" | "published";
}

export interface ReleaseNotes {
  totals: TotalChange[];
  cells: CellChange[];
  /** Tables that only one of the releases publishes. */
  tablesAdded: string[];
  tablesRemoved: string[];
}

const isCount = (value: unknown) => typeof value === "number" || typeof value === "bigint";

function keyed(rows: Rows, counts: string[]): Map<string, Record<string, unknown>> {
  return new Map(
    rows.map((row) => [
      Object.keys(row)
        .filter((name) => !counts.includes(name))
        .map(
          (name) =>
            `${name}=${row[name] instanceof Date ? (row[name] as Date).toISOString().slice(0, 10) : String(row[name])}`
        )
        .join(", "),
      row
    ])
  );
}

/** The count columns of a table: those holding a number in any row of either release. */
function countColumns(...tables: Rows[]): string[] {
  const names = new Set<string>();
  for (const rows of tables)
    for (const row of rows) for (const [name, value] of Object.entries(row)) if (isCount(value)) names.add(name);
  return [...names];
}

export function compareReleases(previous: PublishedRelease, current: PublishedRelease): ReleaseNotes {
  const totals = Object.keys(current.totals)
    .filter((name) => previous.totals[name] != null && current.totals[name] != null)
    .map((name) => {
      const before = previous.totals[name]!;
      const after = current.totals[name]!;
      return {name, before, after, change: after - before};
    })
    .filter(({change}) => change !== 0);
  const cells: CellChange[] = [];
  for (const table of Object.keys(current.tables).sort()) {
    const [earlier, later] = [previous.tables[table], current.tables[table]];
    if (!earlier || !later) continue;
    const counts = countColumns(earlier, later);
    const before = keyed(earlier, counts);
    for (const [row, now] of keyed(later, counts)) {
      const then = before.get(row);
      if (!then) continue;
      for (const column of counts) {
        const wasHidden = then[column] == null;
        const isHidden = now[column] == null;
        if (wasHidden !== isHidden) cells.push({table, row, column, became: isHidden ? "hidden" : "published"});
      }
    }
  }
  return {
    totals,
    cells,
    tablesAdded: Object.keys(current.tables).filter((name) => !(name in previous.tables)),
    tablesRemoved: Object.keys(previous.tables).filter((name) => !(name in current.tables))
  };
}
