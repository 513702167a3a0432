import {formatCount, formatDate, formatRate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import type {Baseline, Peak} from "../lib/transforms.js";
import type {Headline} from "./exportBadge.js";

/** The national headline figures as a row of cards; a suppressed figure reads "hidden". */
export function HeadlineFigures(
  headline: Headline,
  {peak, baseline, lang = "en"}: {peak: Peak | undefined; baseline: Baseline; lang?: Language}
): HTMLElement {
  const text = strings[lang].headline;
  const count = (value: number | null) => formatCount(value, {lang});
  const tiles: [label: string, value: string, note: string][] = [
    [text.people, count(headline.people), text.peopleNote],
    [text.recordsPublished, count(headline.records_published), text.recordsNote(count(headline.records))],
    [text.emailed, count(headline.people_emailed), text.emailedNote],
    [text.reported, count(headline.people_reported), text.reportedNote],
    [
      text.crisis,
      peak ? text.crisisValue(formatRate(peak.ratio, {digits: 1, lang})) : strings[lang].suppressed,
      peak ? text.crisisNote(formatDate(peak.week, {lang}), formatCount(Math.round(baseline.mean), {lang})) : ""
    ]
  ];
  const list = document.createElement("dl");
  list.className = "vuoto-headline";
  for (const [label, value, note] of tiles) {
    const card = document.createElement("div");
    card.className = "card vuoto-headline-card";
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.className = "big";
    dd.textContent = value;
    const small = document.createElement("dd");
    small.className = "vuoto-headline-note";
    small.textContent = note;
    card.append(dt, dd, small);
    list.append(card);
  }
  return list;
}
