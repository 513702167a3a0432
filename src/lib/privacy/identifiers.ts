// Detectors for direct identifiers in an export: the loader refuses an export whose cells or extra columns
// carry them. Cell detectors verify what they find (check character, calendar date, numbering plan,
// IBAN checksum), so that the counts, dates and keys of format v1 do not trip them; the DuckDB pattern
// below is a loose prefilter that narrows millions of cells to the few worth verifying here.
import {FinnishSSN} from "finnish-ssn";
import {getCountrySpecifications, isValidIBAN} from "ibantools";
import {parsePhoneNumberFromString} from "libphonenumber-js/max";
import {DATA_CATEGORIES, exportTables, normalisedColumns} from "../schema.js";

export type IdentifierKind = "personal_identity_code" | "email" | "phone" | "iban";

export const identifierKindLabel: Record<IdentifierKind, string> = {
  personal_identity_code: "Finnish personal identity code",
  email: "e-mail address",
  phone: "Finnish phone number",
  iban: "IBAN"
};

/** Every kind of identifier found anywhere in *text*, verified, each kind once. */
export function findIdentifierKinds(text: string): IdentifierKind[] {
  const kinds: IdentifierKind[] = [];
  if (hasPersonalIdentityCode(text)) kinds.push("personal_identity_code");
  if (EMAIL.test(text)) kinds.push("email");
  if (hasFinnishPhoneNumber(text)) kinds.push("phone");
  if (hasIban(text)) kinds.push("iban");
  return kinds;
}

// Spaces between the digit groups of phone numbers and IBANs: word processors often put no-break spaces there.
const SPACE_JS = " \\u00A0";
const SPACE_RE2 = " \\x{00A0}";

/**
 * An RE2 regular expression (DuckDB `regexp_matches`) that matches every text findIdentifierKinds flags,
 * and few others: no plain integer, ISO or Finnish date, ISO timestamp, district code or format enum value.
 * Each alternative is the matching JS pattern below with its look-arounds dropped or loosened (RE2 has none),
 * so it can only be looser. Inline it as a string literal rather than bind it: DuckDB compiles a bound
 * pattern once per vector.
 */
export const IDENTIFIER_CANDIDATE_PATTERN = [
  "(?:^|[^\\pL\\pN])\\d{6}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Za-z]",
  "[\\pL\\pN._%+-]@[\\pL\\pN-]+\\.",
  `(?:^|[^\\pL\\pN+-])(?:(?:\\+|00) ?358|\\(?0[${SPACE_RE2}/()-]{0,2}[1-9](?:[${SPACE_RE2}/()-]{0,2}\\d){5})`,
  `(?:^|[^\\pL\\pN])[A-Za-z]{2}\\d{2}(?:[${SPACE_RE2}]?[A-Za-z0-9]){11}`
].join("|");

// Personal identity code (henkilötunnus): DDMMYY, century sign, individual number, check character. Not
// inside a longer run of letters and digits, where it is part of some other code.
const PERSONAL_IDENTITY_CODE = /(?<![\p{L}\p{N}])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\p{L}\p{N}])/giu;

function hasPersonalIdentityCode(text: string): boolean {
  for (const [code] of text.matchAll(PERSONAL_IDENTITY_CODE)) {
    if (isValidPersonalIdentityCode(code.toUpperCase())) return true;
  }
  return false;
}

// finnish-ssn 2.1.2 checks the date (leap years included) and the check character, and accepts every
// individual number 000–999 (so temporary 900–999), but its format check ties century signs to years:
// `+` only for 1850–1899 and A–F only for 2000–2029. The check character does not depend on the century,
// so a code it rejects for that reason alone is validated under a sign it accepts for a year with the same
// leap-year rule: 18yy and 20yy for yy ≥ 30 behave like 19yy (1800 and 1900 are both common years).
function isValidPersonalIdentityCode(code: string): boolean {
  if (FinnishSSN.validate(code)) return true;
  const year = Number(code.slice(4, 6));
  const sign = code[6];
  const outsideLibraryRange = (sign === "+" && year < 50) || ("ABCDEF".includes(sign) && year >= 30);
  return outsideLibraryRange && FinnishSSN.validate(`${code.slice(0, 6)}-${code.slice(7)}`);
}

// Pragmatic address: a local part, @, dot-separated labels and a top-level domain of letters.
const EMAIL = /[\p{L}\p{N}._%+-]@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/u;

// A phone candidate starts with +358 / 00358 or a national 0 and an area code (1–9…, possibly in parentheses;
// 00 is the international prefix, and ruling it out keeps zero-padded keys out of the prefilter), continues
// with digits, single separators between them, and may not run on into a letter or digit. It may not follow
// a letter, digit or hyphen (keys like p-0401234, dates like 2020-05-…), nor a digit and a space, slash or
// dot: then it is a later group of some longer number (an IBAN's groups, 12 050 123 456, 1.05 040…).
// Separators between digits; not dots, because dotted digit groups are Finnish dates (21.10.2020) and decimals.
const PHONE_SEPARATOR = `[${SPACE_JS}/-]`;
const FINNISH_PHONE_CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}+-]|\\p{N}[${SPACE_JS}/.])` +
    `(?:(?:\\+|00) ?358(?:${PHONE_SEPARATOR}?\\(0\\))?(?:${PHONE_SEPARATOR}?\\d){5,12}` +
    `|\\(0[1-9]\\d{0,2}\\)(?:${PHONE_SEPARATOR}?\\d){5,10}` +
    `|0${PHONE_SEPARATOR}?[1-9](?:${PHONE_SEPARATOR}?\\d){5,10})` +
    `(?![\\p{L}\\p{N}])`,
  "gu"
);
// Day, month and year groups: a date, even when the numbering plan would also accept it (05-10-2020).
const DATE_SHAPED = /^\d{1,2}([-/ ])\d{1,2}\1(?:\d{2}|19\d\d|20\d\d)$/;

function hasFinnishPhoneNumber(text: string): boolean {
  for (const [candidate] of text.matchAll(FINNISH_PHONE_CANDIDATE)) {
    // A greedy candidate may have taken the next number in a list ("040 123 4567 12 kpl"); try it, then
    // each shorter prefix that ends where a space does.
    for (let end = candidate.length; end > 0; end = lastSpaceBefore(candidate, end)) {
      if (isFinnishPhoneNumber(candidate.slice(0, end))) return true;
    }
  }
  return false;
}

function lastSpaceBefore(text: string, end: number): number {
  return Math.max(text.lastIndexOf(" ", end - 1), text.lastIndexOf("\u00A0", end - 1));
}

function isFinnishPhoneNumber(candidate: string): boolean {
  if (DATE_SHAPED.test(candidate)) return false;
  // The full metadata checks each number type's pattern; the default minimal one only checks lengths and
  // would accept most seven-digit runs.
  const number = parsePhoneNumberFromString(candidate, "FI");
  return number !== undefined && number.countryCallingCode === "358" && number.isValid();
}

// An IBAN starts with a country code and two check digits, then the BBAN, in groups or not.
const IBAN_CANDIDATE = new RegExp(`(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?:[${SPACE_JS}]?[A-Z0-9]){11,30}`, "giu");
const ALPHANUMERIC = /[\p{L}\p{N}]/u;

function hasIban(text: string): boolean {
  const countries = getCountrySpecifications();
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    const candidate = match[0].toUpperCase();
    const length = countries[candidate.slice(0, 2)]?.chars;
    if (!length) continue;
    // The candidate may run on into following words ("FI21 1234 5600 0007 85 EUR"), so take exactly the
    // country's length and require that it is not followed directly by another letter or digit.
    let iban = "";
    let i = 0;
    for (; i < candidate.length && iban.length < length; ++i) {
      if (ALPHANUMERIC.test(candidate[i])) iban += candidate[i];
    }
    const next = text[match.index + i];
    if (iban.length === length && !(next && ALPHANUMERIC.test(next)) && isValidIBAN(iban)) return true;
  }
  return false;
}

// The format's columns, and its data categories as they would be named in a wide export (one column per
// category, `identity_code` holding yes/no rather than codes).
const FORMAT_COLUMNS = new Set([
  ...DATA_CATEGORIES,
  ...exportTables.flatMap((table) => table.fields.map((field) => field.name)),
  ...Object.values(normalisedColumns).flatMap(Object.keys)
]);

// Words (after lowercasing, stripping diacritics and splitting on separators and camelCase) that name
// identifiers, in English, Finnish and Swedish. Each is matched against one word, or two adjacent words
// joined ("e-mail", "s-posti", "social security", "identity code").
const IDENTIFIER_WORDS: readonly RegExp[] = [
  /^(?:hetu|socialsecurity|personalid|nationalid|personbeteckning|personnummer)/,
  /henkilotunnus/,
  /^(?:ssn|sotu|identitycode|passport|passi|passinumero)$/,
  /^(?:e?mails?|emailaddress|sposti|epost)$/,
  /sahkoposti/,
  /^(?:phones?|telephone|tel|telefon|puh|gsm|mobile|mobiili|msisdn|kannykka)$/,
  /phone|puhelin/,
  /^(?:address|adress|street|zip|zipcode|postcode|postalcode|postnummer)$/,
  /osoite|postinumero|postitoimipaikka/,
  /^(?:iban|account|accounts|accountnumber|bankaccount|tilinumero|tili|kontonummer)$/,
  /^(?:birth|birthday|birthdate|birthplace|dob|dateofbirth|fodelsedatum)$/,
  /^syntyma|^syntynyt/
];
// Names of people; checked apart, because a district, service or file also has a name.
const PERSON_NAME_WORDS: readonly RegExp[] = [
  /^(?:first|last|sur|full|given|family|middle|maiden|nick|user|fore|patient|client|customer|person)?names?$/,
  /^(?:namn|initials)$/,
  /(?:nimi|nimet|namn)$/,
  /^nimikirjaimet$/
];
const NAMED_THINGS = [
  "district", "hospital", "region", "municipality", "service", "channel", "site", "file", "table", "column",
  "field", "event", "company", "organisation", "organization", "product", "kunta", "kunna", "piiri",
  "palvelu", "kanava", "sivusto", "tiedosto", "yritys", "yrityksen", "tuote", "sairaanhoitopiiri", "shp"
]; // prettier-ignore
// Words that make a column about identifiers rather than of them: counts, shares and flags.
const AGGREGATE_WORDS = new Set([
  "count", "counts", "cnt", "n", "lkm", "lukumaara", "maara", "total", "sum", "share", "pct", "percent",
  "percentage", "rate", "ratio", "has", "is", "missing", "known", "verified", "valid", "type", "kind",
  "category", "status", "sent", "length", "len", "flag"
]); // prettier-ignore

/**
 * True when a column name outside format v1 suggests the column holds identifiers: names of people,
 * identity codes, e-mail, phone, address, postal code, bank account, birth date. Case, diacritics and
 * separators do not matter (`Last_Name`, `e-mail`, `Puhelin nro`, `Sähköposti`). The format's own
 * columns are never flagged, nor columns that count or flag identifiers (`surname_count`,
 * `email_verified`) or name things other than people (`district_name`, `tiedostonimi`); their cells are
 * still scanned.
 */
export function columnNameSuggestsIdentifier(name: string): boolean {
  if (FORMAT_COLUMNS.has(name.trim().toLowerCase())) return false;
  const words = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== "");
  if (words.some((word) => AGGREGATE_WORDS.has(word))) return false;
  const candidates = [...words, ...words.slice(1).map((word, i) => words[i] + word)];
  const matches = (patterns: readonly RegExp[]) => candidates.some((word) => patterns.some((p) => p.test(word)));
  if (matches(IDENTIFIER_WORDS)) return true;
  return matches(PERSON_NAME_WORDS) && !words.some((word) => NAMED_THINGS.some((thing) => word.startsWith(thing)));
}
