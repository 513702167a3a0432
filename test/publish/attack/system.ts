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
   * release does not state at all (a headline left out).
   */
  kind: "hidden" | "latent" | "rounded" | "implied";
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
}
