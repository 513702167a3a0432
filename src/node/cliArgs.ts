// The command-line parsing every CLI shares: node:util parseArgs, strict, and a usage error (the
// problem, then the usage line, on stderr; exit 64, EX_USAGE) instead of Node's stack trace. The
// environment is checked at the same moment, so a bad variable stops a command before it starts
// (exit 78, EX_CONFIG) and not half-way with a stack trace.
import {parseArgs, type ParseArgsConfig} from "node:util";
import {config, type Config} from "./config.js";

export const EX_USAGE = 64;
export const EX_CONFIG = 78;

type Options = NonNullable<ParseArgsConfig["options"]>;

export function usageError(message: string, usage: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(EX_USAGE);
}

/**
 * The values of *options* in *argv*, or a usage error. Option names in messages are the user's own
 * spelling from the command line, which can hold nothing from an export.
 */
export function parseCli<T extends Options>(argv: string[], options: T, usage: string) {
  const values = parseOrExit(argv, options, usage);
  checkedConfig();
  return values;
}

function parseOrExit<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({args: argv, options, strict: true, allowPositionals: false}).values;
  } catch (error) {
    return usageError(describe(error), usage);
  }
}

/** config(), or its one-line message on stderr and exit 78. */
export function checkedConfig(): Config {
  try {
    return config();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EX_CONFIG);
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1];
  if (option && /^Unknown option/.test(message)) return `unknown option: ${option}`;
  if (option && /argument missing/.test(message)) return `missing value for ${option.split(" ")[0]}`;
  if (option && /^Unexpected argument/.test(message)) return `unexpected argument: ${option}`;
  const [firstLine = ""] = message.split("\n");
  return firstLine.toLowerCase();
}
