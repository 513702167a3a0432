// Every environment variable the project reads, read and checked here and nowhere else. config() reads
// them on each call rather than at import, because tests point a running process at a temporary data
// folder by setting VUOTO_DATA_DIR. A bad value stops the command with a one-line message naming the
// variable; values that are paths are shown as given (they are the operator's own, not export data).
import {join} from "node:path";
import {projectRoot} from "./paths.js";

export interface Config {
  /** VUOTO_DATA_DIR: the data folder holding current/ and published/ (default data/). */
  dataDir: string;
  /** VUOTO_PUBLISHED_DIR: where published tables go (default <dataDir>/published). */
  publishedDir: string;
  /** The release ledger, <dataDir>/ledger: the published files of every earlier release. Private, never served. */
  ledgerDir: string;
  /** VUOTO_THRESHOLD: smallest count published other than 0, when --threshold is not given. */
  threshold: number | undefined;
  /** VUOTO_POLICY: how counts are protected, when --policy is not given: suppress (default) or round5. */
  policy: "suppress" | "round5";
  /** VUOTO_NOW: an ISO instant that pins the clock (tests, reproducible runs). */
  now: Date | undefined;
  /** VUOTO_DEBUG=1: show the database's own message on an unexpected load error. */
  debug: boolean;
  /** VUOTO_DIST: the built site (default dist). */
  dist: string;
  /** VUOTO_REPORT_DIR: where `npm run pdf` writes (default reports/vuoto-report). */
  reportDir: string;
  /** PORT: the port `npm run serve` listens on (default 3001). */
  port: number;
  /** CHROMIUM_PATH: the Chromium executable (default /usr/bin/chromium). */
  chromiumPath: string;
}

/** The names config() reads, for the README and its test. */
export const ENVIRONMENT_VARIABLES = [
  "VUOTO_DATA_DIR",
  "VUOTO_PUBLISHED_DIR",
  "VUOTO_THRESHOLD",
  "VUOTO_POLICY",
  "VUOTO_NOW",
  "VUOTO_DEBUG",
  "VUOTO_DIST",
  "VUOTO_REPORT_DIR",
  "PORT",
  "CHROMIUM_PATH"
] as const;

type Environment = Partial<Record<(typeof ENVIRONMENT_VARIABLES)[number], string>>;

export function config(env: Environment = process.env): Config {
  // An empty variable means "not set", as `VAR= npm run …` is the usual way to unset one for a command.
  const get = (name: keyof Environment) => env[name] || undefined;
  const dataDir = get("VUOTO_DATA_DIR") ?? join(projectRoot, "data");
  return {
    dataDir,
    publishedDir: get("VUOTO_PUBLISHED_DIR") ?? join(dataDir, "published"),
    ledgerDir: join(dataDir, "ledger"),
    threshold: wholeNumber(get("VUOTO_THRESHOLD"), "VUOTO_THRESHOLD", 2, "a whole number of at least 2"),
    policy: policy(get("VUOTO_POLICY")),
    now: instant(get("VUOTO_NOW")),
    debug: flag(get("VUOTO_DEBUG"), "VUOTO_DEBUG"),
    dist: get("VUOTO_DIST") ?? "dist",
    reportDir: get("VUOTO_REPORT_DIR") ?? "reports/vuoto-report",
    port: wholeNumber(get("PORT"), "PORT", 0, "a port number, 0 to 65535", 65535) ?? 3001,
    chromiumPath: get("CHROMIUM_PATH") ?? "/usr/bin/chromium"
  };
}

function wholeNumber(text: string | undefined, name: string, min: number, what: string, max = Infinity) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new Error(`invalid ${name}: ${text} (${what})`);
  return value;
}

function policy(text: string | undefined): Config["policy"] {
  if (text === undefined || text === "suppress" || text === "round5") return text ?? "suppress";
  throw new Error(`invalid VUOTO_POLICY: ${text} (suppress or round5)`);
}

function instant(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid VUOTO_NOW: ${text} (an ISO 8601 instant)`);
  return date;
}

function flag(text: string | undefined, name: string): boolean {
  if (text === undefined || text === "0") return false;
  if (text === "1") return true;
  throw new Error(`invalid ${name}: ${text} (1 or 0)`);
}

/** The current instant: VUOTO_NOW when set, else the system clock. */
export function now(): Date {
  return config().now ?? new Date();
}
