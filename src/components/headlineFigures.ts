import {figure, formatFigure, type Figure, type Quantity} from "../lib/figures.js";
import {formatCount, formatDate, formatRate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import type {Baseline, Peak} from "../lib/transforms.js";
import type {Headline} from "./exportBadge.js";
import {markFigure} from "./marks.js";

/** The national headline figures as a row of cards; a suppressed figure reads "hidden". */
export function HeadlineFigures(
  headline: Headline,
  {peak, baseline, lang = "en"}: {peak: Peak | undefined; baseline: Baseline; lang?: Language}
): HTMLElement {
  const text = strings[lang].headline;
  const count = (value: number | null) => formatCount(value, {lang});
  // Asked of figures.ts like every other page's figures, so a hidden headline total reads as one.
  const published = {headline: headline as unknown as Record<string, number | null>, tables: {}};
  const ask = (quantity: Quantity) => figure(published, quantity);
  const tiles: [label: string, value: string, note: string, figure?: Figure][] = [
    [text.people, formatFigure(ask("people"), {lang}), text.peopleNote, ask("people")],
    [
      text.recordsPublished,
      formatFigure(ask("records_published"), {lang}),
      text.recordsNote(count(headline.records)),
      ask("records_published")
    ],
    [text.emailed, formatFigure(ask("people_emailed"), {lang}), text.emailedNote, ask("people_emailed")],
    [text.reported, formatFigure(ask("people_reported"), {lang}), text.reportedNote, ask("people_reported")],
    [
      text.crisis,
      peak ? text.crisisValue(formatRate(peak.ratio, {digits: 1, lang})) : strings[lang].suppressed,
      peak ? text.crisisNote(formatDate(peak.week, {lang}), formatCount(Math.round(baseline.mean), {lang})) : ""
    ]
  ];
  const list = document.createElement("dl");
  list.className = "vuoto-headline";
  for (const [label, value, note, shown] of tiles) {
    const card = document.createElement("div");
    card.className = "card vuoto-headline-card";
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    // A value in words ("1,6-kertainen", "1,6 gånger") is set smaller, so it keeps to one line in a
    // narrow card instead of breaking inside the word.
    dd.className = value.length > 8 ? "big long" : "big";
    dd.textContent = value;
    markFigure(dd, shown);
    const small = document.createElement("dd");
    small.className = "vuoto-headline-note";
    small.textContent = note;
    card.append(dt, dd, small);
    list.append(card);
  }
  return list;
}
