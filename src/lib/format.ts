// Numbers, dates and plurals for each language, all through Intl: fi-FI and sv-FI write 33 000 (a
// no-break space), 1,5 and −3 (the Unicode minus) and 24.10.2020; en-GB writes 33,000, 1.5, −3 and
// 24/10/2020. Every chart axis, table and text formats through here, so a page uses one number format
// and one date format. Dates in published tables are local (Europe/Helsinki) calendar dates stored as
// UTC midnight, so they are formatted in UTC to keep the same day. Downloads do not use this module:
// they stay machine-readable (exportFiles.ts).
import {DEFAULT_LANGUAGE, LOCALES} from "./languages.js";
import {strings, type Language, type Plural} from "./strings.js";

interface LangOption {
  lang?: Language;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
  return format;
}

// en-GB writes a hyphen-minus; every language gets the Unicode minus sign, which lines up with "+".
const withMinus = (text: string) => text.replace(/-/g, "\u2212");

/** A number as the language writes it, with at most *digits* decimals (33 000; 1,5). */
export function formatNumber(
  value: number,
  {digits = 0, lang = DEFAULT_LANGUAGE}: LangOption & {digits?: number} = {}
): string {
  return withMinus(numberFormat(lang, {maximumFractionDigits: digits}).format(value));
}

/** A count, or the word for a suppressed value when it is null. */
export function formatCount(value: number | null | undefined, {lang = DEFAULT_LANGUAGE}: LangOption = {}): string {
  return value == null ? strings[lang].suppressed : withMinus(numberFormat(lang).format(value));
}

/** A rate such as "per 100 000 residents", with exactly *digits* decimals. */
export function formatRate(
  value: number | null | undefined,
  {digits = 1, lang = DEFAULT_LANGUAGE}: LangOption & {digits?: number} = {}
): string {
  return value == null
    ? strings[lang].suppressed
    : withMinus(numberFormat(lang, {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(value));
}

/** A share of a whole (0.12 → "12 %" in Finnish and Swedish, "12%" in English), with *digits* decimals. */
export function formatPercent(
  value: number | null | undefined,
  {digits = 0, lang = DEFAULT_LANGUAGE}: LangOption & {digits?: number} = {}
): string {
  return value == null || !Number.isFinite(value)
    ? strings[lang].suppressed
    : withMinus(
        numberFormat(lang, {style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits}).format(
          value
        )
      );
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar date: 24.10.2020 in Finnish and Swedish, 24/10/2020 in English. */
export function formatDate(date: Date, {lang = DEFAULT_LANGUAGE}: LangOption = {}): string {
  let format = dateFormats.get(lang);
  if (!format)
    dateFormats.set(
      lang,
      (format = new Intl.DateTimeFormat(LOCALES[lang], {
        timeZone: "UTC",
        day: "numeric",
        month: "numeric",
        year: "numeric"
      }))
    );
  return format.format(date);
}

/** The ISO 8601 week of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: Date): {year: number; week: number} {
  const day = 86_400_000;
  const monday = (d: Date) => (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + (3 - monday(date)) * day;
  const year = new Date(thursday).getUTCFullYear();
  const january4 = new Date(Date.UTC(year, 0, 4));
  const firstThursday = +january4 + (3 - monday(january4)) * day;
  return {year, week: 1 + Math.round((thursday - firstThursday) / (7 * day))};
}

/** An ISO week as the language names it: "vko 43/2020", "v. 43/2020", "week 43 of 2020". */
export function formatIsoWeek(date: Date, {lang = DEFAULT_LANGUAGE}: LangOption = {}): string {
  const {year, week} = isoWeek(date);
  return fillTemplate(strings[lang].isoWeek, {week: String(week), year: String(year)});
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The form of *forms* that the language uses for *count* (1 rivi, 2 riviä). */
export function plural(count: number, forms: Plural, {lang = DEFAULT_LANGUAGE}: LangOption = {}): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  return rules.select(count) === "one" ? forms.one : forms.other;
}

/** Fills {name} placeholders of a translated template. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const collators = new Map<Language, Intl.Collator>();

/** Compares names in the language's alphabetical order (Å, Ä, Ö after Z in Finnish and Swedish). */
export function compareNames(a: string, b: string, {lang = DEFAULT_LANGUAGE}: LangOption = {}): number {
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(LOCALES[lang])));
  return collator.compare(a, b);
}

/**
 * A crisis period as it is published: a week by its Monday (D.M.YYYY), a month by name ("November
 * 2020"), so that a monthly district's peak does not read as a day. A published month is the ISO weeks
 * whose Thursday falls in it, so it may start in the month before: its middle names it.
 */
export function formatPeriod(period: {start: Date; end: Date}, grain: string, {lang = "en" as Language} = {}): string {
  if (grain !== "month") return formatDate(period.start, {lang});
  const middle = new Date((+period.start + +period.end) / 2);
  return new Intl.DateTimeFormat(LOCALES[lang], {month: "long", year: "numeric", timeZone: "UTC"}).format(middle);
}
