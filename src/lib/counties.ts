// Wellbeing services counties (2023) on the pages (issue 16): names in the page's language from the
// reference table (data/reference/wellbeing-services-counties.csv), and each county's count of people
// affected from people_by_county, with its rate per 100 000 and the rate's 95 % interval.
import {barOf, figure, type Figure, type FigureBarRow, type Published} from "./figures.js";
import {formatRate} from "./format.js";
import {rateWithInterval} from "./rates.js";
import {strings, type Language} from "./strings.js";

export interface County {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  population_2019: number;
}

/**
 * The county's name for charts and tables: the official Finnish name (its genitive cannot be dropped the
 * way Swedish and English suffixes can), the Swedish name without "välfärdsområde" back in the nominative
 * ("Östra Nylands" → "Östra Nyland"), the English name without "wellbeing services county".
 */
export function countyName(c: County, lang: Language): string {
  if (lang === "fi") return c.name_fi;
  if (lang === "en") return c.name_en.replace(/ wellbeing services county$/, "");
  const stem = c.name_sv.replace(/ välfärdsområde$/, "");
  return stem === c.name_sv ? stem : stem.replace(/s$/, "");
}

/** The county's official name in the language. */
export function countyFullName(c: County, lang: Language): string {
  return lang === "fi" ? c.name_fi : lang === "sv" ? c.name_sv : c.name_en;
}

export interface CountyFigure {
  code: string;
  name: string;
  fullName: string;
  name_en: string;
  population: number;
  /** People affected; null when hidden. */
  count: number | null;
  rate: number | null;
  low: number | null;
  high: number | null;
  unstable: boolean;
  /** The figure as every page asks for it (figures.ts), so a test finds the same value everywhere. */
  figure: Figure;
}

/**
 * One row per reference county: people affected (the figure figures.ts gives from people_by_county), its
 * rate per 100 000 residents and interval. A county missing from the published table had no one in it
 * (published tables leave out empty cells); a count that is only a bound is shown hidden, without a rate.
 */
export function countyFigures(
  published: Published,
  counties: readonly County[],
  {lang = "fi"}: {lang?: Language} = {}
): CountyFigure[] {
  return counties.map((c) => {
    const f = figure(published, "people", {wellbeing_services_county: [c.code]});
    const shown = f.exact ? f.value : null;
    const interval = rateWithInterval(shown, c.population_2019);
    return {
      code: c.code,
      name: countyName(c, lang),
      fullName: countyFullName(c, lang),
      name_en: c.name_en,
      population: c.population_2019,
      count: shown,
      rate: interval?.rate ?? null,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      unstable: interval?.unstable ?? false,
      figure: f
    };
  });
}

/** Whether the export allowed county figures: people_by_county has rows only from a municipality-coded export. */
export function countiesPublished(peopleByCounty: readonly unknown[]): boolean {
  return peopleByCounty.length > 0;
}

/** People per county as bars, each the figure figures.ts gives, the official name as its title. */
export function countyCountBars(rows: readonly CountyFigure[]): FigureBarRow[] {
  return rows.map((d) => barOf(d.figure, d.name, {title: d.fullName}));
}

/**
 * Rates per county as bars, stable ones only (unstable and hidden rates are never ranked: the map's
 * table shows them with their intervals); each bar's title gives the rate's 95 % interval.
 */
export function countyRateBars(
  rows: readonly CountyFigure[],
  {lang = "en" as Language} = {}
): Array<{label: string; title: string; value: number | null}> {
  const rate = (v: number | null) => formatRate(v, {digits: 0, lang});
  return rows
    .filter((d) => d.rate != null && !d.unstable)
    .map((d) => ({
      label: d.name,
      title: strings[lang].geo.intervalTitle(d.fullName, rate(d.low), rate(d.high)),
      value: d.rate
    }));
}
