import {formatDate} from "../lib/format.js";
import type {HeadlineCounts} from "../lib/publishedTables.js";
import {citationBibtex, citationText, releaseVersion} from "../lib/release.js";
import {strings, type Language} from "../lib/strings.js";

export interface ExportManifest {
  export_id: string;
  produced_at?: string;
  period_start?: string;
  period_end?: string;
  [field: string]: unknown;
}

/** headline.json: national totals (null when suppressed) and the public part of the export's manifest. */
export interface Headline extends HeadlineCounts {
  threshold: number;
  /** How the counts were protected: "suppress" (absent in releases made before the rounding policy) or "round5". */
  policy?: "suppress" | "round5";
  synthetic: boolean;
  export: ExportManifest;
}

/** A day in the language's date format from an ISO date or timestamp (its Helsinki date is its first ten characters). */
export function isoDay(value: unknown, lang: Language = "fi"): string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)
    ? formatDate(new Date(`${value.slice(0, 10)}T00:00:00Z`), {lang})
    : "–";
}

/** Which export the page was built from, and the synthetic-data notice when it applies. */
export function ExportBadge(headline: Headline, {lang = "en" as Language} = {}): HTMLElement {
  const text = strings[lang];
  const {export: manifest} = headline;
  const aside = document.createElement("aside");
  aside.className = "vuoto-export";
  aside.setAttribute("aria-label", text.builtFrom);
  if (headline.synthetic) {
    const notice = document.createElement("p");
    notice.className = "vuoto-synthetic";
    notice.setAttribute("role", "note");
    notice.textContent = text.syntheticNotice;
    aside.append(notice);
  }
  const line = document.createElement("p");
  line.className = "vuoto-export-line";
  const label = document.createElement("strong");
  label.textContent = `${text.builtFrom}: `;
  const period = `${isoDay(manifest.period_start, lang)}–${isoDay(manifest.period_end, lang)}`;
  line.append(label, text.exportLine(manifest.export_id, isoDay(manifest.produced_at, lang), period));
  aside.append(line, CiteThis(headline, {lang}));
  return aside;
}

/** The release's version and how to cite the page, as plain text and BibTeX. */
export function CiteThis(headline: Headline, {lang = "en" as Language} = {}): HTMLElement {
  const text = strings[lang];
  const release = releaseVersion(
    headline.export.content_hash as string | undefined,
    headline.threshold,
    headline.policy
  );
  const produced = headline.export.produced_at;
  const citation = {
    title: text.print.title,
    release,
    exportId: headline.export.export_id,
    year: typeof produced === "string" && /^\d{4}/.test(produced) ? produced.slice(0, 4) : null,
    url: location.href.replace(/[?#].*$/, "")
  };
  const details = document.createElement("details");
  details.className = "vuoto-cite";
  const summary = document.createElement("summary");
  summary.textContent = `${text.print.releaseLabel} ${release} · ${text.citeThis}`;
  const plain = document.createElement("p");
  plain.textContent = citationText(citation, text.print.releaseLabel, text.print.exportLabel);
  const bibtex = document.createElement("pre");
  bibtex.textContent = citationBibtex(citation);
  details.append(summary, plain, bibtex);
  return details;
}
