// Quantiles of the gamma distribution (scale 1), for the exact Poisson interval in rates.ts. Written here
// rather than imported: stdlib's implementation arrives as some sixty modules, 56 KB gzipped, all loaded
// before a report page's first chart (issue 15's budget is 300 KB). The regularised incomplete gamma
// function is the series and continued fraction of Numerical Recipes (§6.2), inverted by bisection;
// test/lib/gammaQuantile.test.ts checks it against SciPy's to ten significant digits (stdlib's was
// off by up to one unit above the median for shapes over a thousand).

// Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for a > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

function logGamma(a: number): number {
  const x = a - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const MAX_TERMS = 1_000_000;

/** P(a, x): the probability that a Gamma(a, 1) variable is at most *x*. */
export function gammaCdf(x: number, a: number): number {
  if (x <= 0) return 0;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // The series converges quickly below the mean.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_TERMS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * Math.exp(logPrefix);
  }
  // Above it, the continued fraction for the upper tail Q = 1 − P (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** The *p* quantile of Gamma(*shape*, 1): the x at which gammaCdf(x, shape) = p. */
export function gammaQuantile(p: number, shape: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`invalid probability: ${p}`);
  if (!(shape > 0)) throw new RangeError(`invalid shape: ${shape}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  let low = 0;
  let high = shape + 10 * Math.sqrt(shape) + 10;
  while (gammaCdf(high, shape) < p) high *= 2;
  // Bisection: slower than Newton's method but never leaves the bracket; 200 halvings are more than
  // a double has digits, and the loop stops as soon as the bracket stops shrinking.
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (gammaCdf(middle, shape) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
