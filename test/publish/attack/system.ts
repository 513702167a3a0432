// The attacker's knowledge as a linear system over whole numbers: unknowns with bounds, and rows
// `lower ≤ Σ coefficient·unknown ≤ upper`. Published counts enter as constants (or, in a rounded
// release, as unknowns confined to their rounding interval), so every unknown is something the reader
// does not see.

/** What the reader has in hand for one published cell: its value, or an unknown to reason about. */
export type Quantity = {value: number} | {name: string};

export interface Unknown {
  name: string;
  lower: number;
  upper: number;
  /**
   * "hidden": a published NULL (so at least 1); "latent": a finer cell never published (a week inside
   * a month); "rounded": a published count known only to its rounding interval; "implied": a figure the
   * release does not state at all (a headline left out). Under the round5 policy also "redacted": a
   * count published as NULL (0 to 7); "summed": a total published as the sum of its published parts,
   * which says nothing of the true total that the parts do not.
   */
  kind: "hidden" | "latent" | "rounded" | "implied" | "redacted" | "summed";
}

export interface LinearRow {
  terms: Array<[name: string, coefficient: number]>;
  lower: number;
  upper: number;
  /** Which documented relation this row writes down, for messages. */
  why: string;
}

/** A hidden count of people beside a sub-count of the same people (published, e-mailed, reported). */
export interface GroupPair {
  cell: string;
  people: Quantity;
  part: Quantity;
  measure: string;
}

export class LinearSystem {
  readonly unknowns = new Map<string, Unknown>();
  readonly rows: LinearRow[] = [];
  readonly groups: GroupPair[] = [];
  /**
   * For a latent week, the published value of the cell that holds it (its month). A week known to equal
   * it is that published cell on its own (the month's other weeks are provably 0): no finding.
   */
  readonly holders = new Map<string, number>();
  /** Rows whose terms were all published: they must hold, or the release contradicts itself. */
  readonly violations: string[] = [];
  /** Under round5, each published cell's published value (NULL when redacted), by its unknown's name. */
  readonly published = new Map<string, number | null>();
  /** Sums whose whole and parts are all published cells: the ways a total may have been published. */
  private readonly tilings: Array<{whole: string; parts: string[]}> = [];

  unknown(name: string, kind: Unknown["kind"], lower: number, upper = Infinity): Quantity {
    const known = this.unknowns.get(name);
    if (!known) this.unknowns.set(name, {name, kind, lower, upper});
    return {name};
  }

  /** lower ≤ Σ coefficient·quantity ≤ upper. */
  add(terms: Array<[Quantity, number]>, lower: number, upper: number, why: string): void {
    const merged = new Map<string, number>();
    let constant = 0;
    for (const [quantity, coefficient] of terms) {
      if ("value" in quantity) constant += coefficient * quantity.value;
      else merged.set(quantity.name, (merged.get(quantity.name) ?? 0) + coefficient);
    }
    const open = [...merged].filter(([, c]) => c !== 0);
    if (open.length === 0) {
      if (constant < lower || constant > upper) this.violations.push(why);
      return;
    }
    this.rows.push({terms: open, lower: lower - constant, upper: upper - constant, why});
  }

  /** Σ parts = whole. */
  sum(parts: Quantity[], whole: Quantity, why: string): void {
    const names = [whole, ...parts].map((q) => ("name" in q ? q.name : ""));
    if (names.every((name) => this.published.has(name))) this.tilings.push({whole: names[0]!, parts: names.slice(1)});
    this.add([...parts.map((p) => [p, 1] as [Quantity, number]), [whole, -1]], 0, 0, why);
  }

  /** Σ parts ≤ whole (used where some parts may be missing from a grid). */
  sumAtMost(parts: Quantity[], whole: Quantity, why: string): void {
    this.add([...parts.map((p) => [p, 1] as [Quantity, number]), [whole, -1]], -Infinity, 0, why);
  }

  atMost(part: Quantity, whole: Quantity, why: string): void {
    this.add(
      [
        [part, 1],
        [whole, -1]
      ],
      -Infinity,
      0,
      why
    );
  }

  /**
   * Under round5 a total is published as the sum of its published parts (a redacted part adding 0),
   * redacted when that is *redactAtMost* or less; the README names which tiling of it (the finest), but a
   * published value that equals the sum over any tiling the attacker wrote down is taken as such a sum:
   * its true value is then bounded only through its parts (no interval of its own). A total rounded on
   * its own that happens to equal such a sum loses its interval: the attack is weaker there, never wrong.
   */
  designateSums(redactAtMost: number): void {
    for (const {whole, parts} of this.tilings) {
      const unknown = this.unknowns.get(whole)!;
      if (unknown.kind === "summed") continue;
      const sum = parts.reduce((total, part) => total + (this.published.get(part) ?? 0), 0);
      const published = sum <= redactAtMost ? null : sum;
      if (published !== this.published.get(whole)) continue;
      this.unknowns.set(whole, {...unknown, kind: "summed", lower: 0, upper: Infinity});
    }
  }
}
