// Each hidden cell's provable range, as exact integer programmes solved by HiGHS: the smallest and the
// largest value the cell takes over all whole-number solutions of the attacker's system. The system is
// split into connected components, and one model per component is reused for all its cells (only the
// objective changes).
//
// Every solution the solver returns is a witness: a complete, consistent set of values. A cell whose
// witnessed values already span a safe range needs no optimisation of its own, since its true range is
// at least as wide. Only cells that look narrow are minimised and maximised exactly.
import highsModule, {type Highs} from "highs";
import type {LinearSystem, Quantity, Unknown} from "./system.js";

export type Rule =
  | "recovered exactly"
  | "inside 1..T-1"
  | "narrower than T"
  | "none of a small group has it"
  | "all of a small group have it"
  | "inside 1..redaction"
  | "narrower than its rounding";

export interface Finding {
  cell: string;
  kind: Unknown["kind"] | "group";
  /** The provable range (for a group finding, of people − sub-count). */
  min: number;
  max: number;
  rule: Rule;
  /** For group findings: the sub-measure. */
  measure?: string;
}

export interface SolveStats {
  unknowns: number;
  targets: number;
  components: number;
  largestComponent: number;
  solves: number;
  /** Solves that stopped at the time limit; their bounds are the solver's proven ones. */
  timedOut: number;
  /** Solver solutions that broke a row once rounded, and so were not taken as witnesses. */
  rejectedWitnesses: number;
  seconds: number;
}

// highs ships one declaration file for its CommonJS and ES builds; under NodeNext TypeScript reads it
// as CommonJS, while Node loads the ES build, whose default export is the loader itself.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
let highsPromise: Promise<Highs> | undefined;
const highsInstance = () => (highsPromise ??= loadHighs());

/** A finding for a cell of this kind and range, or null when the range is safe at threshold T. */
export function judge(kind: Unknown["kind"], min: number, max: number, threshold: number): Rule | null {
  // A coarsened week (latent) is judged like a hidden cell, strictly: known exactly, even at T or more,
  // is a finding, since the coarsening promised it was not published. A week that a published cell
  // holds on its own (a month of one week) is no latent cell at all (model.ts). A week provably 0 is no
  // finding: a 0 is never hidden (only 1..T−1 are), so it tells no more than a published 0 would.
  if (kind === "latent" && max === 0) return null;
  if (min === max) return "recovered exactly";
  if (min >= 1 && max <= threshold - 1) return "inside 1..T-1";
  if (max - min < threshold) return "narrower than T";
  return null;
}

/**
 * Under the round5 policy, the promise is of another kind: every count is known to no better than ± 2
 * (five whole values; README, "The rounding policy"), and a count of 1 to 7 no better than "0 to 7". So
 * for any count, published or not: known exactly, or to fewer than five values (a range narrower than
 * 4), is a finding, and so is a count that is neither provably 0 nor provably above the redaction limit
 * but provably at least 1 (a small group shown to exist). A count provably 0 says no more than a
 * redacted 0 would hide, which is nothing about anyone: no finding.
 */
export function judgeRounded(kind: Unknown["kind"], min: number, max: number, redactAtMost: number): Rule | null {
  if (max === 0) return null;
  if (min === max) return "recovered exactly";
  if (min >= 1 && max <= redactAtMost) return "inside 1..redaction";
  if (max - min < 4) return "narrower than its rounding";
  return null;
}

/** The cells a finding can be about: under round5 every count, else the hidden ones and the weeks. */
const TARGETS: Record<"suppress" | "round5", ReadonlyArray<Unknown["kind"]>> = {
  suppress: ["hidden", "latent"],
  round5: ["hidden", "latent", "rounded", "redacted", "summed"]
};

export async function attackSystem(
  system: LinearSystem,
  {
    threshold,
    timeLimit = 20,
    limit = Infinity,
    redactAtMost = null
  }: {
    threshold: number;
    timeLimit?: number;
    limit?: number;
    /** One policy for every cell, or (a pair of releases of two policies) each cell's by its name. */
    redactAtMost?: number | null | ((cell: string) => number | null);
  }
): Promise<{findings: Finding[]; stats: SolveStats}> {
  const redactionOf = typeof redactAtMost === "function" ? redactAtMost : () => redactAtMost;
  const judgeCell = (kind: Unknown["kind"], min: number, max: number, name: string) => {
    const redact = redactionOf(name);
    return redact === null ? judge(kind, min, max, threshold) : judgeRounded(kind, min, max, redact);
  };
  // A cell's kind says which release it is of: no exact release has rounded, redacted or summed cells.
  const targetKinds = TARGETS[redactAtMost === null ? "suppress" : "round5"];
  const started = performance.now();
  const highs = await highsInstance();
  const findings: Finding[] = [];
  for (const why of system.violations)
    throw new Error(`the published figures contradict each other: ${why} does not hold`);
  const components = connectedComponents(system);
  const stats: SolveStats = {
    unknowns: system.unknowns.size,
    targets: 0,
    components: 0,
    largestComponent: 0,
    solves: 0,
    timedOut: 0,
    rejectedWitnesses: 0,
    seconds: 0
  };
  // A group pair whose people count is hidden but whose sub-count is a published 0 needs no solver.
  for (const group of system.groups) {
    if ("value" in group.part && group.part.value === 0)
      findings.push({cell: group.cell, kind: "group", min: 1, max: Infinity, rule: "none of a small group has it", measure: group.measure}); // prettier-ignore
  }
  for (const {columns, rows} of components) {
    // Enough to fail a release: a test that only needs a verdict can stop here.
    if (findings.length >= limit) break;
    const targets = columns.filter((name) => targetKinds.includes(system.unknowns.get(name)!.kind));
    const groups = system.groups.filter(
      (g) => "name" in g.people && columns.includes(g.people.name) && !("value" in g.part && g.part.value === 0)
    );
    if (targets.length === 0 && groups.length === 0) continue;
    stats.components++;
    stats.targets += targets.length;
    stats.largestComponent = Math.max(stats.largestComponent, columns.length);
    const solver = new ComponentSolver(highs, system, columns, rows, timeLimit);
    try {
      findings.push(...solver.attack(targets, groups, judgeCell, limit - findings.length));
    } finally {
      stats.solves += solver.solves;
      stats.timedOut += solver.timedOut;
      stats.rejectedWitnesses += solver.rejectedWitnesses;
      solver.dispose();
    }
  }
  stats.seconds = (performance.now() - started) / 1000;
  return {findings, stats};
}

/** Components with fewer targets get no random witnesses (solve.ts, spread): their solves are few anyway. */
const SPREAD_FROM = 20;
const SPREAD_ROUNDS = 3;

/** The unknown that names a row's component: its first (System.add keeps only rows with one or more). */
const firstUnknown = (row: LinearSystem["rows"][number]): string => row.terms[0]![0];

function connectedComponents(system: LinearSystem): Array<{columns: string[]; rows: LinearSystem["rows"]}> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      const up = parent.get(parent.get(x)!)!;
      parent.set(x, up);
      x = up;
    }
    return x;
  };
  for (const name of system.unknowns.keys()) parent.set(name, name);
  for (const row of system.rows) {
    const first = firstUnknown(row);
    for (const [name] of row.terms) parent.set(find(name), find(first));
  }
  const byRoot = new Map<string, {columns: string[]; rows: LinearSystem["rows"]}>();
  for (const name of system.unknowns.keys()) {
    const root = find(name);
    if (!byRoot.has(root)) byRoot.set(root, {columns: [], rows: []});
    byRoot.get(root)!.columns.push(name);
  }
  for (const row of system.rows) byRoot.get(find(firstUnknown(row)))!.rows.push(row);
  return [...byRoot.values()];
}

class ComponentSolver {
  solves = 0;
  timedOut = 0;
  rejectedWitnesses = 0;
  /** The relaxation, solved first: warm-started simplex, and exact whenever its optimum is whole. */
  private readonly lp: ReturnType<Highs["createModel"]>;
  /** The integer programme, built only when a relaxation's optimum is fractional. */
  private mip: ReturnType<Highs["createModel"]> | undefined;
  private readonly timeLimit: number;
  private readonly index = new Map<string, number>();
  private readonly low: number[];
  private readonly high: number[];
  private readonly witnessedGroups = new Set<number>();
  private groups: LinearSystem["groups"] = [];
  private costed = new Map<ReturnType<Highs["createModel"]>, number[]>();

  constructor(
    private readonly highs: Highs,
    private readonly system: LinearSystem,
    private readonly columns: string[],
    private readonly rows: LinearSystem["rows"],
    timeLimit: number
  ) {
    columns.forEach((name, i) => this.index.set(name, i));
    this.low = columns.map(() => Infinity);
    this.high = columns.map(() => -Infinity);
    this.timeLimit = timeLimit;
    this.lp = this.build(false);
  }

  private build(integer: boolean): ReturnType<Highs["createModel"]> {
    const {highs, system, columns} = this;
    const inf = highs.infinity;
    const bound = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
    const model = highs.createModel();
    model.options.set({output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: this.timeLimit});
    const unknowns = columns.map((name) => system.unknowns.get(name)!);
    model.addVars(
      unknowns.map((u) => bound(u.lower)),
      unknowns.map((u) => bound(u.upper))
    );
    if (integer)
      for (let i = 0; i < columns.length; i++) model.changeColIntegrality(i, highs.constants.variableType.integer);
    for (const row of this.rows) {
      model.addRow(bound(row.lower), bound(row.upper), {
        indices: row.terms.map(([name]) => this.index.get(name)!),
        values: row.terms.map(([, c]) => c)
      });
    }
    return model;
  }

  dispose(): void {
    this.lp.dispose();
    this.mip?.dispose();
  }

  attack(
    targets: string[],
    groups: LinearSystem["groups"],
    judgeCell: (kind: Unknown["kind"], min: number, max: number, name: string) => Rule | null,
    limit: number
  ): Finding[] {
    this.groups = groups;
    const findings: Finding[] = [];
    const first = this.optimise(
      targets.map((name) => [name, 1]),
      "minimize"
    );
    if (first.status === "infeasible") {
      const why = this.rows.slice(0, 3).map((r) => r.why);
      throw new Error(`the published figures contradict each other, around: ${why.join("; ")}`);
    }
    this.optimise(
      targets.map((name) => [name, 1]),
      "maximize"
    );
    this.spread(targets);
    for (const name of targets) {
      if (findings.length >= limit) return findings;
      const i = this.index.get(name)!;
      const kind = this.system.unknowns.get(name)!.kind;
      // Witnesses only widen: a witnessed range that is safe proves the cell safe, except a latent week
      // seen only at 0, which is safe only if 0 is its exact maximum.
      const seen = this.seen(i);
      const witnessedSafe = judgeCell(kind, seen.low, seen.high, name) === null && seen.high > 0;
      if (witnessedSafe) continue;
      const max = this.optimise([[name, 1]], "maximize").bound;
      const min = this.optimise([[name, 1]], "minimize").bound;
      const rule = judgeCell(kind, min, max, name);
      // The one exception to the strict rule for coarsened weeks: a week that is a published cell on its
      // own, here its month with every other week provably 0 (a service that ran one week of it).
      const isItsMonth = kind === "latent" && min === max && this.system.holders.get(name) === min;
      if (rule && !isItsMonth) findings.push({cell: name, kind, min, max, rule});
    }
    groups.forEach((group, g) => {
      if (this.witnessedGroups.has(g)) return;
      const terms: Array<[string, number]> = [[(group.people as {name: string}).name, 1]];
      if ("name" in group.part) terms.push([group.part.name, -1]);
      const offset = "value" in group.part ? -group.part.value : 0;
      const max = this.optimise(terms, "maximize").bound + offset;
      if (max <= 0) {
        const min = this.optimise(terms, "minimize").bound + offset;
        findings.push({cell: group.cell, kind: "group", min, max, rule: "all of a small group have it", measure: group.measure}); // prettier-ignore
      }
    });
    return findings;
  }

  /**
   * More witnesses for little: relaxations (no integer programme) with objectives of random signs, each
   * solved both ways, so that most cells are seen at both ends of their range. Where every published
   * count is a target (a rounded release), this spares most of the two solves per cell.
   */
  private spread(targets: string[]): void {
    if (targets.length < SPREAD_FROM) return;
    let seed = 12345;
    const sign = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) < 1073741824 ? 1 : -1);
    for (let round = 0; round < SPREAD_ROUNDS; round++) {
      const terms = targets.map((name): [string, number] => [name, sign()]);
      this.run(this.lp, terms, "minimize");
      this.run(this.lp, terms, "maximize");
    }
  }

  /** Optimises Σ coefficient·cell over whole numbers; returns the proven bound (±Infinity when unbounded). */
  private optimise(
    terms: Array<[string, number]>,
    sense: "minimize" | "maximize"
  ): {status: "optimal" | "unbounded" | "infeasible" | "limit"; bound: number} {
    const relaxed = this.run(this.lp, terms, sense);
    // An infeasible or unbounded relaxation says the same of the integer programme (rational data).
    if (relaxed.status === "infeasible" || relaxed.status === "unbounded" || relaxed.whole) return relaxed;
    if (relaxed.status === "limit") {
      this.mip ??= this.build(true);
      return this.run(this.mip, terms, sense);
    }
    // A fractional optimum still bounds the cell; if a witness already reaches that bound, it is exact.
    const [term, ...others] = terms;
    if (term && others.length === 0 && term[1] === 1) {
      const {low, high} = this.seen(this.index.get(term[0])!);
      if (sense === "maximize" && Math.floor(relaxed.bound + 1e-6) <= high) return {status: "optimal", bound: high};
      if (sense === "minimize" && Math.ceil(relaxed.bound - 1e-6) >= low) return {status: "optimal", bound: low};
    }
    this.mip ??= this.build(true);
    return this.run(this.mip, terms, sense);
  }

  private run(
    model: ReturnType<Highs["createModel"]>,
    terms: Array<[string, number]>,
    sense: "minimize" | "maximize"
  ): {status: "optimal" | "unbounded" | "infeasible" | "limit"; bound: number; whole?: boolean} {
    const {highs} = this;
    for (const i of this.costed.get(model) ?? []) model.changeColCost(i, 0);
    this.costed.set(
      model,
      terms.map(([name]) => this.index.get(name)!)
    );
    for (const [name, c] of terms) model.changeColCost(this.index.get(name)!, c);
    model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
    // HiGHS counts time_limit over all runs of a model: give each run the whole limit.
    model.zeroAllClocks();
    model.run();
    this.solves++;
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const unbounded = sense === "maximize" ? Infinity : -Infinity;
    if (status === codes.infeasible) return {status: "infeasible", bound: NaN};
    if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return {status: "unbounded", bound: unbounded}; // prettier-ignore
    const hasSolution = Number(model.info.get("primal_solution_status")) === 2;
    const values = hasSolution ? model.getSolution().colValue : undefined;
    const whole = values !== undefined && Array.prototype.every.call(values, (v: number) => Math.abs(v - Math.round(v)) < 1e-6); // prettier-ignore
    if (values && whole) this.witness(values);
    if (status === codes.optimal) {
      const objective = model.getObjectiveValue();
      return {status: "optimal", bound: whole ? Math.round(objective) : objective, whole};
    }
    if (status !== codes.timeLimit && status !== codes.iterationLimit)
      throw new Error(`the solver stopped with model status ${status} on a component of ${this.columns.length} cells`);
    this.timedOut++;
    if (model === this.lp) return {status: "limit", bound: NaN};
    // Stopped early: the solver's dual bound is still a proven bound on the objective.
    const dual = Number(model.info.get("mip_dual_bound"));
    const proven = sense === "maximize" ? Math.floor(dual + 1e-6) : Math.ceil(dual - 1e-6);
    return {status: "limit", bound: Number.isFinite(proven) ? proven : unbounded};
  }

  /** The range of column *i*'s values in the witnesses so far (low and high have one entry per column). */
  private seen(i: number): {low: number; high: number} {
    return {low: this.low[i]!, high: this.high[i]!};
  }

  private witness(values: ArrayLike<number>): void {
    if (values.length !== this.columns.length)
      throw new Error(`the solver returned ${values.length} values for a component of ${this.columns.length} cells`);
    // A solution counts as a witness only if its rounded values satisfy every row and bound exactly:
    // a tolerance-level violation must not widen a range that is really narrow.
    const rounded = Array.from(values, (v) => Math.round(v));
    const unknowns = this.columns.map((name) => this.system.unknowns.get(name)!);
    const inBounds = unknowns.every((u, i) => rounded[i]! >= u.lower && rounded[i]! <= u.upper); // one per column
    const inRows = this.rows.every((row) => {
      const total = row.terms.reduce((sum, [name, c]) => sum + c * rounded[this.index.get(name)!]!, 0);
      return total >= row.lower && total <= row.upper;
    });
    if (!inBounds || !inRows) {
      this.rejectedWitnesses++;
      return;
    }
    rounded.forEach((v, i) => {
      const {low, high} = this.seen(i);
      if (v < low) this.low[i] = v;
      if (v > high) this.high[i] = v;
    });
    const value = (q: Quantity) => ("value" in q ? q.value : rounded[this.index.get(q.name)!]!);
    this.groups.forEach((group, g) => {
      if (value(group.people) - value(group.part) >= 1) this.witnessedGroups.add(g);
    });
  }
}
