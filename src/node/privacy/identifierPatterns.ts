// What can be told about identifiers without verifying them: the kinds, the DuckDB prefilter that
// narrows millions of cells to the few worth verifying (in identifiers.ts, whose checksum and numbering
// libraries are loaded only when some cell needs them), and the column names that suggest identifiers.
import {DATA_CATEGORIES, exportTables, normalisedColumns} from "../../lib/schema.js";

export type IdentifierKind = "personal_identity_code" | "email" | "phone" | "iban";

export const identifierKindLabel: Record<IdentifierKind, string> = {
  personal_identity_code: "Finnish personal identity code",
  email: "e-mail address",
  phone: "Finnish phone number",
  iban: "IBAN"
};

// Spaces between the digit groups of phone numbers and IBANs: word processors often put no-break spaces there.
export const SPACE_JS = " \\u00A0";
const SPACE_RE2 = " \\x{00A0}";

/**
 * An RE2 regular expression (DuckDB `regexp_matches`) that matches every text findIdentifierKinds flags,
 * and few others: no plain integer, ISO or Finnish date, ISO timestamp, district code or format enum value.
 * Each alternative is the matching JS pattern below with its look-arounds dropped or loosened (RE2 has none),
 * so it can only be looser. Inline it as a string literal rather than bind it: DuckDB compiles a bound
 * pattern once per vector.
 */
export const IDENTIFIER_CANDIDATE_PATTERN = [
  "(?:^|[^\\pN])\\d{6}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Za-z]",
  "[\\pL\\pN._%+-]@[\\pL\\pN-]+\\.",
  `(?:^|[^\\pL\\pN+-])(?:(?:\\+|00) ?358|\\(?0[${SPACE_RE2}/()-]{0,2}[1-9](?:[${SPACE_RE2}/()-]{0,2}\\d){5})`,
  // A number glued to a word (puh0401234567), or in international form without its + (358401234567).
  `\\pL(?:(?:\\+|00)?358|0)(?:[${SPACE_RE2}/-]?\\d){8}`,
  `(?:^|[^\\pN+-])358(?:[${SPACE_RE2}/-]?\\d){8}`,
  `(?:^|[^\\pL\\pN])[A-Za-z]{2}\\d{2}(?:[${SPACE_RE2}]?[A-Za-z0-9]){11}`
].join("|");

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
  /^syntyma|^syntynyt/,
  // Issue 13: Swedish and Finnish short forms, and phone words with a number suffix.
  /^(?:pnr|personnr|persnr|hetunro|sotunro|idnr|idnummer)$/,
  /^(?:tele?fon|tel|mobil|mobile|mobiltelefon|cell|cellphone|puh|gsm|handy)(?:nummer|number|nr|nro|no|num)$/,
  /^(?:gatuadress|postadress|hemadress|epostadress|postort|postinro|postitmp|kotiosoite|streetaddress)$/,
  /^(?:fodelsedag|fodelsedatum|fodd|fodelsear)$/
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
