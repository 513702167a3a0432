// A release is one build of the published tables: the export's content plus the settings that decided
// what is hidden. Its version names both, so two builds with the same version publish the same figures.

/** The version of the disclosure rules (primary suppression below the threshold, then complementary). */
export const SUPPRESSION_POLICY = "p1";

/**
 * "82761e9c347d-t5-p1": the export's content hash (12 hex digits), the threshold and the policy; a
 * release built with the rounding policy (headline.json's `policy`) is "82761e9c347d-round5".
 */
export function releaseVersion(contentHash: string | null | undefined, threshold: number, policy?: unknown): string {
  const hash = /^[0-9a-f]{12,}$/i.test(contentHash ?? "") ? contentHash!.slice(0, 12).toLowerCase() : "unhashed";
  return policy === "round5" ? `${hash}-round5` : `${hash}-t${threshold}-${SUPPRESSION_POLICY}`;
}

export interface Citation {
  /** The report's title in the page's language. */
  title: string;
  release: string;
  exportId: string;
  /** The year the export was produced (YYYY), or null when the manifest does not say. */
  year: string | null;
  /** The address the report is read at. */
  url: string;
}

/** "Vuoto (2021). The Vastaamo data breach: impact report. Release …, export …. https://…" */
export function citationText(c: Citation, releaseLabel: string, exportLabel: string): string {
  return `Vuoto (${c.year ?? "n.d."}). ${c.title}. ${releaseLabel} ${c.release}, ${exportLabel.toLowerCase()} ${c.exportId}. ${c.url}`;
}

// BibTeX needs its special characters escaped, or a title with "&" or "%" breaks the entry.
const bibtex = (text: string) => text.replace(/([&%$#_{}])/g, "\\$1");

export function citationBibtex(c: Citation): string {
  const key = `vuoto-${c.release.replace(/[^a-z0-9-]/gi, "")}`;
  return [
    `@misc{${key},`,
    `  author = {{Vuoto}},`,
    `  title = {${bibtex(c.title)}},`,
    `  year = {${c.year ?? ""}},`,
    `  version = {${bibtex(c.release)}},`,
    `  note = {Export ${bibtex(c.exportId)}},`,
    `  url = {${c.url}}`,
    `}`
  ].join("\n");
}
