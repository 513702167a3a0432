// Detectors for direct identifiers in an export: the loader refuses an export whose cells or extra columns
// carry them. Cell detectors verify what they find (check character, calendar date, numbering plan,
// IBAN checksum), so that the counts, dates and keys of format v1 do not trip them; the DuckDB prefilter
// (identifierPatterns.ts) narrows millions of cells to the few worth verifying here.
import {FinnishSSN} from "finnish-ssn";
import {getCountrySpecifications, isValidIBAN} from "ibantools";
import {parsePhoneNumberFromString} from "libphonenumber-js/max";
import {SPACE_JS, type IdentifierKind} from "./identifierPatterns.js";

export {
  columnNameSuggestsIdentifier,
  IDENTIFIER_CANDIDATE_PATTERN,
  identifierKindLabel,
  type IdentifierKind
} from "./identifierPatterns.js";

/** Every kind of identifier found anywhere in *text*, verified, each kind once. */
export function findIdentifierKinds(text: string): IdentifierKind[] {
  const kinds: IdentifierKind[] = [];
  if (hasPersonalIdentityCode(text)) kinds.push("personal_identity_code");
  if (EMAIL.test(text)) kinds.push("email");
  if (hasFinnishPhoneNumber(text)) kinds.push("phone");
  if (hasIban(text)) kinds.push("iban");
  return kinds;
}

// Personal identity code (henkilötunnus): DDMMYY, century sign, individual number, check character. Glued
// to a word before it (hetu131052-308T, p131052-308T) it is still one; not inside a longer run of digits
// or followed by a letter or digit, where it is part of some other code.
const PERSONAL_IDENTITY_CODE = /(?<!\p{N})\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\p{L}\p{N}])/giu;

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
  const sign = code.charAt(6);
  const outsideLibraryRange = (sign === "+" && year < 50) || (/^[A-F]$/.test(sign) && year >= 30);
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

// A number glued to a word (puh0401234567, tel358401234567), or in international form without its +
// (358401234567): at least eight digits after the trunk 0 or 358, so that a letter and a short run of
// digits (the keys p00012345 of a synthetic export) are not taken for one. Checked as +358 and the rest.
const GLUED_OR_BARE_PHONE = new RegExp(
  `(?:(?<=\\p{L})(?:(?:\\+|00)?358|0)|(?<![\\p{L}\\p{N}+-]|\\p{N}[${SPACE_JS}/.])358)((?:${PHONE_SEPARATOR}?\\d){8,12})(?![\\p{L}\\p{N}])`,
  "gu"
);

function hasFinnishPhoneNumber(text: string): boolean {
  for (const match of text.matchAll(GLUED_OR_BARE_PHONE)) {
    if (isFinnishPhoneNumber(`+358 ${match[1]}`)) return true;
  }
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
      if (ALPHANUMERIC.test(candidate.charAt(i))) iban += candidate.charAt(i);
    }
    const next = text[match.index + i];
    if (iban.length === length && !(next && ALPHANUMERIC.test(next)) && isValidIBAN(iban)) return true;
  }
  return false;
}
