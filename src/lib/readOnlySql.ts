// The SQL console's gate: a statement typed by an analyst reaches DuckDB-WASM only if it can read the
// published tables and nothing else. DuckDB can write files, attach databases, load extensions and
// read any path or URL it is given (read_csv('…'), FROM 'x.parquet', FROM "x.csv"), so this check is
// an allow-list on the statement's first keyword plus a deny-list of words, functions and literals,
// applied to tokens (comments and quoted text skipped), not to raw text. DuckDB's own
// enable_external_access=false is a second line of defence, not a reason to be lax here.

export interface SqlPosition {
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based line and column, as a person counts them. */
  line: number;
  column: number;
}

/** Why a statement is refused, as a code that the console shows in the page's language. */
export const REFUSAL_REASONS = {
  unterminatedComment: "invalid statement: unterminated comment",
  unterminatedString: "invalid statement: unterminated string",
  unterminatedQuotedName: "invalid statement: unterminated quoted name",
  missingStatement: "missing statement: type a SELECT query",
  oneStatement: "invalid statement: only one statement can be run at a time",
  notAllowed: "not allowed: {keyword}; the console is read-only",
  firstWord: "not allowed: {keyword}; the console only runs SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW or EXPLAIN",
  fileFunction: "not allowed: {keyword}(); the console reads the published tables only, not files or URLs",
  pathString: "not allowed: a file name, path or URL; the console reads the published tables only",
  fileName: "not allowed: a quoted name with '.', '/', '\\' or ':' (it could name a file)"
} as const;
export type Refusal = keyof typeof REFUSAL_REASONS;

export type ReadOnlyCheck =
  {ok: true} | {ok: false; reason: string; refusal: Refusal; keyword?: string; position: SqlPosition};

type TokenKind = "word" | "quoted" | "string" | "number" | "symbol";

interface Token {
  kind: TokenKind;
  /** Words upper-cased; quoted identifiers and strings without their quotes. */
  text: string;
  offset: number;
}

const ALLOWED_FIRST = new Set(["SELECT", "WITH", "VALUES", "DESCRIBE", "SUMMARIZE", "SHOW", "EXPLAIN"]);

// Statement keywords that change state, reach outside the database or run other SQL.
const FORBIDDEN_WORDS = new Set([
  "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "CREATE", "DROP", "ALTER", "RENAME", "COMMENT",
  "COPY", "EXPORT", "IMPORT", "ATTACH", "DETACH", "USE", "INSTALL", "LOAD", "FORCE", "PRAGMA", "SET", "RESET",
  "CALL", "EXECUTE", "PREPARE", "DEALLOCATE", "CHECKPOINT", "VACUUM", "BEGIN", "COMMIT", "ROLLBACK", "ABORT",
  "TRANSACTION", "GRANT", "REVOKE", "SECRET", "MACRO"
]); // prettier-ignore

// Table and scalar functions that read files, URLs, secrets or the environment, or run SQL from a string.
const FORBIDDEN_FUNCTIONS = new Set([
  "glob", "query", "query_table", "sniff_csv", "getenv", "arrow_scan", "arrow_scan_dumb", "duckdb_secrets",
  "which_secret", "load_aws_credentials", "from_substrait", "from_substrait_json", "get_substrait", "checkpoint",
  "force_checkpoint", "pragma_database_size", "pragma_storage_info", "duckdb_temporary_files", "seq_scan"
]); // prettier-ignore
const FORBIDDEN_FUNCTION_PREFIXES = [
  "read_",
  "parquet_",
  "sqlite_",
  "postgres_",
  "mysql_",
  "iceberg_",
  "delta_",
  "json_execute",
  "excel_",
  "st_read"
];

// A literal that names a file or URL: a path separator, a scheme, a home folder or a data-file extension.
const PATH_LIKE =
  /[/\\]|^[a-z][a-z0-9+.-]*:|^~|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|arrow|ipc|feather|db|duckdb|sqlite3?|xlsx?|gz|zst|zip)$/i;

/** Whether *text* is a single statement that only reads the loaded tables; if not, why and where. */
export function checkReadOnly(text: string): ReadOnlyCheck {
  const tokens = tokenize(text);
  if ("refusal" in tokens) return refuse(text, tokens.refusal, tokens.offset);
  if (tokens.length === 0) return refuse(text, "missingStatement", 0);

  const end = tokens.findIndex((token) => token.kind === "symbol" && token.text === ";");
  if (end >= 0) {
    const extra = tokens.slice(end + 1).find((token) => !(token.kind === "symbol" && token.text === ";"));
    if (extra) return refuse(text, "oneStatement", extra.offset);
  }
  const statement = end >= 0 ? tokens.slice(0, end) : tokens;
  const [first] = statement;
  if (!first) return refuse(text, "missingStatement", 0);
  if (first.kind !== "word" || !ALLOWED_FIRST.has(first.text)) {
    return refuse(text, "firstWord", first.offset, first.kind === "word" ? first.text : "this statement");
  }

  for (const [i, token] of statement.entries()) {
    const next = statement[i + 1];
    const previous = statement[i - 1];
    const isCall = next?.kind === "symbol" && next.text === "(";
    if (token.kind === "word" && FORBIDDEN_WORDS.has(token.text)) {
      return refuse(text, "notAllowed", token.offset, token.text);
    }
    if ((token.kind === "word" || token.kind === "quoted") && isCall && isForbiddenFunction(token.text)) {
      return refuse(text, "fileFunction", token.offset, token.text.toLowerCase());
    }
    if (token.kind === "string") {
      const afterFrom = previous?.kind === "word" && (previous.text === "FROM" || previous.text === "JOIN");
      if (afterFrom || PATH_LIKE.test(token.text)) {
        return refuse(text, "pathString", token.offset);
      }
    }
    // DuckDB looks up an unknown quoted table name such as "data.csv" as a file.
    if (token.kind === "quoted" && /[./\\:]/.test(token.text)) {
      return refuse(text, "fileName", token.offset);
    }
  }
  return {ok: true};
}

function isForbiddenFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_FUNCTIONS.has(lower) || FORBIDDEN_FUNCTION_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function refuse(text: string, refusal: Refusal, offset: number, keyword?: string): ReadOnlyCheck {
  const reason = REFUSAL_REASONS[refusal].replace("{keyword}", keyword ?? "");
  return {ok: false, reason, refusal, keyword, position: sqlPosition(text, offset)};
}

/** The 1-based line and column of an offset into *text*. */
export function sqlPosition(text: string, offset: number): SqlPosition {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return {offset, line, column: offset - before.lastIndexOf("\n")};
}

function tokenize(text: string): Token[] | {refusal: Refusal; offset: number} {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const start = i;
    if (/\s/.test(c)) {
      ++i;
    } else if (text.startsWith("--", i)) {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? text.length : newline + 1;
    } else if (text.startsWith("/*", i)) {
      // Block comments nest in DuckDB, as in PostgreSQL.
      let depth = 0;
      do {
        if (text.startsWith("/*", i)) ((depth += 1), (i += 2));
        else if (text.startsWith("*/", i)) ((depth -= 1), (i += 2));
        else ++i;
      } while (depth > 0 && i < text.length);
      if (depth > 0) return {refusal: "unterminatedComment", offset: start};
    } else if (c === "'" || ((c === "e" || c === "E") && text[i + 1] === "'")) {
      const escapes = c !== "'";
      i += escapes ? 2 : 1;
      let value = "";
      for (;;) {
        if (i >= text.length) return {refusal: "unterminatedString", offset: start};
        if (escapes && text[i] === "\\") ((value += text[i + 1] ?? ""), (i += 2));
        else if (text[i] === "'" && text[i + 1] === "'") ((value += "'"), (i += 2));
        else if (text[i] === "'") break;
        else value += text.charAt(i++);
      }
      ++i;
      tokens.push({kind: "string", text: value, offset: start});
    } else if (c === '"') {
      ++i;
      let value = "";
      for (;;) {
        if (i >= text.length) return {refusal: "unterminatedQuotedName", offset: start};
        if (text[i] === '"' && text[i + 1] === '"') ((value += '"'), (i += 2));
        else if (text[i] === '"') break;
        else value += text.charAt(i++);
      }
      ++i;
      tokens.push({kind: "quoted", text: value, offset: start});
    } else if (c === "$" && /^\$[A-Za-z_]*\$/.test(text.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))![0];
      const close = text.indexOf(tag, i + tag.length);
      if (close < 0) return {refusal: "unterminatedString", offset: start};
      tokens.push({kind: "string", text: text.slice(i + tag.length, close), offset: start});
      i = close + tag.length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(text.charAt(i))) ++i;
      tokens.push({kind: "word", text: text.slice(start, i).toUpperCase(), offset: start});
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      while (i < text.length && /[0-9._eE]/.test(text.charAt(i))) ++i;
      tokens.push({kind: "number", text: text.slice(start, i), offset: start});
    } else {
      ++i;
      tokens.push({kind: "symbol", text: c, offset: start});
    }
  }
  return tokens;
}

/**
 * Where DuckDB says an error is: its messages quote the line as `LINE 3: …text…` with a caret under
 * the spot; long lines are cut and start with "...", so the quoted text is found in *sql* again.
 */
export function errorPosition(message: string, sql: string): {line: number; column: number} | null {
  const match = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!match) return null;
  // All three groups are required by the pattern, so a match always has them.
  const [, lineText = "", quoted = "", caretIndent = ""] = match;
  const line = Number(lineText);
  const prefix = `LINE ${lineText}: `.length;
  let column = caretIndent.length - prefix + 1;
  if (quoted.startsWith("...")) {
    const source = sql.split("\n")[line - 1] ?? "";
    const shown = quoted.slice(3).replace(/\.\.\.$/, "");
    const at = source.indexOf(shown);
    if (at >= 0) column = at + column - 3;
  }
  return {line, column};
}
