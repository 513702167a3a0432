import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, queryOne, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {
  columnNameSuggestsIdentifier,
  findIdentifierKinds,
  IDENTIFIER_CANDIDATE_PATTERN,
  identifierKindLabel
} from "../../src/node/privacy/identifiers.js";
import {exportTables} from "../../src/lib/schema.js";
import {sql} from "../../src/lib/sql.js";

// The check character of a personal identity code, computed here from the rule (DVV): the nine digits of
// date and individual number, modulo 31, indexed into this alphabet (no G, I, O, Q, Z).
const CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
function identityCode(ddmmyy: string, sign: string, individual: string): string {
  return ddmmyy + sign + individual + CHECK_CHARACTERS[Number(ddmmyy + individual) % 31];
}
function withWrongCheckCharacter(code: string): string {
  const i = CHECK_CHARACTERS.indexOf(code[10]!);
  return code.slice(0, 10) + CHECK_CHARACTERS[(i + 1) % 31];
}

// Every century sign, with dates where finnish-ssn 2.1.2 alone would say no (1800–1849, 2030–2099).
const VALID_CODES = [
  "131052-308T", // the example in DVV's documentation
  identityCode("010120", "+", "123"),
  identityCode("311299", "+", "456"),
  identityCode("150675", "-", "002"),
  identityCode("290204", "Y", "321"), // leap day
  identityCode("010190", "X", "555"),
  identityCode("311260", "W", "777"),
  identityCode("020345", "V", "888"),
  identityCode("280201", "U", "246"),
  identityCode("290200", "A", "123"), // 2000 is a leap year
  identityCode("010105", "A", "999"), // temporary individual number
  identityCode("311210", "B", "900"),
  identityCode("150623", "C", "432"),
  identityCode("010135", "D", "111"),
  identityCode("300499", "E", "010"),
  identityCode("290248", "F", "950")
];

const PHONES = [
  "040 123 4567",
  "050-1234567",
  "09 1234 567",
  "+358401234567",
  "(09) 123 4567",
  "+358 40 123 4567",
  "+358 (0)40 123 4567",
  "00358 50 123 4567",
  "00 358 50 123 4567",
  "0451234567",
  "03 1234 5678",
  "040\u00A0123\u00A04567",
  "09/123 4567",
  "+358 18 12345" // Åland, numbered under +358
];

const IBANS = ["FI21 1234 5600 0007 85", "FI2112345600000785", "fi21 1234 5600 0007 85", "DE89 3704 0044 0532 0130 00"];

const EMAILS = ["a.b+c@example.fi", "matti.meikalainen@vastaamo.fi", "x@sub.example.co.uk", "äiti@esimerkki.fi"];

// Cells that appear in a format v1 export or look like it, and must never be flagged.
const NEGATIVES = [
  "",
  "0",
  "3000",
  "1234567",
  "10000000",
  "0-14",
  "65+",
  "03",
  "25",
  "unknown",
  "Päijät-Häme",
  "Helsingin ja Uudenmaan sairaanhoitopiiri",
  "Egentliga Finland",
  "2020-10-21",
  "2020-01-05",
  "21.10.2020",
  "01.10.2020",
  "05.10.2020",
  "05-10-2020",
  "05/10/2020",
  "1.2.2019",
  "2020-10-21T09:00:00+03:00",
  "2020-10-21T05:40:12.123+0300",
  "2020-10-21 05:40:12",
  "p-000123",
  "p-0001234",
  "p-00012345",
  "P7F3A9C2",
  "ev-2020-0001",
  "E20201021-0001",
  "123e4567-e89b-12d3-a456-426614174000",
  "00000000-0000-0000-0000-040123456789",
  "about 300 records",
  "contact|identity_code|therapy_notes",
  "tor_site",
  "crisis_helpline",
  "user@",
  "@",
  "@example.fi",
  "a@b",
  "FI21 1234 5600 0007 86", // wrong IBAN check digits
  "131052-308U", // wrong check character
  "310452-3087", // 31 April
  "290200-1239", // 29 February 1900
  "131052-308T5",
  "0401234567123", // too long for a phone number
  "0001234567",
  "1.05 040123",
  "p-0401234567",
  "12 050 123 456 euroa"
];

describe("personal identity codes", () => {
  test("a valid code of every century sign, temporary numbers and leap days included, is found", () => {
    expect(new Set(VALID_CODES.map((code) => code[6]))).toEqual(new Set("+-YXWVUABCDEF"));
    for (const code of VALID_CODES) expect(findIdentifierKinds(code), code).toEqual(["personal_identity_code"]);
  });

  test("a wrong check character or an impossible date is not", () => {
    for (const code of VALID_CODES) expect(findIdentifierKinds(withWrongCheckCharacter(code)), code).toEqual([]);
    expect(findIdentifierKinds(identityCode("310452", "-", "308"))).toEqual([]);
    expect(findIdentifierKinds(identityCode("290200", "-", "123"))).toEqual([]);
    expect(findIdentifierKinds(identityCode("290230", "D", "123"))).toEqual([]);
    expect(findIdentifierKinds(identityCode("001052", "-", "308"))).toEqual([]);
    expect(findIdentifierKinds(identityCode("131352", "-", "308"))).toEqual([]);
    expect(findIdentifierKinds(identityCode("131052", "G", "308"))).toEqual([]);
  });

  test("codes are found inside text and between separators, not inside longer codes", () => {
    for (const text of [
      "asiakas 131052-308T soitti",
      "hetu:131052-308t.",
      "(131052-308T)",
      "p-131052-308T", // a key made of a code still carries it
      "a_131052-308T_b",
      "131052-308T\n",
      // Issue 13: glued to a word before it.
      "p131052-308T",
      "hetu131052-308T",
      "X131052-308T",
      "ä131052-308T",
      "x131052-308T"
    ]) {
      expect(findIdentifierKinds(text), text).toEqual(["personal_identity_code"]);
    }
    for (const text of ["131052-308TA", "131052-308T5", "9131052-308T"]) {
      expect(findIdentifierKinds(text), text).toEqual([]);
    }
  });
});

test("e-mail addresses are found, fragments are not", () => {
  for (const email of EMAILS) expect(findIdentifierKinds(email), email).toEqual(["email"]);
  expect(findIdentifierKinds("lähetä osoitteeseen a.b+c@example.fi, kiitos")).toEqual(["email"]);
  for (const text of ["user@", "@", "@example.fi", "a@b", "meet @ noon", "x@y.1"]) {
    expect(findIdentifierKinds(text), text).toEqual([]);
  }
});

test("Finnish phone numbers are found in international and national forms", () => {
  for (const phone of PHONES) expect(findIdentifierKinds(phone), phone).toEqual(["phone"]);
  for (const text of [
    "soita 040 123 4567 heti",
    "puh. 050-1234567",
    "tel:+358401234567.",
    "040 123 4567 12 kpl",
    // Issue 13: glued to a word, or international without its +.
    "358401234567",
    "puh0401234567",
    "x0401234567",
    "tel358401234567",
    "puh091234567",
    "soita 358 40 123 4567"
  ]) {
    expect(findIdentifierKinds(text), text).toEqual(["phone"]);
  }
});

test("numbers that are not Finnish phone numbers are not", () => {
  for (const text of [
    "1234567", // no trunk 0 or country code
    "401234567",
    "0123456", // no such area code
    "+46 70 123 45 67", // Swedish
    "3000 records on 21.10.2020",
    "040 123", // too short
    "2020-0401234567",
    "p04012345", // a letter and a key's eight digits
    "p00012345",
    "3581234", // 358 and too few digits
    "1358401234567" // inside a longer number
  ]) {
    expect(findIdentifierKinds(text), text).toEqual([]);
  }
});

test("IBANs are found with and without spaces, inside text; wrong check digits are not", () => {
  for (const iban of IBANS) expect(findIdentifierKinds(iban), iban).toEqual(["iban"]);
  expect(findIdentifierKinds("tilille FI21 1234 5600 0007 85 EUR 300")).toEqual(["iban"]);
  for (const text of ["FI21 1234 5600 0007 86", "FI2112345600000785X", "XFI2112345600000785", "FI21 1234 5600 0007"]) {
    expect(findIdentifierKinds(text), text).toEqual([]);
  }
});

test("several kinds in one cell are each reported once", () => {
  const text = "131052-308T, a@example.fi ja b@example.fi, 040 123 4567, FI21 1234 5600 0007 85, 131052-308T";
  expect(findIdentifierKinds(text).sort()).toEqual(["email", "iban", "personal_identity_code", "phone"]);
});

test("format values, dates, counts, keys and ids are not identifiers", () => {
  for (const text of NEGATIVES) expect(findIdentifierKinds(text), text).toEqual([]);
});

test("each kind has words for messages", () => {
  expect(identifierKindLabel).toEqual({
    personal_identity_code: "Finnish personal identity code",
    email: "e-mail address",
    phone: "Finnish phone number",
    iban: "IBAN"
  });
});

describe("column names", () => {
  test("names that suggest identifiers are flagged, whatever the case, diacritics and separators", () => {
    for (const name of [
      "name", "Name", "full_name", "Last_Name", "lastName", "FIRSTNAME", "surname", "nimi", "Etunimi", "sukunimi",
      "asiakkaan nimi", "namn", "efternamn", "hetu", "HETU_NRO", "henkilötunnus", "henkilotunnus", "Henkilö-tunnus",
      "ssn", "social_security_number", "SocialSecurityNumber", "personal_id", "personal_identity_code",
      "national id", "personbeteckning", "email", "E-mail", "e_mail", "EmailAddress", "sähköposti",
      "Sähköpostiosoite", "sposti", "s-posti", "e-post", "phone", "PhoneNumber", "phone_no", "puhelin",
      "Puhelin nro", "puhelinnumero", "matkapuhelin", "puh", "gsm", "mobile", "telefon", "address", "ip_address",
      "osoite", "katuosoite", "postinumero", "zip", "zip_code", "postal code", "iban", "IBAN", "tilinumero",
      "account", "bank_account", "birth_date", "date_of_birth", "dob", "syntymäaika", "Syntymäpäivä",
      // Issue 13.
      "telefonnummer", "Telefonnummer", "mobilnummer", "mobil_nr", "gatuadress", "Gatuadress", "pnr", "PNR",
      "personnr", "pers_nr", "postinro", "Postinro", "puhnro", "tel_nr", "mobileNumber", "telephone_number",
      "postort", "postadress", "födelsedag", "kotiosoite", "street_address"
    ]) {
      expect(columnNameSuggestsIdentifier(name), name).toBe(true);
    } // prettier-ignore
  });

  test("the format's own columns and its data categories are not flagged", () => {
    const names = exportTables.flatMap((table) => table.fields.map((field) => field.name));
    expect(names).toContain("emailed_on");
    for (const name of [...names, "occurred_on", "Person_Key", "EMAILED_ON", "identity_code", "contact"]) {
      expect(columnNameSuggestsIdentifier(name), name).toBe(false);
    }
  });

  test("innocent names, counts and flags about identifiers, and names of things are not flagged", () => {
    for (const name of [
      "channel", "records", "region", "notes", "wave", "municipality_code", "year", "id", "key", "source_file",
      "surname_count", "email_count", "n_emails", "has_phone", "email_verified", "phone_type", "address_missing",
      "sähköposti_lkm", "district_name", "hospitalDistrictName", "service_name", "file_name", "filename",
      "tiedostonimi", "kunnan nimi", "nimike", "emailed_at", "emails_sent", "posti", "passive"
    ]) {
      expect(columnNameSuggestsIdentifier(name), name).toBe(false);
    } // prettier-ignore
  });
});

describe("DuckDB prefilter", () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabase();
  });
  afterAll(() => db.close());

  async function prefilterMatches(cells: string[]): Promise<boolean[]> {
    const rows = await db.query<{hit: boolean}>(
      sql`SELECT regexp_matches(cell, ${IDENTIFIER_CANDIDATE_PATTERN}) AS hit
          FROM unnest(from_json(${JSON.stringify(cells)}, '["VARCHAR"]')) WITH ORDINALITY AS t(cell, i) ORDER BY i`
    );
    return rows.map((row) => row.hit);
  }

  const positives = [
    ...VALID_CODES,
    ...VALID_CODES.map((code) => code.toLowerCase()),
    "asiakas 131052-308T soitti",
    "hetu:131052-308t.",
    "p-131052-308T",
    "(131052-308T)",
    ...EMAILS,
    "lähetä osoitteeseen a.b+c@example.fi, kiitos",
    ...PHONES,
    ...PHONES.map((phone) => `soita ${phone} heti`),
    ...PHONES.map((phone) => `puh:${phone}, kiitos`),
    "040 123 4567 12 kpl",
    "tel:+358401234567.",
    "p131052-308T",
    "hetu131052-308T",
    "358401234567",
    "puh0401234567",
    "soita 358 40 123 4567",
    ...IBANS,
    "tilille FI21 1234 5600 0007 85 EUR 300",
    "131052-308T, a@example.fi ja b@example.fi, 040 123 4567, FI21 1234 5600 0007 85"
  ];

  test("matches every cell the detectors flag", async () => {
    for (const cell of positives) expect(findIdentifierKinds(cell), cell).not.toEqual([]);
    const hits = await prefilterMatches(positives);
    expect(positives.filter((_, i) => !hits[i])).toEqual([]);
  });

  test("passes only the negatives shaped like an identifier, for the detectors to rule out", async () => {
    const hits = await prefilterMatches(NEGATIVES);
    expect(NEGATIVES.filter((_, i) => hits[i])).toEqual([
      "05-10-2020", // day-month-year, not a date form of the format
      "05/10/2020",
      "FI21 1234 5600 0007 86",
      "131052-308U",
      "310452-3087",
      "290200-1239",
      "131052-308T5",
      "0401234567123",
      "1.05 040123",
      "12 050 123 456 euroa"
    ]);
  });

  // How many of the texts *cell* (an SQL expression over *from*) the prefilter passes.
  async function prefilterCount(cell: string, from: string): Promise<number> {
    const {passed} = await queryOne<{passed: number}>(db, {
      sql: `SELECT count(*) FILTER (regexp_matches(${cell}, ?)) AS passed FROM ${from}`,
      params: [IDENTIFIER_CANDIDATE_PATTERN]
    });
    return passed;
  }

  test("matches no integer, date or timestamp of the breach years", async () => {
    expect(await prefilterCount("i::VARCHAR", "range(0, 2000000) t(i)")).toBe(0);
    // Materialised first: DuckDB compiles a bound pattern once per vector, and the series would otherwise
    // arrive one row per vector.
    await db.run(
      `CREATE TABLE days AS
       SELECT unnest(range(TIMESTAMP '2018-01-01 05:07:09', TIMESTAMP '2023-01-01', INTERVAL 1 DAY)) AS t`
    );
    for (const format of ["%Y-%m-%d", "%-d.%-m.%Y", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%S+03:00", "%Y-%m-%d %H:%M"]) {
      expect(await prefilterCount(`strftime(t, '${format}')`, "days"), format).toBe(0);
    }
  });

  test("matches no zero-padded hyphenated key", async () => {
    expect(await prefilterCount("'p-' || lpad(i::VARCHAR, 10, '0')", "range(0, 1000000) t(i)")).toBe(0);
    // The synthetic export's keys: a letter glued to eight digits (issue 13 lets a phone number glue to a word).
    expect(await prefilterCount("'p' || lpad((i * 7919 % 100000000)::VARCHAR, 8, '0')", "range(0, 1000000) t(i)")).toBe(
      0
    );
  });
});
