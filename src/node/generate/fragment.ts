// Fragments for the generator's long queries, built on the one SQL tag (../../lib/sql.js).
import {joinSql, literal, raw, sql as q, type BoundQuery, type SqlValue as Value} from "../../lib/sql.js";

export {q, raw};
export const joinQueries = joinSql;

/**
 * Picks a label by a uniform number in [0, 1): `CASE WHEN u < cdf1 THEN label1 … ELSE labelN END`, the
 * weights normalised to sum to 1. Labels and thresholds are parameters. DuckDB evaluates each WHEN only
 * on the rows still unmatched, so putting heavy labels first keeps long lists cheap.
 */
export function pickByWeight(uniform: BoundQuery, entries: ReadonlyArray<readonly [Value, number]>): BoundQuery {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const branches = entries.slice(0, -1).map(([label, weight]) => {
    cumulative += weight / total;
    return q`WHEN ${uniform} < ${cumulative} THEN ${label}`;
  });
  const lastEntry = entries.at(-1);
  if (!lastEntry) throw new Error("missing weights: a weighted pick needs at least one value");
  return q`CASE ${joinQueries(branches, " ")} ELSE ${lastEntry[0]} END`;
}

/** A constant list of parameters, for lookups by index (`list[i + 1]`). */
export function listValue(values: readonly Value[]): BoundQuery {
  return q`list_value(${joinQueries(
    values.map((value) => q`${value}`),
    ", "
  )})`;
}

/** Quotes a file path as an SQL string literal (COPY TO takes no parameter for its target). */
export function pathLiteral(path: string): BoundQuery {
  return raw(literal(path));
}
