// Number and date formats as Finnish readers expect them (33 000; 21.10.2020), and the one way a
// suppressed count is written. Dates in published tables are local (Europe/Helsinki) calendar dates
// stored as UTC midnight, so they are formatted in UTC to keep the same day.
import {strings, type Language} from "./strings.js";

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const locales: Record<Language, string> = {en: "fi-FI", fi: "fi-FI", sv: "sv-FI"};

/** A count, or the word for a suppressed value when it is null. Finnish grouping: 33 000. */
export function formatCount(value: number | null | undefined, {lang = "en" as Language} = {}): string {
  return value == null ? strings[lang].suppressed : numberFormat(locales[lang]).format(value);
}

/** A rate such as "per 100 000 residents", with *digits* decimals (Finnish decimal comma). */
export function formatRate(value: number | null | undefined, {digits = 1, lang = "en" as Language} = {}): string {
  return value == null
    ? strings[lang].suppressed
    : numberFormat(locales[lang], {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(value);
}

/** A calendar date as D.M.YYYY. */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
}

/** A share of a whole (0.12 → "12 %"), Finnish style, with *digits* decimals. */
export function formatPercent(value: number | null | undefined, {digits = 0, lang = "en" as Language} = {}): string {
  return value == null || !Number.isFinite(value)
    ? strings[lang].suppressed
    : numberFormat(locales[lang], {
        style: "percent",
        minimumFractionDigits: digits,
        maximumFractionDigits: digits
      }).format(value);
}

/** A month as M/YYYY (10/2020), for axes too narrow for whole dates. */
export function formatMonth(date: Date): string {
  return `${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
}

/**
 * A crisis period as it is published: a week by its Monday (D.M.YYYY), a month by name ("November
 * 2020"), so that a monthly district's peak does not read as a day. A published month is the ISO weeks
 * whose Thursday falls in it, so it may start in the month before: its middle names it.
 */
export function formatPeriod(period: {start: Date; end: Date}, grain: string, {lang = "en" as Language} = {}): string {
  if (grain !== "month") return formatDate(period.start);
  const middle = new Date((+period.start + +period.end) / 2);
  // Numbers are written the Finnish way in every language, but an English month keeps its English name.
  const locale = lang === "en" ? "en-GB" : locales[lang];
  return new Intl.DateTimeFormat(locale, {month: "long", year: "numeric", timeZone: "UTC"}).format(middle);
}
