// Chart titles that state the finding, computed from the published figures. Each returns the sentence
// for a chart and the notes it needs (a total that rests on hidden cells says so).
import {figure, formatFigure, type Figure, type Published, type Quantity} from "./figures.js";
import {fillTemplate, formatCount, formatDate, formatPercent, formatRate, plural} from "./format.js";
import type {CountyFigure} from "./counties.js";
import {strings, type Language} from "./strings.js";
import {maxBy, sumKnown, type AgeFigure, type DistrictFigure, type Series} from "./transforms.js";

export interface Finding {
  title: string;
  notes: string[];
  /** The figure the title states, when it states one (marked in the DOM as data-figure). */
  titleFigure?: Figure;
}

function hiddenNotes(hidden: number, lang: Language): string[] {
  return hidden
    ? [fillTemplate(plural(hidden, strings[lang].restsOnHidden, {lang}), {cells: formatCount(hidden, {lang})})]
    : [];
}

/** The notes of a chart that ranks rates: only stable rates are ranked, and how many were left out. */
export function stableRateNotes(leftOut: number, lang: Language): string[] {
  const geo = strings[lang].geo;
  return [geo.stableNote, ...(leftOut ? [geo.leftOutUnstable(formatCount(leftOut, {lang}))] : [])];
}

/** The district with the most people, and its share of everyone affected. */
export function districtCountFinding(
  rows: readonly DistrictFigure[],
  total: number | null,
  {lang = "en" as Language} = {}
): Finding {
  const top = maxBy(rows, (d) => d.count);
  const {hidden} = sumKnown(rows.map((d) => d.count));
  return {
    title: top
      ? strings[lang].affected.districtCountTitle(
          top.name,
          formatCount(top.count, {lang}),
          formatPercent(total ? top.count! / total : null, {lang})
        )
      : strings[lang].affected.districtCountSubtitle,
    notes: hiddenNotes(hidden, lang)
  };
}

/** The district with the highest stable rate per 100 000 residents (unstable rates are never named highest). */
export function districtRateFinding(rows: readonly DistrictFigure[], {lang = "en" as Language} = {}): Finding {
  const top = maxBy(rows, (d) => (d.unstable ? null : d.rate));
  const leftOut = rows.filter((d) => d.rate == null || d.unstable).length;
  return {
    title: top
      ? strings[lang].affected.districtRateTitle(top.name, formatRate(top.rate, {digits: 0, lang}))
      : strings[lang].affected.districtRateSubtitle,
    notes: stableRateNotes(leftOut, lang)
  };
}

/** The wellbeing services county with the most people, and its share of everyone affected. */
export function countyCountFinding(
  rows: readonly CountyFigure[],
  total: number | null,
  {lang = "en" as Language} = {}
): Finding {
  const geo = strings[lang].geo;
  const top = maxBy(rows, (d) => d.count);
  const {hidden} = sumKnown(rows.map((d) => d.count));
  return {
    title: top
      ? geo.countyCountTitle(
          top.name,
          formatCount(top.count, {lang}),
          formatPercent(total ? top.count! / total : null, {lang})
        )
      : geo.countyCountSubtitle,
    notes: hiddenNotes(hidden, lang),
    titleFigure: top?.figure
  };
}

/** The county with the highest stable rate per 100 000 residents (unstable rates are never named highest). */
export function countyRateFinding(rows: readonly CountyFigure[], {lang = "en" as Language} = {}): Finding {
  const top = maxBy(rows, (d) => (d.unstable ? null : d.rate));
  const leftOut = rows.filter((d) => d.rate == null || d.unstable).length;
  return {
    title: top
      ? strings[lang].geo.countyRateTitle(top.name, formatRate(top.rate, {digits: 0, lang}))
      : strings[lang].geo.countyRateSubtitle,
    notes: stableRateNotes(leftOut, lang)
  };
}

/** How many of the people affected were minors; a lower bound when a minors' cell is hidden. */
export function minorsFinding(ages: readonly AgeFigure[], {lang = "en" as Language} = {}): Finding {
  const minors = sumKnown(ages.filter((a) => a.minor).map((a) => a.count));
  const all = sumKnown(ages.map((a) => a.count));
  const text = strings[lang].affected;
  const count = formatCount(minors.value, {lang});
  return {
    title: minors.hidden
      ? text.ageTitleHidden(count)
      : text.ageTitle(count, formatPercent(all.value ? minors.value / all.value : null, {digits: 1, lang})),
    notes: hiddenNotes(all.hidden, lang)
  };
}

/** The share of people in the first breach wave. */
export function waveFinding(
  rows: readonly {breach_wave: string; people: number | null}[],
  {lang = "en" as Language} = {}
): Finding {
  const first = rows.find((r) => r.breach_wave === "1")?.people ?? null;
  const all = sumKnown(rows.map((r) => r.people));
  return {
    title: strings[lang].affected.waveTitle(
      formatPercent(first != null && all.value ? first / all.value : null, {lang})
    ),
    notes: hiddenNotes(all.hidden, lang)
  };
}

/** The most common kind of exposed data among the sensitive ones (therapy notes first if known). */
export function categoryFinding(
  rows: readonly {data_category: string; people: number | null}[],
  {lang = "en" as Language} = {}
): Finding {
  const text = strings[lang];
  const notes = rows.find((r) => r.data_category === "therapy_notes" && r.people != null);
  const top = notes ?? maxBy(rows, (r) => r.people);
  return {
    title: top
      ? text.affected.categoryTitle(
          text.categories[top.data_category] ?? top.data_category,
          formatCount(top.people, {lang})
        )
      : text.affected.categorySubtitle,
    notes: []
  };
}

/** How many people received an extortion e-mail, as a share of everyone affected. */
export function fateFinding(
  headline: {people: number | null; people_emailed: number | null},
  bars: readonly {hidden: number}[],
  {lang = "en" as Language} = {}
): Finding {
  const {people, people_emailed: emailed} = headline;
  return {
    title: strings[lang].affected.fateTitle(
      formatCount(emailed, {lang}),
      formatPercent(people && emailed != null ? emailed / people : null, {lang})
    ),
    notes: hiddenNotes(
      bars.reduce((sum, bar) => sum + bar.hidden, 0),
      lang
    )
  };
}

/** The day with the most records published (all channels). */
export function publishedFinding(
  days: readonly {date: Date; records: number; hidden: number}[],
  {lang = "en" as Language} = {}
): Finding {
  const text = strings[lang].timeline;
  const top = maxBy(days, (d) => d.records);
  const hidden = days.reduce((sum, d) => sum + d.hidden, 0);
  return {
    title:
      top && top.records > 0
        ? text.publishedTitle(formatCount(top.records, {lang}), formatDate(top.date, {lang}))
        : text.publishedTitleEmpty,
    notes: hiddenNotes(hidden, lang)
  };
}

/**
 * A running total at the last day shown, summed over *series*, in *sentence*; "at least" when it
 * rests on hidden days.
 */
export function runningTotalFinding(
  series: readonly Series[],
  sentence: (total: string, date: string) => string,
  {lang = "en" as Language} = {}
): Finding {
  const ends = series.map((s) => s.points.at(-1)).filter((p) => p != null);
  const text = strings[lang];
  // An empty range once read "0 record copies had been posted by –": say what is empty and why instead.
  if (!ends.length) return {title: text.figures.emptySeries, notes: []};
  const total = formatCount(
    ends.reduce((sum, p) => sum + p.total, 0),
    {lang}
  );
  const hidden = ends.reduce((sum, p) => sum + p.hidden, 0);
  const date = new Date(Math.max(...ends.map((p) => +p.date)));
  const title = sentence(hidden ? text.atLeast(total) : total, formatDate(date, {lang}));
  return {title: title.charAt(0).toUpperCase() + title.slice(1), notes: hiddenNotes(hidden, lang)};
}

/**
 * A running total of *quantity* at the last day of *series*, in *sentence*, as figures.ts answers it:
 * exact wherever a published total holds it (the headline, at the end of the data), "at least" only
 * where no exact figure is published.
 */
export function runningFigureFinding(
  published: Published,
  quantity: Quantity,
  series: readonly Series[],
  sentence: (total: string, date: string) => string,
  {lang = "en" as Language} = {}
): Finding {
  const ends = series.map((s) => s.points.at(-1)).filter((p) => p != null);
  if (!ends.length) return {title: strings[lang].figures.emptySeries, notes: []};
  const date = new Date(Math.max(...ends.map((p) => +p.date)));
  const f = figure(published, quantity, {until: date});
  const title = sentence(formatFigure(f, {lang}), formatDate(date, {lang}));
  return {
    title: title.charAt(0).toUpperCase() + title.slice(1),
    notes: f.exact ? [] : hiddenNotes(f.hidden, lang),
    titleFigure: f
  };
}
