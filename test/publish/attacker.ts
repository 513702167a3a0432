// The attacker: reads published folders only (never src/node/publish, so it cannot share the
// publisher's blind spots), writes down every relation the documented tables imply, and asks an exact
// integer solver how far each hidden cell can be narrowed. See attack/model.ts for what it assumes.
import {modelRelease, type Family, type ReleaseScope} from "./attack/model.js";
import {readRelease} from "./attack/read.js";
import {attackSystem, type Finding, type SolveStats} from "./attack/solve.js";
import {LinearSystem, type Quantity} from "./attack/system.js";

export type {Finding, SolveStats};

export interface AttackResult {
  threshold: number;
  findings: Finding[];
  stats: SolveStats;
}

/** Attacks one release's published folder. The threshold defaults to the one headline.json states. */
export async function attack(folder: string, options: AttackOptions = {}): Promise<AttackResult> {
  const release = await readRelease(folder);
  const threshold = options.threshold ?? thresholdOf(release.headline);
  const system = new LinearSystem();
  modelRelease(system, release, "", {counties: options.counties});
  const {redactAtMost} = release;
  return {threshold, ...(await attackSystem(system, {threshold, limit: options.limit, redactAtMost}))};
}

export interface AttackOptions {
  /** Smallest count that may be shown; default the one headline.json states, else 5. */
  threshold?: number;
  /** Stop after the component in which this many findings have been made (a verdict, not a list). */
  limit?: number;
  /** Model people by county against people by district (default on; off only to show what it adds). */
  counties?: boolean;
}

export interface ReleaseChange {
  /** How the people between the two releases changed: only removed (the default), only added, or anyhow. */
  people?: "removed" | "added" | "any";
  /** Crisis contacts: the same in both releases, or unrelated (the default). */
  crisis?: "same" | "any";
}

/**
 * Attacks two successive releases together. Cells of the first are named `1:…`, of the second `2:…`.
 * Removing people lowers every people count and never raises one, and the removed people's
 * sub-counts are among them: so each cell's difference is an unknown ≥ 0 that obeys part ≤ whole.
 */
export async function attackReleases(
  first: string,
  second: string,
  options: ReleaseChange & AttackOptions = {}
): Promise<AttackResult> {
  const [one, two] = await Promise.all([readRelease(first), readRelease(second)]);
  const threshold = options.threshold ?? Math.max(thresholdOf(one.headline), thresholdOf(two.headline));
  const system = new LinearSystem();
  const scopes = [modelRelease(system, one, "1:"), modelRelease(system, two, "2:")] as const;
  const [scopeOne] = scopes;
  linkReleases(system, scopes, options);
  // Each release's cells judged by its own policy's promise: a rounded one's by round5's (every count), an
  // exact one's by the threshold (its hidden cells and weeks), also when the two differ.
  const redactAtMost =
    one.redactAtMost === two.redactAtMost
      ? one.redactAtMost
      : (cell: string) => (cell.startsWith("1:") ? one.redactAtMost : two.redactAtMost);
  const result = await attackSystem(system, {threshold, limit: options.limit, redactAtMost});
  // A cell of the second release pinned to the value the first release published for it (a 0 of a
  // part of the people when people were only removed, contacts of a closed week) says nothing that
  // the first did not say already, and no second release can hide it: no finding of the pair.
  const toldBefore = (finding: Finding) => {
    const quantity = scopeOne.cells.get(finding.cell.replace(/^2:/, ""))?.quantity;
    return (
      finding.kind !== "group" &&
      finding.cell.startsWith("2:") &&
      finding.min === finding.max &&
      quantity !== undefined &&
      "value" in quantity &&
      quantity.value === finding.max
    );
  };
  return {threshold, ...result, findings: result.findings.filter((finding) => !toldBefore(finding))};
}

function linkReleases(
  system: LinearSystem,
  [one, two]: readonly [ReleaseScope, ReleaseScope],
  {people = "removed", crisis = "any"}: ReleaseChange
): void {
  const peopleLike = (family: Family) => family === "people" || family === "records";
  const change = (name: string): Array<[Quantity, number]> => [
    [one.cells.get(name)!.quantity, 1],
    [two.cells.get(name)!.quantity, -1]
  ];
  for (const [name, {family}] of one.cells) {
    if (!two.cells.has(name)) continue;
    const why = `${name}: release 1 − release 2`;
    if (peopleLike(family) && people === "removed") system.add(change(name), 0, Infinity, `${why} ≥ 0`);
    if (peopleLike(family) && people === "added") system.add(change(name), -Infinity, 0, `${why} ≤ 0`);
    if (family === "crisis" && crisis === "same") system.add(change(name), 0, 0, `${why} = 0`);
  }
  if (people === "any") return;
  // The people removed (or added) are people: their sub-counts are among them, cell by cell.
  const sign = people === "removed" ? 1 : -1;
  const pairs = [...one.pairs, {part: "headline.people", whole: "headline.records"}];
  for (const {part, whole} of pairs) {
    if (!two.cells.has(part) || !two.cells.has(whole)) continue;
    const terms: Array<[Quantity, number]> = [
      ...change(part).map(([q, c]): [Quantity, number] => [q, sign * c]),
      ...change(whole).map(([q, c]): [Quantity, number] => [q, -sign * c])
    ];
    system.add(terms, -Infinity, 0, `the people changed: ${part} ≤ ${whole}`);
  }
}

function thresholdOf(headline: Record<string, unknown>): number {
  const threshold = Number(headline.threshold);
  return Number.isInteger(threshold) && threshold >= 2 ? threshold : 5;
}

/** One line per finding, for a test's failure message or a report. */
export function describe(findings: Finding[], limit = 20): string {
  const lines = findings.slice(0, limit).map((f) => {
    const range = `${f.min}..${f.max === Infinity ? "∞" : f.max}`;
    return `${f.cell}${f.measure ? ` (${f.measure})` : ""}: ${range}, ${f.rule}`;
  });
  if (findings.length > limit) lines.push(`… and ${findings.length - limit} more`);
  return lines.join("\n");
}
