// SQL is built by pure functions that return text plus bound parameters, and executed in one place
// (the browser's database() or the Node runner in tests). Nothing typed by a user is ever pasted
// into SQL text: values travel as parameters. The few names and constants that must be written into
// the text (table and column names, a COPY target, a schema's fixed vocabulary) are quoted here, by
// ident() and literal(), and nowhere else.

/** A value that can be bound to a `?` placeholder. */
export type SqlValue = string | number | boolean | null;

/** A query ready to run: SQL text with `?` placeholders and their values, in order. */
export interface BoundQuery {
  sql: string;
  params: SqlValue[];
}

/** Quotes an SQL identifier (table or column name). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes text as an SQL string literal, for the places that take no parameter (a COPY target, an
 * ENUM type, a regular expression DuckDB should compile once). Never for values typed by a user.
 */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The one SQL template tag: an interpolated value becomes a `?` parameter; an interpolated BoundQuery
 * (a fragment built by this tag, raw() or joinSql()) is spliced in with its own parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: Array<SqlValue | BoundQuery>): BoundQuery {
  // A template always has one more string than values, so strings[0] and strings[i + 1] exist.
  let text = strings[0]!;
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (value !== null && typeof value === "object") {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[i + 1]!;
  });
  return {sql: text, params};
}

/** Fixed SQL text with no parameters (a quoted name, a keyword). */
export function raw(text: string): BoundQuery {
  return {sql: text, params: []};
}

/** Fragments joined by *separator*, their parameters in order. */
export function joinSql(parts: readonly BoundQuery[], separator: string): BoundQuery {
  return {sql: parts.map((part) => part.sql).join(separator), params: parts.flatMap((part) => part.params)};
}
