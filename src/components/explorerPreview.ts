// The explorer's unfiltered charts, drawn from the small published files while DuckDB-WASM (several
// MB) is still on its way; the Explore page removes them once the explorer is ready. They are the same
// charts with the same figures (src/lib/explorePreview.ts), inert: filtering needs DuckDB.
import {html} from "htl";
import {BoundLegend, CategoryBars} from "./categoryBars.js";
import {asImage} from "./marks.js";
import {WeeklyTimeline} from "./weeklyTimeline.js";
import type {CategoryRow} from "../lib/exploreQueries.js";
import {peopleBars, previewCategories, previewTimeline} from "../lib/explorePreview.js";
import type {Published} from "../lib/figures.js";
import type {DataPeriod} from "../lib/partialWeeks.js";
import {dimensionValues} from "../lib/publishedTables.js";
import {strings, type Language} from "../lib/strings.js";

export interface PreviewData {
  /** crisis_national_weekly, publications_by_day_channel and the people tables, as published. */
  national: readonly {week_start: Date | string; service: string; contacts: number | null}[];
  publications: readonly {channel: string; records: number | null}[];
  published: Published;
  /** District names in the page's language, by code. */
  districtNames: ReadonlyMap<string, string>;
}

/** **lang**; **period** – the days the export covers (partial weeks are drawn hollow, as in the explorer). */
export function ExplorerPreview(
  {national, publications, published, districtNames}: PreviewData,
  {lang = "en", period}: {lang?: Language; period?: DataPeriod} = {}
): HTMLElement {
  const t = strings[lang].explore;
  const named = (rows: CategoryRow[], names: Record<string, string>) =>
    rows.map((row) => ({...row, label: names[row.key] ?? row.label}));
  const ageName = (key: string) => (key === "unknown" ? strings[lang].ageUnknown : key);
  const districts = peopleBars(published, "hospital_district", {}, (key) => districtNames.get(key) ?? key);
  const ages = peopleBars(published, "age_group", {}, ageName);
  const charts = {
    timeline: (width: number) => WeeklyTimeline(previewTimeline(national), {width, label: t.timeline, lang, period}),
    districts: (width: number) => CategoryBars(districts, {width, lang, label: t.measurePeople}),
    ageGroups: (width: number) => CategoryBars(ages, {width, lang, order: dimensionValues.age_group}),
    services: (width: number) =>
      CategoryBars(named(previewCategories(national, "service", "contacts"), strings[lang].services), {
        width,
        lang,
        order: dimensionValues.service
      }),
    channels: (width: number) =>
      CategoryBars(named(previewCategories(publications, "channel", "records"), strings[lang].channels), {
        width,
        lang,
        order: dimensionValues.channel
      })
  };
  const legends: Partial<Record<keyof typeof charts, CategoryRow[]>> = {districts, ageGroups: ages};
  const titles = {
    timeline: t.timeline,
    districts: t.districts,
    ageGroups: t.ageGroups,
    services: t.services,
    channels: t.channels
  };
  const cards = Object.fromEntries(
    Object.entries(titles).map(([name, title]) => [
      name,
      html`<div class="card explore-card">
        <h2>${title}</h2>
        <div data-preview-chart=${name}></div>
      </div>`
    ])
  ) as Record<keyof typeof charts, HTMLElement>;
  const element = html`<div class="explore explore-preview" data-explore-preview>
    <p class="explore-note" role="status">${t.previewLoading}</p>
    ${cards.timeline}
    <div class="explore-grid">${cards.districts}${cards.ageGroups}${cards.services}${cards.channels}</div>
  </div>` as HTMLElement;
  // Drawn once the element is in the page, at the width it is given there.
  requestAnimationFrame(() => {
    for (const [name, draw] of Object.entries(charts) as [keyof typeof charts, (width: number) => Element][]) {
      const container = cards[name].querySelector<HTMLElement>("[data-preview-chart]")!;
      const chart = draw(Math.max(280, container.clientWidth || 480));
      asImage(chart, `${titles[name]}. ${t.previewLoading}`);
      container.replaceChildren(chart);
      const legend = legends[name] && BoundLegend(legends[name], {lang});
      if (legend) container.append(legend);
    }
  });
  return element;
}
