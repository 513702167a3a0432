// crisis_contacts: one row per day × district × service (with a municipality of the district), drawn in DuckDB. Expected contacts are the
// service's national baseline (split by population, with weekday and month factors) plus its
// breach-related surge (split by where the affected people live); the count is a Poisson draw.
import {EARLIEST_DATE} from "../../lib/schema.js";
import type {BoundQuery} from "../../lib/sql.js";
import {municipalityPick, type DistrictModel} from "./districts.js";
import {listValue, q, raw} from "./fragment.js";
import {
  BREACH_PUBLIC,
  CRISIS_END,
  CRISIS_START,
  EMPTY_FLAG_SHARE,
  MONTH_FACTORS,
  SECOND_LEAK_DATE,
  SECOND_LEAK_DECAY,
  SECOND_LEAK_SURGE_SHARE,
  SERVICE_MODELS,
  daySpan
} from "./model.js";
import type {Stream} from "./random.js";

export interface CrisisOptions {
  scale: number;
  seeds: Record<Stream, number>;
  districts: DistrictModel;
}

const BASE_DAYS = daySpan(CRISIS_START, CRISIS_END).length;
const MAX_DAYS = daySpan(EARLIEST_DATE, CRISIS_END).length;

/**
 * The first day of crisis rows at *scale*. The table's key is (date, district, service), so its only
 * free dimension is time: a scale above 1 multiplies the number of days, extending the series
 * backwards with baseline (pre-breach) days; a scale below 1 keeps the base period. The series never
 * starts before EARLIEST_DATE, which the loader refuses: from a scale of about 19.9 it stops growing.
 */
export function crisisStart(scale: number): string {
  const days = Math.min(MAX_DAYS, Math.max(BASE_DAYS, Math.round(BASE_DAYS * scale)));
  return new Date(Date.parse(`${CRISIS_END}T00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The largest scale (in tenths) whose crisis series still grows, i.e. starts after EARLIEST_DATE: past it
 * crisisStart is clamped there and a larger scale adds no days. The bench grows larger exports by
 * affected_records alone. Stops at the clamp (a search for ">= EARLIEST_DATE" never ended).
 */
export function largestUnclampedCrisisScale(): number {
  let scale = 1;
  while (crisisStart(scale + 0.1) > EARLIEST_DATE) scale = Math.round((scale + 0.1) * 10) / 10;
  return scale;
}

/** Breach-related contacts a day, nationally, per service, from BREACH_PUBLIC to CRISIS_END. */
export function surgeRows(): Array<{service: string; day: string; excess: number}> {
  const days = daySpan(BREACH_PUBLIC, CRISIS_END);
  const leak = days.indexOf(SECOND_LEAK_DATE);
  return SERVICE_MODELS.flatMap(({service, surge, decay}) => {
    const last = surge.length - 1;
    const lastSurge = surge[last];
    if (lastSurge === undefined) throw new Error(`missing surge for service ${service}`);
    const peak = Math.max(...surge);
    return days.map((day, t) => {
      const first = surge[t] ?? lastSurge * decay ** (t - last);
      const second = t >= leak ? SECOND_LEAK_SURGE_SHARE * peak * SECOND_LEAK_DECAY ** (t - leak) : 0;
      return {service, day, excess: first + second};
    });
  });
}

/** Poisson quantiles are exact below this mean; above it, the rounded normal approximation. */
const POISSON_EXACT_BELOW = 5;
/** Terms summed for an exact quantile: P(X > 20) < 3e-7 for a mean below 5. */
const POISSON_TERMS = 21;

/**
 * The crisis_contacts rows, in (date, district, service) order. Row r of range() is day r ÷ cells and
 * cell r mod cells (cell = district × services + service); every modelled figure is a constant list
 * looked up by index, so there are no joins and no sort, and DuckDB streams the rows to the file in order.
 */
export function crisisContactsSelect({scale, seeds, districts}: CrisisOptions): BoundQuery {
  const start = crisisStart(scale);
  const days = daySpan(start, CRISIS_END).length;
  const services = SERVICE_MODELS.length;
  const cells = districts.codes.length * services;
  const unknown = districts.codes.length - 1;
  // The district model's lists are parallel to districts.codes, so index d is in each of them.
  const knownPeople = 1 - districts.peopleShare[unknown]!;
  const cellShares = districts.codes.flatMap((_, d) =>
    SERVICE_MODELS.map(({unknownShare, baseline}) =>
      d === unknown
        ? {baseline, population: unknownShare, people: unknownShare}
        : {
            baseline,
            population: (1 - unknownShare) * districts.populationShare[d]!,
            people: ((1 - unknownShare) * districts.peopleShare[d]!) / knownPeople
          }
    )
  );
  const surge = surgeRows();
  const surgeDays = surge.length / services;
  return q`WITH grid AS (
    SELECT range AS row_no, ${start}::DATE + (range // ${cells})::INTEGER AS date,
      (range % ${cells})::INTEGER AS cell, (range % ${services})::INTEGER AS service_idx
    FROM range(${days * cells})
  ),
  expected AS (
    SELECT row_no, date, cell, service_idx,
      ${listValue(cellShares.map((share) => share.baseline * share.population))}[cell + 1]
        * ${listValue(SERVICE_MODELS.flatMap((model) => model.weekday))}[service_idx * 7 + isodow(date)]
        * ${listValue(MONTH_FACTORS)}[month(date)] AS baseline,
      CASE WHEN date >= ${BREACH_PUBLIC}::DATE
        THEN ${listValue(surge.map(({excess}) => excess))}[service_idx * ${surgeDays} + (date - ${BREACH_PUBLIC}::DATE) + 1]
          * ${listValue(cellShares.map((share) => share.people))}[cell + 1]
        ELSE 0 END AS excess
    FROM grid
    WHERE date >= ${listValue(SERVICE_MODELS.map((model) => model.opensOn ?? start))}[service_idx + 1]::DATE
  ),
  draws AS (
    SELECT *, least(mean, ${POISSON_EXACT_BELOW}) AS lam,
      -- DuckDB does not share repeated subexpressions inside CASE, so every draw is a column first.
      gen_uniform(${seeds.contacts}, row_no) AS u,
      gen_normal(${seeds.contacts}, ${seeds.contactsNormal}, row_no) AS z,
      gen_uniform(${seeds.flag}, row_no) AS u_flag,
      gen_uniform(${seeds.crisisMunicipality}, row_no) AS u_municipality
    FROM (SELECT *, baseline + excess AS mean FROM expected)
  ),
  drawn AS (
    SELECT * EXCLUDE (term, cdf, quantile),
      CASE WHEN mean <= 0 THEN 0
        WHEN mean < ${POISSON_EXACT_BELOW} THEN quantile
        ELSE greatest(0, round(mean + sqrt(mean) * z))::INTEGER
      END AS contacts
    FROM ${raw(poissonQuantile("draws"))}
  )
  SELECT date,
    ${listValue(districts.codes.flatMap((_, d) => SERVICE_MODELS.map((model) => districts.spellings[model.districtForm][d]!)))}[cell + 1] AS hospital_district,
    -- A row's contacts all go to one municipality of its district, drawn by population: the district's
    -- figures stay as they were, and a municipality's share of them is its population share on average.
    ${municipalityPick(districts, "cumulativePopulation", `cell // ${services}`, "u_municipality")} AS municipality,
    ${listValue(SERVICE_MODELS.map((model) => model.service))}[service_idx + 1] AS service,
    contacts,
    CASE WHEN date < ${BREACH_PUBLIC}::DATE THEN 'no'
      WHEN u_flag < ${EMPTY_FLAG_SHARE} THEN NULL
      WHEN excess >= 0.5 * mean THEN 'yes'
      WHEN excess >= 0.1 * mean THEN 'unknown'
      ELSE 'no' END AS breach_related
  FROM drawn`;
}

/**
 * The Poisson(lam) quantile at u, as column `quantile` of *source*: the number of k with P(X ≤ k) ≤ u.
 * One nested SELECT per term carries P(X = k) forward by P(X = k) = P(X = k-1)·λ/k, so each row costs a
 * few multiplications per term (written out as one expression, DuckDB would recompute every partial sum).
 */
function poissonQuantile(source: string): string {
  let query = `(SELECT *, exp(-lam) AS term, exp(-lam) AS cdf, (u >= exp(-lam))::INTEGER AS quantile FROM ${source})`;
  for (let k = 1; k < POISSON_TERMS; ++k) {
    query = `(SELECT * REPLACE (term * lam / ${k} AS term, cdf + term * lam / ${k} AS cdf,
      quantile + (u >= cdf + term * lam / ${k})::INTEGER AS quantile) FROM ${query})`;
  }
  return query;
}
