import {formatCount} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import {DataTable} from "./marks.js";
import type {ExportManifest} from "./exportBadge.js";

/** The whole public manifest of the export, field by field (file lists as name and checksum). */
export function ManifestTable(manifest: ExportManifest, {lang = "en" as Language} = {}): HTMLTableElement {
  const text = strings[lang];
  const show = (value: unknown): string =>
    Array.isArray(value)
      ? value.length
        ? value
            .map((item) => (typeof item === "object" && item ? Object.values(item).join(" ") : String(item)))
            .join("; ")
        : "–"
      : value == null || value === ""
        ? "–"
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  return DataTable(Object.entries(manifest), [
    {label: text.methods.manifestField, value: ([key]) => text.exportFields[key] ?? key},
    {label: text.methods.manifestValue, value: ([, value]) => show(value)}
  ]);
}

export interface Audit {
  threshold: number;
  tables?: Record<string, {cells?: number; suppressed?: number; [key: string]: unknown}>;
  [key: string]: unknown;
}

/** The suppression audit: cells and hidden cells per published table. */
export function AuditTable(audit: Audit, {lang = "en" as Language} = {}): HTMLElement {
  const text = strings[lang].methods;
  const tables = Object.entries(audit.tables ?? {});
  if (!tables.length) {
    const p = document.createElement("p");
    p.textContent = text.auditNone;
    return p;
  }
  return DataTable(tables, [
    {label: text.auditTable, value: ([name]) => name},
    {label: text.auditCells, value: ([, t]) => formatCount(t.cells ?? null, {lang}), numeric: true},
    {label: text.auditSuppressed, value: ([, t]) => formatCount(t.suppressed ?? null, {lang}), numeric: true}
  ]);
}

/** Term–definition pairs as a description list. */
export function Definitions(pairs: readonly [string, string][]): HTMLDListElement {
  const dl = document.createElement("dl");
  dl.className = "vuoto-definitions";
  for (const [term, definition] of pairs) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = definition;
    dl.append(dt, dd);
  }
  return dl;
}

/** Sentences as a bulleted list. */
export function BulletList(items: readonly string[]): HTMLUListElement {
  const ul = document.createElement("ul");
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = item;
    ul.append(li);
  }
  return ul;
}

/** A heading and a paragraph, for a section a page shows only sometimes (the synthetic notice). */
export function Section(heading: string, paragraph: string): HTMLElement {
  const section = document.createElement("section");
  const h2 = document.createElement("h2");
  h2.textContent = heading;
  const p = document.createElement("p");
  p.textContent = paragraph;
  section.append(h2, p);
  return section;
}
