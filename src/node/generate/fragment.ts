// Composable bound SQL for the generator's long queries: like sql`` from ../sql.js, except that an
// interpolated BoundQuery is spliced in (its text and its parameters) instead of becoming a parameter.
import type {BoundQuery} from "../../lib/sql.js";

type Value = BoundQuery["params"][number];

export function q(strings: TemplateStringsArray, ...values: Array<BoundQuery | Value>): BoundQuery {
  let text = strings[0];
  const params: Value[] = [];
  values.forEach((value, i) => {
    if (value !== null && typeof value === "object") {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[i + 1];
  });
  return {sql: text, params};
}

export function joinQueries(parts: BoundQuery[], separator: string): BoundQuery {
  return {sql: parts.map((part) => part.sql).join(separator), params: parts.flatMap((part) => part.params)};
}

/** Fixed SQL text with no parameters (a column name, a keyword). */
export function raw(text: string): BoundQuery {
  return {sql: text, params: []};
}

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
  return q`CASE ${joinQueries(branches, " ")} ELSE ${entries[entries.length - 1][0]} END`;
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
  return raw(`'${path.replaceAll("'", "''")}'`);
}
