import {formatCount} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import {DataTable} from "./marks.js";
import type {ExportManifest} from "./exportBadge.js";
import type {CountGroup} from "../lib/publishedCounts.js";
import type {ReleaseNotes} from "../lib/releaseNotes.js";

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

/** audit.json, as src/node/publish/audit.ts writes it. */
export interface Audit {
  threshold: number;
  tables?: Array<{name: string; rows?: number; cells?: number; suppressed?: number}>;
  headline?: {cells?: number; suppressed?: number};
  checks?: Array<{rule: string; description: string; passed: boolean}>;
}

/**
 * The suppression audit: rows, cells and hidden cells per published table (by name), the national
 * totals, then every check the audit passed and what it guarantees.
 */
export function AuditTable(audit: Audit, {lang = "en" as Language} = {}): HTMLElement {
  const text = strings[lang];
  const t = text.methods;
  const tables = Array.isArray(audit.tables) ? audit.tables : [];
  const wrapper = document.createElement("div");
  wrapper.className = "vuoto-audit";
  if (!tables.length) {
    const p = document.createElement("p");
    p.textContent = t.auditNone;
    wrapper.append(p);
  } else {
    const rows = audit.headline ? [...tables, {name: text.figures.auditHeadline, ...audit.headline}] : tables;
    const count = (value: number | undefined) => formatCount(value ?? null, {lang});
    wrapper.append(
      DataTable(rows, [
        {label: t.auditTable, value: (d) => d.name},
        {label: text.figures.auditRows, value: (d) => ("rows" in d ? count(d.rows) : "–"), numeric: true},
        {label: t.auditCells, value: (d) => count(d.cells), numeric: true},
        {label: t.auditSuppressed, value: (d) => count(d.suppressed), numeric: true}
      ])
    );
  }
  const checks = audit.checks ?? [];
  if (checks.length) {
    const heading = document.createElement("h4");
    heading.textContent = text.figures.auditChecksHeading;
    wrapper.append(
      heading,
      DataTable(checks, [
        // By the rule's id in the page's language: audit.json's descriptions are the engine's, in English.
        {
          label: text.figures.auditCheck,
          value: (c) => `${t.ruleNames[c.rule] ?? c.rule}: ${c.passed ? text.figures.auditPassed : "–"}`
        },
        {label: text.figures.auditRule, value: (c) => t.ruleDescriptions[c.rule] ?? c.rule}
      ])
    );
  }
  return wrapper;
}

/**
 * Every published count (publishedCounts.ts, grouped): the tables that publish it, what it counts and the rules that protect it;
 * a count of no people says why it needs no protection.
 */
export function PublishedCountsTable(counts: readonly CountGroup[], {lang = "en" as Language} = {}): HTMLElement {
  const t = strings[lang].methods;
  const wrapper = document.createElement("div");
  wrapper.className = "vuoto-counts";
  const rules = [...new Set(counts.flatMap((c) => c.protectedBy))];
  wrapper.append(
    DataTable(counts, [
      {label: t.countsColumns.measure, value: (c) => c.measure},
      {label: t.countsColumns.table, value: (c) => c.tables.join(", ")},
      {
        label: t.countsColumns.counts,
        value: (c) => [t.counted[c.counts] ?? c.counts, ...(c.partOf ? [t.partOf(c.partOf)] : [])].join("; ")
      },
      {
        label: t.countsColumns.rules,
        value: (c) =>
          c.protectedBy.length ? c.protectedBy.map((rule) => t.ruleNames[rule] ?? rule).join(", ") : t.noProtection
      }
    ]),
    // The rules named once, below the table, rather than spelt out in each of its rows.
    Definitions(rules.map((rule) => [t.ruleNames[rule] ?? rule, t.ruleDescriptions[rule] ?? rule]))
  );
  return wrapper;
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

/**
 * The release notes under their heading. With no earlier release there is nothing to compare: the page
 * says so, and the printed report leaves the section out (it filled a last page on its own).
 */
export function ReleaseNotesSection(
  data: {previous: string | null; notes: ReleaseNotes | null},
  {lang = "en" as Language} = {}
): HTMLElement {
  const section = document.createElement("section");
  if (!data.previous || !data.notes) section.className = "vuoto-no-print";
  const h2 = document.createElement("h2");
  h2.textContent = strings[lang].releaseNotes.heading;
  section.append(h2, ReleaseNotesList(data, {lang}));
  return section;
}

/** The release notes on the methods page: moved totals and cells that changed state, or why there are none. */
export function ReleaseNotesList(
  data: {previous: string | null; notes: ReleaseNotes | null},
  {lang = "en" as Language} = {}
): HTMLElement {
  const text = strings[lang].releaseNotes;
  const {previous, notes} = data;
  if (!previous || !notes) return Object.assign(document.createElement("p"), {textContent: text.none});
  const signed = (n: number) => (n > 0 ? "+" : "") + formatCount(n, {lang});
  const items = [
    ...notes.totals.map(({name, before, after, change}) =>
      text.total(text.totals[name] ?? name, formatCount(before, {lang}), formatCount(after, {lang}), signed(change))
    ),
    ...notes.cells.map(({table, row, column, became}) => text.cell(table, row, column, became === "hidden"))
  ];
  const section = document.createElement("div");
  const intro = document.createElement("p");
  intro.textContent = text.since(previous);
  section.append(
    intro,
    items.length ? BulletList(items) : Object.assign(document.createElement("p"), {textContent: text.noChange})
  );
  return section;
}
