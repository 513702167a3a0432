// npm run generate -- --out <folder> [--seed N] [--scale F]: writes a synthetic export (format v1).
// Usage errors exit 64 (EX_USAGE) with the usage line on stderr; progress goes to stderr too.
import {parseCli, usageError as usage} from "../node/cliArgs.js";
import {generateExport, MAX_SCALE} from "../node/generate/index.js";

const USAGE = "usage: npm run generate -- --out <folder> [--seed N] [--scale F]";

function fail(message: string): never {
  return usage(message, USAGE);
}

function parse(argv: string[]): {out: string; seed: number; scale: number} {
  const values = parseCli(
    argv,
    {out: {type: "string"}, seed: {type: "string"}, scale: {type: "string"}, help: {type: "boolean", short: "h"}},
    USAGE
  );
  if (values.help) {
    process.stdout.write(
      `${USAGE}\n\nWrites a SYNTHETIC export (format v1) to <folder>: affected_records.csv, publication_events.csv,\n` +
        `crisis_contacts.csv and manifest.json. --seed (default 2020) makes it reproducible; --scale (default 1,\n` +
        `at most ${MAX_SCALE}) multiplies the people and the days of crisis contacts (about 36,000 rows per unit).\n`
    );
    process.exit(0);
  }
  if (!values.out) fail("missing --out");
  const seedText = values.seed ?? "2020";
  if (!/^\d{1,15}$/.test(seedText)) fail(`invalid --seed: ${seedText} (a whole number, 0 or more)`);
  const scaleText = values.scale ?? "1";
  const scale = Number(scaleText);
  if (!/^\d*\.?\d+(e[+-]?\d+)?$/i.test(scaleText) || !(scale > 0 && scale <= MAX_SCALE)) {
    fail(`invalid --scale: ${scaleText} (a number above 0, at most ${MAX_SCALE})`);
  }
  return {out: values.out, seed: Number(seedText), scale};
}

const options = parse(process.argv.slice(2));
const started = performance.now();
process.stderr.write(`generate: seed ${options.seed}, scale ${options.scale} → ${options.out}\n`);
await generateExport({...options, log: (message) => process.stderr.write(`generate: ${message}\n`)});
process.stderr.write(`generate: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
