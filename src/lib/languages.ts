// The report's languages and pages, and where each page lives in each language: /fi/affected,
// /sv/affected, /en/affected. Finnish is the default: the site's root leads to /fi/.
import type {Language} from "./strings.js";

export const LANGUAGES: readonly Language[] = ["fi", "sv", "en"];
export const DEFAULT_LANGUAGE: Language = "fi";

/** The Intl locale of each language: Finnish and Swedish as written in Finland, British English. */
export const LOCALES: Record<Language, string> = {fi: "fi-FI", sv: "sv-FI", en: "en-GB"};

/** Each language's name in that language: what the language switch shows (an endonym, never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = {fi: "Suomi", sv: "Svenska", en: "English"};

export type PageKey = "overview" | "affected" | "timeline" | "crisis" | "explore" | "methods";

export interface SitePage {
  key: PageKey;
  /** The page's file under src/[lang]/ without ".md"; "" for the overview (index.md). */
  slug: string;
  /** Part of the printed report (`npm run pdf`); the explorer is for interaction only. */
  report: boolean;
}

/** The pages in navigation order (a tuple, so the overview at [0] is known to be there). */
export const SITE_PAGES = [
  {key: "overview", slug: "", report: true},
  {key: "affected", slug: "affected", report: true},
  {key: "timeline", slug: "timeline", report: true},
  {key: "crisis", slug: "crisis", report: true},
  {key: "explore", slug: "explore", report: false},
  {key: "methods", slug: "methods", report: true}
] as const satisfies readonly SitePage[];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The URL path of a page in a language: "/fi/" for the Finnish overview, "/sv/affected", … */
export function pagePath(lang: Language, slug: string): string {
  return `/${lang}/${slug}`;
}

/**
 * The language and page of a site path, as Framework names it ("/sv/index", "/sv/", "/sv/affected",
 * "/sv/affected.html"); null for a path outside the language folders.
 */
export function parsePagePath(path: string): {lang: Language; page: SitePage} | null {
  const [, lang, rest = "", ...more] = path.split("/");
  if (!isLanguage(lang) || more.length) return null;
  const slug = rest.replace(/\.html$/, "").replace(/^index$/, "");
  const page = SITE_PAGES.find((candidate) => candidate.slug === slug);
  return page ? {lang, page} : null;
}
