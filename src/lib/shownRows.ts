// The rows a chart or table shows when they are not rows of a published table (rates, rankings,
// headline figures), flattened for its data package "as shown". Only published figures and what is
// computed from them reach these rows; a hidden figure stays null, so the package lists it as hidden.
import type {CountyFigure} from "./counties.js";
import type {Figure, FigureBarRow} from "./figures.js";
import {headlineCounts, type HeadlineCounts} from "./publishedTables.js";
import type {DistrictCrisis, DistrictFigure} from "./transforms.js";

type Row = Record<string, string | number | null>;

/** A district's count, population and rate per 100 000 with its 95 % interval. */
export function districtRateRows(figures: readonly (DistrictFigure & {figure?: Figure})[]): Row[] {
  return areaRateRows(figures, "hospital_district");
}

/** The county map's table: one row per county with its count, population, rate and interval. */
export function countyRateRows(figures: readonly CountyFigure[]): Row[] {
  return areaRateRows(figures, "wellbeing_services_county");
}

/** Bars that figures.ts answered: the label, the figure, and whether it is exact or a lower bound. */
export function figureBarRows(bars: readonly FigureBarRow[]): Row[] {
  return bars.map((bar) => ({
    label: bar.label,
    value: bar.value,
    exact: bar.figure.exact ? "yes" : bar.figure.range ? "provable range" : "lower bound",
    upper: bar.figure.range ? bar.figure.upper : null,
    source: bar.figure.source
  }));
}

// A hidden count shown as its provable range (figures.ts) keeps count null and gives the range beside it.
function areaRateRows(
  figures: readonly ((DistrictFigure & {figure?: Figure}) | CountyFigure)[],
  codeColumn: string
): Row[] {
  return figures.map((d) => ({
    [codeColumn]: d.code,
    name: d.name,
    count: d.count,
    count_range_min: d.figure?.range ? d.figure.value : null,
    count_range_max: d.figure?.range ? (d.figure.upper ?? null) : null,
    population: d.population,
    rate_per_100000: d.rate,
    rate_low: d.low,
    rate_high: d.high
  }));
}

/** The crisis table's ranking: one row per district, as the table shows it. */
export function crisisRankRows(ranked: readonly DistrictCrisis[]): Row[] {
  return ranked.map((d) => ({
    hospital_district: d.code,
    name: d.name,
    grain: d.grain,
    baseline_rate: d.baselineRate,
    peak_start: d.peak ? d.peak.start.toISOString().slice(0, 10) : null,
    peak_rate: d.peak?.rate ?? null,
    peak_ratio: d.peakRatio,
    excess: d.excess,
    excess_low: d.excessLow,
    excess_high: d.excessHigh,
    excess_hidden_cells: d.excessHidden
  }));
}

/** headline.json's national totals, one row each, with what it counts; a hidden total stays null. */
export function headlineRows(headline: HeadlineCounts): Row[] {
  return headlineCounts.map(({name, counts}) => ({figure: name, counts, count: headline[name]}));
}
