// The release ledger (issue 12, "successive releases"): a private folder (data/ledger/, never served)
// with one subfolder per earlier release, holding that release's published files as they went out.
// A reader who kept the last release can difference it against the new one, so the new release is
// checked together with the newest earlier one: both releases become cells of one linear system, over
// two sets of atoms tied atom by atom by what is known to hold between two exports:
// - people (and their records, and every part of them) only removed, or only added, when the new
//   export's manifest says so (`people_change: "removed"` or `"added"`); otherwise the two are free,
//   bounded only by each release's own relations;
// - the people removed (or added) are people: each part of them is at most all of them, atom by atom;
// - crisis contacts of a closed week (one that ended inside both exports' periods) are the same, when
//   the export declares people_change (it follows the earlier export); otherwise they are free too.
// The earlier release is never changed (it is already out): only the new one hides more.
import {existsSync} from "node:fs";
import {cp, readdir, readFile, rename, rm, stat} from "node:fs/promises";
import {join} from "node:path";
import {sql} from "../../lib/sql.js";
import {helsinkiTimestamp} from "../../lib/time.js";
import type {NodeDatabase} from "../duckdbNode.js";
import {addDays} from "./calendar.js";
import {HEADLINE_TABLE, PEOPLE_SUBMEASURES, buildModel, describeCell, type Cell, type Model} from "./model.js";
import {hiddenLower, linearSystem, type ImplicitCell, type LinearSystem, type Row} from "./linearSystem.js";
import {primaryCells, isSmall} from "./primary.js";
import {HEADLINE_COUNTS, countTables, type Headline, type PublishedSystem, type TableRow} from "./system.js";

export type PeopleChange = "removed" | "added" | "any";

/** The newest release in the ledger, as published. */
export interface EarlierRelease {
  /** Its subfolder's name: the release's time and version. */
  name: string;
  folder: string;
  system: PublishedSystem;
  periodEnd: string | null;
  /** The threshold it was published with: its hidden cells are checked against that one. */
  threshold: number | null;
  /** The policy that built it (headline.json's `policy`; releases made before the rounding policy suppressed). */
  policy: "suppress" | "round5";
}

export class LedgerError extends Error {}

/** What to do about a folder in the ledger that is not a release this project wrote. */
const fix = (ledger: string) =>
  `move that folder out of ${ledger} (or restore it from the release as it was published), then publish again`;

/** The newest release in *ledger* (subfolders sorted by name), or null when the ledger is absent or empty. */
export async function newestRelease(db: NodeDatabase, ledger: string): Promise<EarlierRelease | null> {
  if (!existsSync(ledger)) return null;
  if (!(await stat(ledger)).isDirectory())
    throw new LedgerError(`invalid ledger ${ledger}: not a folder; remove it or set the ledger to a folder`);
  const name = (await ledgerReleases(ledger)).at(-1);
  if (!name) return null;
  return readRelease(db, ledger, name);
}

async function readRelease(db: NodeDatabase, ledger: string, name: string): Promise<EarlierRelease> {
  const folder = join(ledger, name);
  const invalid = (file: string, what: string) =>
    new LedgerError(`invalid ledger release ${join(folder, file)}: ${what}; ${fix(ledger)}`);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(join(folder, "headline.json"), "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw invalid("headline.json", missing ? "missing, so this is not a published release" : "not JSON");
  }
  if (!raw || typeof raw !== "object") throw invalid("headline.json", "not an object");
  const headline = {} as Headline;
  for (const column of HEADLINE_COUNTS) {
    const value = raw[column];
    if (value !== null && !(Number.isInteger(value) && (value as number) >= 0))
      throw invalid("headline.json", `${column} is neither a whole number nor null`);
    headline[column] = value as number | null;
  }
  const tables: Record<string, TableRow[]> = {};
  for (const spec of countTables) {
    const file = `${spec.name}.parquet`;
    if (!existsSync(join(folder, file))) throw invalid(file, "missing");
    let rows: TableRow[];
    try {
      rows = await db.query<TableRow>(sql`SELECT * FROM read_parquet(${join(folder, file)})`);
    } catch {
      throw invalid(file, "not a Parquet file");
    }
    const expected = Object.keys(spec.columns);
    for (const row of rows.slice(0, 1)) {
      const columns = Object.keys(row);
      if (columns.length !== expected.length || expected.some((column) => !columns.includes(column)))
        throw invalid(file, `its columns are not those of the table ${spec.name}`);
    }
    for (const row of rows)
      for (const column of spec.counts) {
        const value = row[column];
        if (value !== null && !(Number.isInteger(value) && (value as number) >= 0))
          throw invalid(file, `a ${column} that is neither a whole number nor NULL`);
      }
    tables[spec.name] = rows;
  }
  const exported = (raw.export ?? {}) as Record<string, unknown>;
  const periodEnd = typeof exported.period_end === "string" ? exported.period_end : null;
  const threshold =
    Number.isInteger(raw.threshold) && (raw.threshold as number) >= 2 ? (raw.threshold as number) : null;
  const policy = raw.policy === "round5" ? "round5" : "suppress";
  return {name, folder, system: {tables, headline}, periodEnd, threshold, policy};
}

/** The ledger's release folders by name, oldest first (a name starts with its release time). */
export async function ledgerReleases(ledger: string): Promise<string[]> {
  if (!existsSync(ledger)) return [];
  return (await readdir(ledger, {withFileTypes: true}))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

/** The release version a ledger folder's name carries (ledgerName, "-2" for a repeat), or null for another name. */
export function versionOf(name: string): string | null {
  const match = /^\d{4}-\d{2}-\d{2}T\d{6}_((?:[0-9a-f]{12}|unhashed)-(?:t\d+-p\d+|round5))(?:-\d+)?$/.exec(name);
  return match?.[1] ?? null;
}

/**
 * The release before *version*: the newest in the ledger of another version. A publish adds its own
 * release to the ledger, and a rebuild of the same export adds the same figures again: neither is the
 * release a reader saw before this one.
 */
export async function previousRelease(ledger: string, version: string): Promise<string | null> {
  return (await ledgerReleases(ledger)).filter((name) => versionOf(name) !== version).at(-1) ?? null;
}

/** The ledger's newest folder of *version*, or null when the ledger has none. */
export async function releaseOf(ledger: string, version: string): Promise<string | null> {
  return (await ledgerReleases(ledger)).filter((name) => versionOf(name) === version).at(-1) ?? null;
}

/** Adds the release just written to *out* to the ledger, as a new subfolder written whole or not at all. */
export async function addToLedger(ledger: string, out: string, name: string): Promise<string> {
  let target = join(ledger, name);
  for (let n = 2; existsSync(target); n++) target = join(ledger, `${name}-${n}`);
  const staging = join(ledger, `.${name}.partial`);
  await rm(staging, {recursive: true, force: true});
  await cp(out, staging, {recursive: true});
  await rename(staging, target);
  return target;
}

/** A ledger folder's name for a release: its time (Europe/Helsinki, sortable, no colons) and version. */
export function ledgerName(time: Date, version: string): string {
  return `${helsinkiTimestamp(time).slice(0, 19).replaceAll(":", "")}_${version}`;
}

/**
 * The earlier release as part of the new release's system: its model, and a system over both
 * releases' atoms (the new one's variables first, then the earlier one's) with the links between them.
 */
export interface Ledgered {
  name: string;
  /** The earlier release's own threshold, if it says. */
  threshold: number | null;
  model: Model;
  linear: LinearSystem;
  /** First variable of the earlier release, and first cell id (its cell i is cell offset.cells + i). */
  offset: {vars: number; cells: number};
  /** Both releases: the new one's cells first. */
  combined: {numVars: number; rows: Row[]; cellVars: number[][]};
  /** The earlier release's cells and implied cells, with their variables in the combined system. */
  targets: Array<{cell: Cell | ImplicitCell; vars: number[]}>;
  /** The cell or implied cell of the new release that stands where an earlier one stood, if any. */
  counterpart(target: Cell | ImplicitCell): Cell | ImplicitCell | null;
  /** Where an earlier cell is, for messages. */
  where(target: Cell | ImplicitCell): string;
  /**
   * Whether a new cell's value was told by the earlier release already, so that nothing in the new
   * release can hide it: a part of the people that it published as 0, when people were only removed
   * since; or crisis contacts it published whose weeks had all closed (the same in both).
   */
  toldBefore(cell: Cell): boolean;
  /**
   * Whether a new cell, once hidden, could never be protected: the earlier release published it as v,
   * people were only removed since, so hidden it lies in max(its lower bound, v − k)..v, where k is at
   * most the number removed that the headline totals of both releases tell (removedAtMost), and that is
   * fewer than *threshold* apart. Such a cell is never chosen to protect another (issue 12: a day of the
   * daily timeline published as 5 in both releases, once hidden, was 3..5; a people_published cell
   * published as 5 in both, with three people removed, was 2..5; the publish was refused each time).
   */
  cannotHide(cell: Cell, threshold: number): boolean;
}

const PEOPLE_LIKE = new Set(["people", "records", "records_published", ...PEOPLE_SUBMEASURES]);
const isPeopleLike = (measure: string) => PEOPLE_LIKE.has(measure) || measure.startsWith("category:");

export function ledgered(
  current: {model: Model; linear: LinearSystem; periodEnd: string | null},
  earlier: EarlierRelease,
  change: PeopleChange
): Ledgered {
  // The people atoms of both releases must be the same pieces for the ties below (atom keys). A new
  // county table splits them by district ∩ county; so is then the earlier release's, whose pieces an
  // attacker can difference against the new county figures. The other way round (an earlier county
  // table, a new export without municipalities) the new pieces cannot be split: refuse, say why.
  const earlierCounties = (earlier.system.tables.people_by_county ?? []).length > 0;
  if (earlierCounties && !current.model.counties)
    throw new LedgerError(
      `ledger release ${earlier.name} publishes people by wellbeing services county, but this export has no municipality column, so the two releases cannot be checked together; load an export with municipality codes (format 1.1), then publish again`
    );
  const model = buildModel(earlier.system, {counties: current.model.counties});
  const linear = linearSystem(model);
  const offset = {vars: current.linear.numVars, cells: current.model.cells.length};
  const shift = (vars: number[]) => vars.map((v) => v + offset.vars);
  const rows: Row[] = [
    ...current.linear.rows,
    ...linear.rows.map((row) => ({...row, vars: shift(row.vars)})),
    ...links(current, {model, linear}, offset.vars, change, earlier.periodEnd)
  ];
  const cellVars = [...current.linear.cellVars, ...linear.cellVars.map(shift)];
  const targets = [
    // linearSystem gives every cell of the model its variables, at the cell's id.
    ...model.cells
      .filter((cell) => cell.value === null)
      .map((cell) => ({cell, vars: shift(linear.cellVars[cell.id]!)})),
    ...linear.implicit.map((cell) => ({cell, vars: shift(cell.vars)}))
  ];
  const cellIndex = new Map(current.model.cells.map((cell) => [cellName(current.model, cell), cell]));
  const implicitIndex = new Map(current.linear.implicit.map((c) => [implicitName(current.model, c), c]));
  const earlierIndex = new Map(model.cells.map((cell) => [cellName(model, cell), cell]));
  const isClosed = closedWeeks(current.periodEnd, earlier.periodEnd);
  // The weeks of a crisis contacts cell: its atoms' weeks, or for a total (the headline) every week of the
  // measure's first group (all groups of a measure cover the same atoms' weeks).
  const contactWeeks = (cell: Cell): string[] => {
    const group = cell.group ?? current.model.measures.get(cell.measure)?.groups[0]?.id;
    const keys = group === undefined ? undefined : current.model.atomKeys.get(group);
    if (!keys) return [];
    return cell.group === null ? keys.map(weekOf) : cell.atoms.map((atom) => weekOf(keys[atom]!));
  };
  // One threshold per publish: the headline totals below it are hidden, and tell nothing removed.
  const removedBy = new Map<number, (measure: string) => number>();
  const hiddenWidth = (cell: Cell, before: number, threshold: number) => {
    let removed = removedBy.get(threshold);
    if (!removed) removedBy.set(threshold, (removed = removedAtMost(current.model, earlier, change, threshold)));
    // A headline total too: hidden, it would still be the sum of the tables that tile it (the districts).
    return Math.min(before - hiddenLower(cell), isPeopleLike(cell.measure) ? removed(cell.measure) : Infinity);
  };
  const toldBefore = (cell: Cell): boolean => {
    const before = earlierIndex.get(cellName(current.model, cell))?.value ?? null;
    if (before === null) return false;
    if (change !== "any" && cell.measure === "contacts") {
      const weeks = contactWeeks(cell);
      return weeks.length > 0 && weeks.every(isClosed);
    }
    return change === "removed" && hiddenLower(cell) === 0 && before === 0;
  };
  return {
    name: earlier.name,
    threshold: earlier.threshold,
    model,
    linear,
    offset,
    combined: {numVars: offset.vars + linear.numVars, rows, cellVars},
    targets,
    counterpart: (target) =>
      "id" in target
        ? (cellIndex.get(cellName(model, target)) ?? null)
        : (implicitIndex.get(implicitName(model, target)) ?? null),
    toldBefore,
    cannotHide: (cell, threshold) => {
      // A cell the earlier release told already gives no protection hidden, and cannot itself be protected.
      if (toldBefore(cell)) return true;
      const before = change === "removed" ? (earlierIndex.get(cellName(current.model, cell))?.value ?? null) : null;
      return before !== null && hiddenWidth(cell, before, threshold) < threshold;
    },
    where: (target) =>
      `ledger release ${earlier.name}, ${"id" in target ? describeCell(model, target) : `the part of ${target.group.split("|")[0]} at ${implicitName(model, target)} that no table publishes on its own`}`
  };
}

/**
 * What each people-like measure is a part of: the people removed are people, so each part of them is at
 * most all of them (published, e-mailed and reported people, a data category), and every person removed
 * took at least one record with them.
 */
const partOf = (measure: string): string | null =>
  measure === "people" || measure === "records_published"
    ? "records"
    : PEOPLE_SUBMEASURES.includes(measure) || measure.startsWith("category:")
      ? "people"
      : null;

/**
 * Per people-like measure, the most that a reader holding both releases knows was removed from it, when
 * people were only removed: the difference of the two releases' headline totals of it (or of what it is
 * a part of), where both publish it; Infinity where neither says. A cell of that measure that the earlier
 * release published as v, hidden now, lies in v − k..v, at most k apart whatever else is hidden.
 * *current* is the new release's model before suppression: a headline total below the threshold will be
 * hidden, so it tells nothing.
 */
export function removedAtMost(
  current: Model,
  earlier: Pick<EarlierRelease, "system">,
  change: PeopleChange,
  threshold: number
): (measure: string) => number {
  const told = new Map<string, number>();
  if (change === "removed")
    for (const cell of current.cells) {
      if (cell.table !== HEADLINE_TABLE || cell.value === null || isSmall(cell, threshold)) continue;
      const before = earlier.system.headline[cell.column as keyof Headline];
      // Fewer before than now contradicts "removed": the engine refuses that pair (InfeasibleSystemError).
      if (before !== null && before !== undefined && before >= cell.value) told.set(cell.measure, before - cell.value);
    }
  const removed = (measure: string): number => {
    const whole = partOf(measure);
    return Math.min(told.get(measure) ?? Infinity, whole === null ? Infinity : removed(whole));
  };
  return removed;
}

/**
 * A count of the new release that no suppression can protect against the earlier one (issue 12): the
 * earlier release published it exactly as v, people were only removed since, and it must be hidden now
 * (a count from 1 to threshold − 1, or a part of a hidden people count that is 0 or all of it). Hidden,
 * it lies between its lower bound (1, or 0 for a part of the people) and v, and no lower than v − k,
 * where k is what the two releases' headline totals tell was removed (removedAtMost): when that range is
 * fewer than threshold values apart, nothing else this release hides can widen it. Returns the message
 * that says what is wrong and what to do, naming the earlier figure (published) and the new cell (never
 * its value, nor how many were removed), or null.
 */
export function inherentNarrowing(
  current: Model,
  earlier: EarlierRelease,
  change: PeopleChange,
  threshold: number
): string | null {
  if (change !== "removed") return null;
  const before = buildModel(earlier.system, {counties: current.counties});
  const publishedBefore = new Map(before.cells.map((cell) => [cellName(before, cell), cell.value]));
  const removed = removedAtMost(current, earlier, change, threshold);
  for (const cell of primaryCells(current, threshold)) {
    const v = publishedBefore.get(cellName(current, cell));
    if (v === undefined || v === null) continue;
    const lower = hiddenLower(cell);
    const byRemoved = isPeopleLike(cell.measure) ? removed(cell.measure) : Infinity;
    if (Math.min(v - lower, byRemoved) >= threshold) continue;
    const where = describeCell(current, cell);
    const why =
      v - lower < threshold
        ? `a hidden count is at least ${lower}, so a reader holding both releases knows it lies between ${lower} and ${v}`
        : `the headline totals of both releases tell a reader how many were removed from this count in all, fewer than ${threshold}, so a reader holding both knows it lies within that many below ${v}`;
    return `cannot protect ${where} against ledger release ${earlier.name}: that release published it as exactly ${v}, this export says people were only removed since (people_change "removed" in its manifest.json), and this release must hide it (a count below the threshold ${threshold}, or a part of a hidden count of people that is none or all of them); ${why}, fewer than ${threshold} values apart, whatever else this release hides. No suppression of this export can prevent it, and waiting does not help while people are only removed. What to do: keep ledger release ${earlier.name} as the current release and do not publish this export; publishing it under --policy round5 is checked against that release too and refused where the two narrow a count`;
  }
  return null;
}

/** The week (its Monday) of a crisis contacts atom, whose key starts with it ("week|…"). */
const weekOf = (key: string) => key.split("|")[0]!; // split always gives a first part

function cellName(model: Model, cell: Cell): string {
  return `${describeCell(model, cell)}`;
}

function implicitName(model: Model, cell: ImplicitCell): string {
  // Every atom's key: an implicit cell of several atoms (a week over all services, a district ∩ county
  // sliver) is not the implicit cell of its first atom.
  const keys = model.atomKeys.get(cell.group);
  return `${cell.group}:${cell.atoms.map((atom) => keys?.[atom]).join("+")}`;
}

/** Whether a week (its Monday) had closed in both exports: all shared weeks when both end on the same day. */
function closedWeeks(currentEnd: string | null, earlierEnd: string | null): (week: string) => boolean {
  if (currentEnd !== null && currentEnd === earlierEnd) return () => true;
  const end = [currentEnd, earlierEnd].filter((d): d is string => d !== null).sort()[0] ?? null;
  return (week) => end === null || addDays(week, 6) <= end;
}

/** The rows that tie the two releases' atoms together (see the top of this file). */
function links(
  current: {model: Model; linear: LinearSystem; periodEnd: string | null},
  earlier: {model: Model; linear: LinearSystem},
  offset: number,
  change: PeopleChange,
  earlierEnd: string | null
): Row[] {
  const rows: Row[] = [];
  const firstOf = (linear: LinearSystem, model: Model) => {
    const first = new Map<string, number>();
    const totals = new Map<string, number>();
    // linearSystem numbers each measure's total, then its groups' atoms, in model order.
    let v = 0;
    for (const measure of model.measures.values()) {
      totals.set(measure.name, v++);
      for (const group of measure.groups) {
        first.set(group.id, v);
        v += group.size;
      }
    }
    if (v !== linear.numVars) throw new Error("ledger: the linear system's variables are not in model order");
    return {first, totals};
  };
  const now = firstOf(current.linear, current.model);
  const then = firstOf(earlier.linear, earlier.model);
  // Pairs of (new variable, earlier variable) that stand for the same people or contacts.
  const pairs = new Map<string, Array<[number, number]>>();
  for (const [id, keys] of current.model.atomKeys) {
    const earlierKeys = earlier.model.atomKeys.get(id);
    if (!earlierKeys || !then.first.has(id)) continue;
    const index = new Map(earlierKeys.map((key, i) => [key, i]));
    const list: Array<[number, number]> = [];
    keys.forEach((key, i) => {
      const j = index.get(key);
      if (j !== undefined) list.push([now.first.get(id)! + i, offset + then.first.get(id)! + j]);
    });
    pairs.set(id, list);
  }
  for (const [name, v] of now.totals) {
    const w = then.totals.get(name);
    if (w !== undefined) pairs.set(`total:${name}`, [[v, offset + w]]);
  }
  const measureOf = (id: string) => (id.startsWith("total:") ? id.slice(6) : id.split("|")[0]!);
  // old − new ≥ 0 when people were removed, ≤ 0 when added.
  const sign = change === "removed" ? 1 : -1;
  if (change !== "any") {
    for (const [id, list] of pairs) {
      if (!isPeopleLike(measureOf(id))) continue;
      for (const [v, w] of list) rows.push({vars: [w, v], coefs: [sign, -sign], lower: 0, upper: Infinity});
    }
    // The people changed are people: a part of them is at most all of them, atom by atom and in total.
    const pairOf = (below: string, above: string) => {
      const [b, a] = [pairs.get(below), pairs.get(above)];
      if (!b || !a || b.length !== a.length) return;
      b.forEach(([vb, wb], k) => {
        const [va, wa] = a[k]!; // as long as b, checked above
        rows.push({vars: [wb, vb, wa, va], coefs: [sign, -sign, -sign, sign], lower: -Infinity, upper: 0});
      });
    };
    for (const {below, above} of current.model.bounds) pairOf(below.id, above.id);
    for (const sub of PEOPLE_SUBMEASURES) pairOf(`total:${sub}`, "total:people");
    // A data category's people removed are some of the people removed.
    for (const name of current.model.measures.keys())
      if (name.startsWith("category:")) pairOf(`total:${name}`, "total:people");
    pairOf("total:people", "total:records");
  }
  // Crisis contacts of a week that closed inside both exports' periods are the same in both, when the
  // export says it follows the earlier one (it declares people_change); else it may be another export.
  if (change === "any") return rows;
  const isClosed = closedWeeks(current.periodEnd, earlierEnd);
  for (const [id, list] of pairs) {
    if (!id.startsWith("contacts|")) continue;
    const keys = current.model.atomKeys.get(id)!;
    const first = now.first.get(id)!;
    for (const [v, w] of list) {
      const week = weekOf(keys[v - first]!); // v is the new release's variable of this group's atom v − first
      if (!isClosed(week)) continue;
      rows.push({vars: [v, w], coefs: [1, -1], lower: 0, upper: 0});
    }
  }
  return rows;
}
