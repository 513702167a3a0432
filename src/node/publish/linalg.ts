// Sparse Gaussian elimination modulo a prime, to test whether a 0/1 vector lies in the span of others.
// Primes below 2^26 keep every product below 2^52, so doubles stay exact without BigInt.

/** Two primes: a vector counts as recoverable if it is in the span modulo either, so an accidental rank
 * drop modulo one prime cannot hide a real dependency. */
export const PRIMES = [67108859, 67108837] as const;

/** A sparse vector: ascending column indices and their (non-zero) values. */
export interface SparseVector {
  cols: number[];
  vals: number[];
}

export function ones(cols: number[]): SparseVector {
  return {cols, vals: cols.map(() => 1)};
}

/** A row-echelon basis: each stored row has a distinct leading column, normalised to 1. */
export class SpanBasis {
  private readonly rows = new Map<number, SparseVector>();
  constructor(readonly prime: number) {}

  get rank(): number {
    return this.rows.size;
  }

  /** Adds *vector* to the spanning set. */
  add(vector: SparseVector): void {
    const rest = this.reduce(vector);
    if (rest.cols.length === 0) return;
    const inverse = invert(rest.vals[0], this.prime);
    this.rows.set(rest.cols[0], {cols: rest.cols, vals: rest.vals.map((v) => mul(v, inverse, this.prime))});
  }

  contains(vector: SparseVector): boolean {
    return this.reduce(vector).cols.length === 0;
  }

  /**
   * Subtracts basis rows while the leading column has one. Any combination of basis rows leads with
   * the smallest leading column among them, so a vector left leading with a column that has no row is
   * not in the span (and can join the basis as it is).
   */
  private reduce(vector: SparseVector): SparseVector {
    let current = vector;
    for (let row; current.cols.length && (row = this.rows.get(current.cols[0]));) {
      current = subtractScaled(current, row, current.vals[0], this.prime);
    }
    return current;
  }
}

/** current − factor·row, dropping zeros. */
function subtractScaled(current: SparseVector, row: SparseVector, factor: number, p: number): SparseVector {
  const cols: number[] = [];
  const vals: number[] = [];
  let i = 0;
  let j = 0;
  while (i < current.cols.length || j < row.cols.length) {
    const a = i < current.cols.length ? current.cols[i] : Infinity;
    const b = j < row.cols.length ? row.cols[j] : Infinity;
    let col: number;
    let value: number;
    if (a < b) {
      [col, value] = [a, current.vals[i++]];
    } else if (b < a) {
      [col, value] = [b, (p - mul(factor, row.vals[j++], p)) % p];
    } else {
      [col, value] = [a, (current.vals[i++] - mul(factor, row.vals[j++], p) + p) % p];
    }
    if (value !== 0) {
      cols.push(col);
      vals.push(value);
    }
  }
  return {cols, vals};
}

function mul(a: number, b: number, p: number): number {
  return (a * b) % p;
}

function invert(a: number, p: number): number {
  let [t, newT, r, newR] = [0, 1, p, a];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return t < 0 ? t + p : t;
}
