// The Explore page's linked view: filter chips, five cross-filtered charts, the filtered table and the
// SQL console, all driven by one ExploreState that lives in the URL (pushState on change, popstate
// restores). The charts' figures come from src/lib/chartsInMemory.ts (what exploreQueries.ts's SQL gives,
// answered in the page) and figures.ts; this module reads the tables once and draws.
import {html} from "htl";
import {AreaControl} from "./areaControl.js";
import {BoundLegend, CategoryBars, selectBars, updateBars} from "./categoryBars.js";
import {DateRangeInput} from "./dateRangeInput.js";
import {hideDecorativeMarks, markFigure, type FigureMark} from "./marks.js";
import type {Database} from "./db.js";
import {csvBlob, parquetBlob, pngBlob, saveBlob, svgBlob} from "./downloads.js";
import type {Headline} from "./exportBadge.js";
import {SqlConsole} from "./sqlConsole.js";
import {moveBrush, snapToWeeks, updateTimeline, WeeklyTimeline} from "./weeklyTimeline.js";
import {chartsAnswer, chartTableNames, prepareChartTables, type ChartTables} from "../lib/chartsInMemory.js";
import {
  exploreQueries,
  tableRowsQuery,
  viewColumns,
  type CategoryRow,
  type TimelineRow,
  type ViewRow
} from "../lib/exploreQueries.js";
import {viewRows, type DistrictContacts, type PeopleCell} from "../lib/exploreView.js";
import {
  clearFilters,
  decodeState,
  encodeState,
  filterChips,
  removeFilter,
  toggleValue,
  type ExploreState,
  type FilterKey
} from "../lib/exploreState.js";
import {countiesPublished, countyName, type County} from "../lib/counties.js";
import {districtName, type DistrictNames} from "../lib/districtNames.js";
import {figure, formatFigure, type AreaRange, type Filters, type Published} from "../lib/figures.js";
import {peopleBars as peopleFigureBars} from "../lib/explorePreview.js";
import {appliedFilters, downloadName} from "../lib/downloadNames.js";
import {dataPeriod} from "../lib/partialWeeks.js";
import {compareNames, formatCount, formatDate} from "../lib/format.js";
import {dimensionValues, publishedTables} from "../lib/publishedTables.js";
import {sql} from "../lib/sql.js";
import {strings, type Language} from "../lib/strings.js";

export interface Explorer {
  element: HTMLElement;
  /** Shows *state* (pushing it onto the history unless push is false); resolves once every chart is redrawn. */
  apply(state: ExploreState, options?: {push?: boolean}): Promise<void>;
  state(): ExploreState;
}

/** A row of the view table: the people cell shows its figure (figures.ts), a hidden district's as its range. */
export type ShownViewRow = ViewRow & {people_figure?: FigureMark};

interface ViewData {
  timeline: TimelineRow[];
  districts: CategoryRow[];
  counties: CategoryRow[];
  ageGroups: CategoryRow[];
  services: CategoryRow[];
  channels: CategoryRow[];
  view: ShownViewRow[];
  viewContacts: DistrictContacts[];
}

type ChartName = "timeline" | "districts" | "counties" | "ageGroups" | "services" | "channels";

// The tables that count people by district and age group: figures.ts answers the bars from them.
const PEOPLE_TABLES = publishedTables.filter((spec) => spec.peopleGroup === "district_age").map((spec) => spec.name);

export interface ExplorerOptions {
  lang?: Language;
  /** **search** – the page's query string, which holds the state. */
  search?: string;
  /** **headline** – headline.json: which export the figures come from, and whether it is synthetic (for downloads). */
  headline?: Pick<Headline, "synthetic" | "export">;
  /** **ranges** – area-ranges.json's ranges: a hidden district or county total is shown as its provable range. */
  ranges?: readonly AreaRange[];
}

export async function Explorer(
  db: Database,
  {lang = "en", search = "", headline, ranges}: ExplorerOptions = {}
): Promise<Explorer> {
  const t = strings[lang].explore;
  let state = decodeState(search);
  const period = headline ? dataPeriod(headline) : undefined;
  let data: ViewData | undefined;

  const districtRows = await db.query<DistrictNames & {code: string; short_fi: string}>(
    sql`SELECT code, name_fi, name_sv, name_en, short_fi FROM hospital_districts`
  );
  const districtNames = new Map(districtRows.map((row) => [row.code, districtName(row, lang)]));
  const shortNames = new Map(districtRows.map((row) => [row.code, row.short_fi]));
  // The queries name districts, services and channels by their codes; the charts show them in the
  // page's language. Relabelled once per cached result, so an unchanged result stays the same array.
  const labels: Partial<Record<keyof ViewData, (key: string) => string | undefined>> = {
    districts: (key) => districtNames.get(key),
    ageGroups: (key) => (key === "unknown" ? strings[lang].ageUnknown : undefined),
    services: (key) => strings[lang].services[key],
    channels: (key) => strings[lang].channels[key]
  };
  const relabelled = new WeakMap<unknown[], unknown[]>();
  function inLanguage(name: keyof ViewData, rows: unknown[]): unknown[] {
    const label = labels[name];
    if (!label) return rows;
    let result = relabelled.get(rows);
    if (!result)
      relabelled.set(
        rows,
        (result = (rows as CategoryRow[]).map((row) => ({...row, label: label(row.key) ?? row.label})))
      );
    return result;
  }
  const chipValue = (key: Exclude<FilterKey, "time">, value: string) =>
    key === "districts"
      ? (districtNames.get(value) ?? value)
      : key === "services"
        ? (strings[lang].services[value] ?? value)
        : value === "unknown"
          ? strings[lang].ageUnknown
          : value;
  // People are answered by figures.ts from the people tables (a few hundred rows, read once), so a bar
  // is exact wherever any published table holds its figure exactly, as on the report pages.
  const published: Published = {tables: {}, ranges};
  for (const name of PEOPLE_TABLES) {
    if (db.tables().includes(name)) published.tables[name] = await db.query(tableRowsQuery(name));
  }
  // The tables the charts are answered from, read once (a few thousand rows): a filter change asks DuckDB
  // nothing (chartsInMemory.ts).
  const chartRows: Partial<Record<keyof ChartTables, unknown[]>> = {};
  for (const name of chartTableNames) chartRows[name] = await db.query(tableRowsQuery(name));
  const chartTables = prepareChartTables(chartRows as ChartTables);
  // Counties only from a municipality-coded export: people_by_county has rows (issue 16).
  const countiesAvailable = countiesPublished(published.tables.people_by_county ?? []);
  const countyNames = new Map(
    db.tables().includes("wellbeing_counties")
      ? (
          await db.query<County>(sql`SELECT code, name_fi, name_sv, name_en, population_2019 FROM wellbeing_counties`)
        ).map((row) => [row.code, countyName(row, lang)])
      : []
  );
  if (!countiesAvailable) state = {...state, area: "district"};
  const peopleBars = (by: "hospital_district" | "wellbeing_services_county" | "age_group", filters: Filters) =>
    peopleFigureBars(published, by, filters, (key) =>
      key === "unknown"
        ? strings[lang].ageUnknown
        : by === "hospital_district"
          ? (districtNames.get(key) ?? key)
          : by === "wellbeing_services_county"
            ? (countyNames.get(key) ?? key)
            : key
    );
  const chipLabel = (key: FilterKey, value?: string) =>
    key === "time"
      ? `${t.timeRange}: ${formatDate(new Date(`${state.from}T00:00:00Z`), {lang})}–${formatDate(new Date(`${state.to}T00:00:00Z`), {lang})}`
      : `${key === "districts" ? t.district : key === "ageGroups" ? t.ageGroup : t.service}: ${chipValue(key, value!)}`;

  const card = (name: ChartName, title: string, note?: string | HTMLElement) => {
    const chart = html`<div class="explore-chart" data-chart=${name}></div>` as HTMLElement;
    const legend = html`<div class="explore-legend"></div>` as HTMLElement;
    const element = html`<div class="card explore-card" data-card=${name}>
      <div class="explore-card-head">
        <h2>${title}</h2>
        <span class="downloads"
          >${t.download}: <button type="button" data-download="svg">${t.downloadSvg}</button>
          <button type="button" data-download="png">${t.downloadPng}</button></span
        >
      </div>
      ${note ? html`<div class="explore-note">${note}</div>` : null}${chart}${legend}
    </div>` as HTMLElement;
    element.querySelector(".downloads")!.addEventListener("click", async (event) => {
      const kind = (event.target as HTMLElement).dataset.download;
      const svg = chart.querySelector("svg");
      if (!svg || !kind) return;
      const context = {style: plotStyle, ...chartContext(name, title)};
      saveBlob(
        kind === "svg" ? svgBlob(svg, context) : await pngBlob(svg, context),
        downloadName(name, state, kind, {measure: name === "districts"})
      );
    });
    return {element, chart, legend};
  };

  // What a downloaded chart says about itself: title and filters above, source and the synthetic mark below.
  const chartContext = (name: ChartName, title: string) => {
    const filters = filterChips(appliedFilters(name, state)).map(({key, value}) => chipLabel(key, value));
    const tables =
      name === "counties"
        ? ["people_by_county"]
        : [...new Set([...exploreQueries(state)[name].sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map((m) => m[1]))];
    const measureLabel =
      name === "districts" ? ` (${state.measure === "people" ? t.measurePeople : t.measureContacts})` : "";
    return {
      header: [title + measureLabel, filters.length ? `${t.filters}: ${filters.join("; ")}` : t.noFiltersShort],
      footer: [
        fill(t.downloadSource, {tables: tables.join(", "), export: headline?.export.export_id ?? "–"}),
        ...(headline?.synthetic ? [strings[lang].syntheticNotice] : [])
      ]
    };
  };

  const measure = html`<span class="measure" role="radiogroup" aria-label=${t.districtMeasure}>
    <label><input type="radio" name="measure" value="people" /> ${t.measurePeople}</label>
    <label><input type="radio" name="measure" value="contacts" /> ${t.measureContacts}</label></span
  >` as HTMLElement;
  measure.addEventListener("change", (event) => {
    void apply({...state, measure: (event.target as HTMLInputElement).value === "contacts" ? "contacts" : "people"});
  });
  const timelineNote = html`<span
    >${t.timelineHelp}
    <span class="timeline-districts">${t.timelineDistricts}</span>
    ${period ? strings[lang].figures.partialWeeksNote : ""}</span
  >` as HTMLElement;
  // The district/county choice, kept in the explorer's own state (and so in its shareable link).
  const area = AreaControl({value: state.area, available: countiesAvailable, lang, url: false});
  area.addEventListener("input", () => void apply({...state, area: area.value}));
  const cards = {
    timeline: card("timeline", t.timeline, timelineNote),
    districts: card("districts", t.districts, measure),
    counties: card("counties", strings[lang].geo.countiesHeading, strings[lang].geo.countyNote),
    ageGroups: card("ageGroups", t.ageGroups),
    services: card("services", t.services),
    channels: card("channels", t.channels, t.channelsNote)
  };
  const chips = html`<div class="chips" role="group" aria-label=${t.filters}></div>` as HTMLElement;
  chips.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>("button");
    if (!button) return;
    if (button.dataset.clear !== undefined) void apply(clearFilters(state));
    else void apply(removeFilter(state, button.dataset.key as FilterKey, button.dataset.value));
  });
  const table = html`<div class="explore-table"></div>` as HTMLElement;
  const tableDownloads = html`<span class="downloads"
    >${t.download}:
    <button type="button" data-download="csv">${t.downloadCsv}</button>
    <button type="button" data-download="parquet">${t.downloadParquet}</button></span
  >` as HTMLElement;
  tableDownloads.addEventListener("click", async (event) => {
    const kind = (event.target as HTMLElement).dataset.download;
    if (!data || !kind) return;
    const rows = data.view as unknown as Array<Record<string, unknown>>;
    saveBlob(
      kind === "csv" ? csvBlob(viewColumns, rows) : await parquetBlob(viewColumns, rows),
      downloadName("view", state, kind)
    );
  });

  // The link follows the state just after the redraw, one history entry per change and in order:
  // history.pushState took about a tenth of a filter change's script time, and nothing drawn waits for it.
  let unpushed: string[] = [];
  const pushLater = (href: string) => {
    if (unpushed.push(href) > 1) return;
    setTimeout(() => {
      const hrefs = unpushed;
      unpushed = [];
      for (const href of hrefs) history.pushState(null, "", href);
    });
  };

  const sqlConsole = await SqlConsole(db, {
    sql: state.sql,
    lang,
    onRun(text) {
      if (text !== state.sql) ((state = {...state, sql: text}), pushLater(url(state)));
    }
  });

  const element = html`<div class="explore">
    <div class="explore-filters"><strong>${t.filters}</strong> ${chips}</div>
    ${area} ${cards.timeline.element}
    <div class="explore-grid">
      ${state.area === "county" ? cards.counties.element : cards.districts.element}${cards.ageGroups.element}${cards.services.element}${cards.channels.element}
    </div>
    <div class="card">
      <div class="explore-card-head">
        <h2>${t.table}</h2>
        ${tableDownloads}
      </div>
      <div class="explore-note">${t.tableNote} ${t.partial} ${t.allHidden}</div>
      ${table}
    </div>
    <div class="card">
      <h2>${t.sqlTitle}</h2>
      ${sqlConsole.element}
    </div>
  </div>` as HTMLElement;

  // Plot gives every chart the same <style>. Each one that enters the page makes the browser work out
  // the style of the whole page again (and redecode the theme's SVG icons): a few ms per chart, per
  // redraw. So the explorer keeps one copy, and charts go in without theirs (downloads put it back).
  let plotStyle: Element | undefined;
  const show = (container: HTMLElement, chart: Element) => {
    const style = chart.querySelector(":scope > style");
    if (style && !plotStyle) element.prepend((plotStyle = style));
    else if (style && style.textContent === plotStyle?.textContent) style.remove();
    // A bar chosen with Enter is redrawn at once: focus moves to the same bar in the new chart, not
    // to <body>, so a keyboard user can go on from where they were.
    const focused = container.contains(document.activeElement)
      ? (document.activeElement as HTMLElement | SVGElement).dataset.key
      : undefined;
    hideDecorativeMarks(chart);
    container.replaceChildren(chart);
    if (focused !== undefined)
      chart.querySelector<SVGElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus({preventScroll: true});
  };

  // The keyboard's way to pick weeks: two date fields beside the brush, snapped to whole weeks as it is.
  // Made at the first draw, when the timeline's first and last weeks are known.
  const DAY = 86_400_000;
  let dates: ReturnType<typeof DateRangeInput> | undefined;
  let allWeeks: [Date, Date] | undefined;
  const syncDates = () => {
    if (!data) return;
    const [firstRow, lastRow] = [data.timeline.at(0), data.timeline.at(-1)];
    if (!dates && firstRow && lastRow) {
      const first = new Date(firstRow.week_start);
      const last = new Date(+new Date(lastRow.week_start) + 6 * DAY);
      allWeeks = [first, last];
      dates = DateRangeInput({min: first, max: last, lang});
      dates.addEventListener("input", (event) => {
        // Only the range's own event: a date field's native input events bubble up here too, while the
        // range still holds its previous value, and the redraw (now at once, not after a query) would
        // put that value back into the field being typed in.
        if (event.target !== dates) return;
        const [a, b] = dates!.value;
        const whole = +a <= +allWeeks![0] && +b >= +allWeeks![1];
        void apply(whole ? {...state, from: null, to: null} : {...state, ...snapToWeeks(a, new Date(+b + DAY))});
      });
      cards.timeline.element.append(dates);
    }
    if (!dates || !allWeeks) return;
    const [from, to] = dates.querySelectorAll("input");
    if (!from || !to) throw new Error("invalid DateRangeInput: it has no two date fields");
    from.value = state.from ?? allWeeks[0].toISOString().slice(0, 10);
    to.value = state.to ?? allWeeks[1].toISOString().slice(0, 10);
    dates.value = [new Date(`${from.value}T00:00:00Z`), new Date(`${to.value}T00:00:00Z`)];
  };

  const chartWidth = (chart: HTMLElement) => Math.max(280, chart.clientWidth || 480);

  // What each chart was last drawn from: a chart whose inputs did not change is left as it is.
  const drawnFrom = new Map<string, string>();
  const changed = (name: string, ...inputs: unknown[]) => {
    const key = JSON.stringify(inputs);
    if (drawnFrom.get(name) === key) return false;
    drawnFrom.set(name, key);
    return true;
  };

  // The charts' widths, read at the first draw and again when the page is resized (force): reading them
  // at every filter change made the browser lay the page out before drawing, 5–10 ms a change.
  let widths: Record<ChartName, number> | undefined;
  function draw({force = false} = {}) {
    if (!data) return;
    if (force) drawnFrom.clear();
    // One of the two cards is in the page at a time: a hidden card's empty chart would still be a chart.
    const [shown, other] =
      state.area === "county"
        ? [cards.counties.element, cards.districts.element]
        : [cards.districts.element, cards.counties.element];
    if (other.parentNode) other.replaceWith(shown);
    // Then every width is read before anything is written: a read after a write would make the browser lay
    // the page out again, once per chart.
    const width = (widths =
      (!force && widths) ||
      (Object.fromEntries(Object.entries(cards).map(([name, {chart}]) => [name, chartWidth(chart)])) as Record<
        ChartName,
        number
      >));
    const select = (key: Exclude<FilterKey, "time">) => (value: string) => void apply(toggleValue(state, key, value));
    // Only districts published by month are chosen: they have no weekly rows to draw.
    const empty = state.districts.length
      ? strings[lang].figures.monthlyOnly(state.districts.map((code) => districtNames.get(code) ?? code).join(", "))
      : undefined;
    // The same weeks with another brushed range: the brush is moved, and the weeks are left as they are;
    // the same weeks with other values are rewritten in place (updateTimeline), the brush kept.
    const redrawTimeline = changed("timeline", data.timeline, empty, width.timeline);
    const rebrush = changed("timeline brush", state.from, state.to);
    const timelineOptions = {
      width: width.timeline,
      from: state.from,
      to: state.to,
      label: t.timeline,
      lang,
      period,
      empty,
      onBrush: (range: {from: string; to: string} | null) =>
        void apply(range ? {...state, ...range} : {...state, from: null, to: null})
    };
    const timeline = cards.timeline.chart.firstElementChild;
    const updated = redrawTimeline && updateTimeline(timeline, data.timeline, timelineOptions);
    if ((redrawTimeline && !updated) || (rebrush && !moveBrush(timeline, state.from, state.to)))
      show(cards.timeline.chart, WeeklyTimeline(data.timeline, timelineOptions));
    timelineNote.querySelector<HTMLElement>(".timeline-districts")!.hidden = state.districts.length === 0;
    syncDates();
    const bars = (
      name: Exclude<ChartName, "timeline">,
      rows: CategoryRow[],
      options: Parameters<typeof CategoryBars>[1]
    ) => {
      // A chart whose bars are the same and whose selection alone changed is recoloured, not drawn again.
      const redraw = changed(name, rows, options?.label, width[name]);
      const reselect = changed(`${name} selection`, options?.selected);
      // Bars that are the same ones with other values are rewritten in place (updateBars): drawing the
      // chart again with Plot was most of a change's script time.
      if (redraw) {
        const chart = {width: width[name], lang, ...options};
        if (!updateBars(cards[name].chart.firstElementChild, rows, chart))
          show(cards[name].chart, CategoryBars(rows, chart));
        // The legend says the same for most changes: left as it is then, so the page is not laid out again.
        const legend = BoundLegend(rows, {lang});
        if ((legend?.outerHTML ?? "") !== (cards[name].legend.firstElementChild?.outerHTML ?? ""))
          cards[name].legend.replaceChildren(legend ?? "");
      } else if (reselect) selectBars(cards[name].chart, options?.selected ?? []);
    };
    bars("districts", data.districts, {
      selected: state.districts,
      onSelect: select("districts"),
      label: state.measure === "people" ? t.measurePeople : t.measureContacts
    });
    if (state.area === "county") bars("counties", data.counties, {label: t.measurePeople});
    area.value = state.area;
    bars("ageGroups", data.ageGroups, {
      selected: state.ageGroups,
      onSelect: select("ageGroups"),
      order: dimensionValues.age_group
    });
    bars("services", data.services, {
      selected: state.services,
      onSelect: select("services"),
      order: dimensionValues.service
    });
    bars("channels", data.channels, {order: dimensionValues.channel});
    if (changed("table", data.view)) {
      const shown = table.firstElementChild as HTMLElement | null;
      if (shown) updateViewTable(shown, data.view, {lang, districtNames});
      else table.replaceChildren(ViewTable(data.view, {lang, districtNames}));
    }
    for (const input of measure.querySelectorAll("input")) input.checked = input.value === state.measure;
    // The chips, made only when they change, and with the DOM's own calls rather than parsed from HTML.
    const shownChips = filterChips(state).map(({key, value}) => ({key, value, label: chipLabel(key, value)}));
    if (changed("chips", lang, shownChips))
      chips.replaceChildren(
        ...shownChips.map(({key, value, label}) => {
          const chip = document.createElement("span");
          chip.className = "chip";
          chip.dataset.chip = key;
          const remove = document.createElement("button");
          remove.type = "button";
          remove.dataset.key = key;
          if (value !== undefined) remove.dataset.value = value;
          remove.setAttribute("aria-label", `${t.remove}: ${label}`);
          remove.textContent = "×";
          chip.append(label, remove);
          return chip;
        }),
        shownChips.length
          ? html`<button type="button" class="chip-clear" data-clear>${t.clearAll}</button>`
          : html`<span class="explore-note">${t.noFilters}</span>`
      );
  }

  async function apply(next: ExploreState, {push = true} = {}): Promise<void> {
    const sqlChanged = next.sql !== state.sql;
    state = next;
    if (push) pushLater(url(state));
    const started = performance.now();
    // Every chart's rows from the tables in the page (chartsInMemory.ts: what chartsQuery gives, without
    // a round trip to DuckDB's worker); people by district and by age come from figures.ts, not from a
    // sum over the district-by-age table.
    const answer = chartsAnswer(chartTables, state);
    // Measures for test/bench/exploreLatency.ts: how long answering took.
    performance.measure("explore-query charts", {start: started});
    data = {
      ...answer,
      districts: inLanguage("districts", answer.districts),
      services: inLanguage("services", answer.services),
      channels: inLanguage("channels", answer.channels)
    } as ViewData;
    const ages = state.ageGroups.length ? state.ageGroups : undefined;
    const districts = state.districts.length ? state.districts : undefined;
    if (state.measure === "people") data.districts = peopleBars("hospital_district", {age_group: ages});
    // The whole export by county: people_by_county has no other dimension for a filter to narrow.
    data.counties = state.area === "county" ? peopleBars("wellbeing_services_county", {}) : [];
    data.ageGroups = peopleBars("age_group", {hospital_district: districts});
    const cells = (published.tables.people_by_district_age ?? []) as unknown as PeopleCell[];
    data.view = viewRows(cells, data.viewContacts, state, shortNames).map((row) => {
      const f = figure(published, "people", {hospital_district: [row.hospital_district], age_group: ages});
      return {...row, people: f.value, people_hidden_cells: f.exact ? 0 : f.hidden, people_figure: f};
    });
    // Measures for test/bench/exploreLatency.ts: where the time between a change and a redraw goes.
    performance.measure("explore-queries", {start: started});
    const drawn = performance.now();
    draw();
    performance.measure("explore-draw", {start: drawn});
    // Back and forward put the link's SQL in the editor; like a shared link, it runs only on Run.
    if (sqlChanged) sqlConsole.show(state.sql);
  }

  addEventListener("popstate", () => {
    // Back or forward within a few ms of a change: the page shows the entry gone to, and the change is dropped.
    unpushed = [];
    void apply(decodeState(location.search), {push: false});
  });
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastWidth = 0;
  new ResizeObserver(([entry]) => {
    if (!entry || Math.abs(entry.contentRect.width - lastWidth) < 8) return;
    lastWidth = entry.contentRect.width;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => draw({force: true}), 100);
  }).observe(element);

  // The first draw.
  await apply(state, {push: false});
  return {element, apply, state: () => state};
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

function url(state: ExploreState): string {
  const search = encodeState(state);
  return location.pathname + (search ? `?${search}` : "") + location.hash;
}

/**
 * The view by district, sorted by district name in the language's alphabetical order: counts formatted,
 * sums that leave out suppressed cells marked "+", and a hidden district total as its provable range
 * ("1 180–1 224", as on the report pages).
 */
export function ViewTable(
  rows: ShownViewRow[],
  {lang = "en" as Language, districtNames = new Map<string, string>()} = {}
): HTMLElement {
  const t = strings[lang].explore;
  // Focusable, so a keyboard can scroll it (axe: scrollable-region-focusable).
  const element = html`<div class="table-scroll" tabindex="0" role="region" aria-label=${t.table}>
    <table class="view-table">
      <thead>
        <tr>
          ${viewColumns.map(({name}) => html`<th>${t.columns[name] ?? name}</th>`)}
        </tr>
      </thead>
      <tbody></tbody>
    </table>
  </div>` as HTMLElement;
  updateViewTable(element, rows, {lang, districtNames});
  return element;
}

// The rows a table shows, by what they show: a row whose figures did not change is kept as it is.
const shownRows = new WeakMap<Element, Map<string, HTMLTableRowElement>>();

/**
 * Shows *rows* in a table ViewTable made, in place: rows whose figures are unchanged stay (moved if
 * the order changed), and only the others are made anew. Rebuilding the whole table from HTML at every
 * filter change cost a few ms of the 50 (issue 15). The table is then what ViewTable makes from *rows*.
 */
export function updateViewTable(
  element: HTMLElement,
  rows: ShownViewRow[],
  {lang = "en" as Language, districtNames = new Map<string, string>()} = {}
): void {
  const tbody = element.querySelector("tbody");
  if (!tbody) throw new Error("invalid ViewTable: it has no <tbody>");
  const name = (row: ViewRow) => districtNames.get(row.hospital_district) ?? row.district_name ?? "";
  const sorted = [...rows].sort((a, b) => compareNames(name(a), name(b), {lang}));
  const before = shownRows.get(tbody) ?? new Map<string, HTMLTableRowElement>();
  const after = new Map<string, HTMLTableRowElement>();
  const trs = sorted.map((row) => {
    const shown = JSON.stringify([lang, name(row), row]);
    const tr = before.get(shown) ?? viewRow(row, name(row), lang);
    after.set(shown, tr);
    return tr;
  });
  shownRows.set(tbody, after);
  // Fewest moves: each row goes where it belongs, and what is left over goes.
  trs.forEach((tr, i) => {
    if (tbody.children[i] !== tr) tbody.insertBefore(tr, tbody.children[i] ?? null);
  });
  while (tbody.children.length > trs.length) tbody.lastElementChild!.remove();
}

function viewRow(row: ShownViewRow, name: string, lang: Language): HTMLTableRowElement {
  const cell = (text: string, className?: string) => {
    const td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text;
    return td;
  };
  const count = (value: number | null, hidden: number | null, f?: FigureMark) =>
    markFigure(
      cell(
        f?.range ? formatFigure(f, {lang}) : `${formatCount(value, {lang})}${value !== null && hidden ? "+" : ""}`,
        value === null ? "number suppressed" : "number"
      ),
      f
    );
  const tr = document.createElement("tr");
  tr.setAttribute("data-district", row.hospital_district);
  tr.append(
    cell(row.hospital_district),
    cell(name),
    count(row.people, row.people_hidden_cells, row.people_figure),
    cell(String(row.people_hidden_cells ?? ""), "number"),
    count(row.contacts, row.contacts_hidden_cells),
    cell(String(row.contacts_hidden_cells ?? ""), "number")
  );
  return tr;
}
