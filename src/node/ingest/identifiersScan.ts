// The privacy check: an export whose cells or extra columns carry direct identifiers is refused whole.
// DuckDB's prefilter (IDENTIFIER_CANDIDATE_PATTERN, applied while validating) narrows millions of cells
// to candidates; each is verified here. Only counts, line numbers and kinds leave this module.
import {columnNameSuggestsIdentifier, identifierKindLabel, type IdentifierKind} from "../privacy/identifierPatterns.js";
import type {NodeDatabase} from "../duckdbNode.js";
import {EXAMPLES, type Problem} from "./report.js";
import {candidatesSql, type Binding} from "./validate.js";

export interface IdentifierHits {
  /** Header names (column i) of the file. */
  column: string;
  kind: IdentifierKind;
  ordinals: number[];
  count: number;
}

/**
 * Header cells (CSV/TSV header, NDJSON keys, Parquet column names) are input like any cell: one holding an
 * identifier, or outside format v1 and named like one, refuses the export. The column is named by its
 * position only, never by its text.
 */
export async function headerIdentifierProblems(file: string, header: string[], known: Set<string>): Promise<Problem[]> {
  // The format's own names carry nothing: the verifiers are loaded only for a header with other names.
  if (header.every((name) => known.has(name))) return [];
  const {findIdentifierKinds} = await import("../privacy/identifiers.js");
  const problems: Problem[] = [];
  header.forEach((name, i) => {
    const column = `column ${i + 1}`;
    const refuse = (message: string, hint: string) =>
      problems.push({kind: "identifier", file, column, message, hint, examples: [{line: 1}], count: 1});
    const kinds = findIdentifierKinds(name);
    if (kinds.length > 0)
      refuse(
        `header: identifier: ${kinds.map((kind) => identifierKindLabel[kind]).join(", ")}; the export is refused`,
        "the header line names the columns: remove identifiers from it"
      );
    else if (!known.has(name.trim().toLowerCase()) && columnNameSuggestsIdentifier(name))
      refuse(
        "column name suggests an identifier; the export is refused",
        "remove this column from the export (format v1 has no such column)"
      );
  });
  return problems;
}

/** Verified identifier cells per (column, kind), with the first ordinals. */
export async function scanCandidates(db: NodeDatabase, binding: Binding, header: string[]): Promise<IdentifierHits[]> {
  const hits: IdentifierHits[] = [];
  // binding.columns is header.length.
  for (const [i, column] of header.entries()) {
    const rows = await db.query<{ord: number; v: string}>(candidatesSql(binding, i));
    if (rows.length === 0) continue;
    // The verifiers' libraries (phone numbering plans above all) take a while to load: only when needed.
    const {findIdentifierKinds} = await import("../privacy/identifiers.js");
    const byKind = new Map<IdentifierKind, IdentifierHits>();
    for (const {ord, v} of rows) {
      for (const kind of findIdentifierKinds(v)) {
        let hit = byKind.get(kind);
        if (!hit) byKind.set(kind, (hit = {column, kind, ordinals: [], count: 0}));
        if (hit.ordinals.length < EXAMPLES) hit.ordinals.push(ord);
        ++hit.count;
      }
    }
    hits.push(...byKind.values());
  }
  return hits;
}

export function identifierCellProblem(
  file: string,
  hit: IdentifierHits,
  lines: number[],
  unit: "line" | "row"
): Problem {
  return {
    kind: "identifier",
    file,
    column: hit.column,
    message: `identifier: ${identifierKindLabel[hit.kind]}; the export is refused`,
    hint: "remove identifiers from the export and pseudonymise it before loading",
    examples: lines.map((line) => ({line})),
    count: hit.count,
    unit
  };
}
