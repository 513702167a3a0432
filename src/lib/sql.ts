// SQL is built by pure functions that return text plus bound parameters, and executed in one place
// (the browser's database() or the Node runner in tests). Nothing typed by a user is ever pasted
// into SQL text: values travel as parameters, and the few identifiers that vary (table and column
// names) come from fixed lists and are quoted here.

/** A query ready to run: SQL text with `?` placeholders and their values, in order. */
export interface BoundQuery {
  sql: string;
  params: Array<string | number | boolean | null>;
}

/** Quotes an SQL identifier (table or column name). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Builds a bound query from a template: interpolated values become parameters. */
export function sql(strings: TemplateStringsArray, ...values: Array<string | number | boolean | null>): BoundQuery {
  return {sql: strings.reduce((text, part, i) => text + (i > 0 ? "?" : "") + part), params: values};
}
