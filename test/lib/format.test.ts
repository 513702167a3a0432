// issue 14: one number format, one date format and plurals per language, through Intl.
import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import {districtFullName, districtName, type DistrictNames} from "../../src/lib/districtNames.js";
import {
  compareNames,
  fillTemplate,
  formatCount,
  formatDate,
  formatIsoWeek,
  formatNumber,
  formatPercent,
  formatRate,
  isoWeek,
  plural
} from "../../src/lib/format.js";
import {strings} from "../../src/lib/strings.js";

const NBSP = "\u00a0";
const MINUS = "\u2212";

test("Finnish and Swedish group thousands with a no-break space, use a decimal comma and the Unicode minus", () => {
  for (const lang of ["fi", "sv"] as const) {
    expect(formatCount(15000, {lang})).toBe(`15${NBSP}000`);
    expect(formatCount(1234567, {lang})).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatRate(1.25, {digits: 1, lang})).toMatch(/^1,[23]$/);
    expect(formatNumber(-3.5, {digits: 1, lang})).toBe(`${MINUS}3,5`);
    expect(formatRate(0, {digits: 1, lang})).toBe("0,0");
  }
  // Four-digit numbers too: Intl's fi-FI groups them, so 1 000 and 10 000 line up on an axis.
  expect(formatCount(1000, {lang: "fi"})).toBe(`1${NBSP}000`);
});

test("English writes 15,000 and 1.5, with the Unicode minus", () => {
  expect(formatCount(15000, {lang: "en"})).toBe("15,000");
  expect(formatRate(1.5, {digits: 1, lang: "en"})).toBe("1.5");
  expect(formatNumber(-2, {lang: "en"})).toBe(`${MINUS}2`);
});

test("a suppressed value is written as the language's word for hidden, never as zero", () => {
  expect(formatCount(null, {lang: "fi"})).toBe("salattu");
  expect(formatCount(null, {lang: "sv"})).toBe("sekretessbelagd");
  expect(formatRate(undefined, {lang: "en"})).toBe("hidden");
  expect(formatPercent(Number.NaN, {lang: "fi"})).toBe("salattu");
  expect(formatPercent(0.125, {digits: 1, lang: "fi"})).toBe(`12,5${NBSP}%`);
});

test("dates are calendar days in UTC: 24.10.2020 in Finnish and Swedish, 24/10/2020 in English", () => {
  const day = new Date("2020-10-24T00:00:00Z");
  expect(formatDate(day, {lang: "fi"})).toBe("24.10.2020");
  expect(formatDate(day, {lang: "sv"})).toBe("24.10.2020");
  expect(formatDate(day, {lang: "en"})).toBe("24/10/2020");
  // The last and first day of a year stay on their own day whatever the machine's time zone.
  expect(formatDate(new Date("2020-12-31T00:00:00Z"), {lang: "fi"})).toBe("31.12.2020");
  expect(formatDate(new Date("2021-01-01T00:00:00Z"), {lang: "fi"})).toBe("1.1.2021");
});

test("ISO weeks at the edges of years", () => {
  expect(isoWeek(new Date("2020-10-19T00:00:00Z"))).toEqual({year: 2020, week: 43});
  // 1.1.2021 is a Friday: it belongs to week 53 of 2020.
  expect(isoWeek(new Date("2021-01-01T00:00:00Z"))).toEqual({year: 2020, week: 53});
  expect(isoWeek(new Date("2021-01-04T00:00:00Z"))).toEqual({year: 2021, week: 1});
  // 31.12.2019 is a Tuesday: week 1 of 2020.
  expect(isoWeek(new Date("2019-12-31T00:00:00Z"))).toEqual({year: 2020, week: 1});
  expect(formatIsoWeek(new Date("2020-10-19T00:00:00Z"), {lang: "fi"})).toBe("vko 43/2020");
  expect(formatIsoWeek(new Date("2020-10-19T00:00:00Z"), {lang: "sv"})).toBe("v. 43/2020");
});

test("plurals follow Intl.PluralRules", () => {
  const rows = (n: number, lang: "fi" | "sv" | "en") =>
    fillTemplate(plural(n, strings[lang].explore.rows, {lang}), {count: formatCount(n, {lang})});
  expect(rows(1, "fi")).toBe("1 rivi");
  expect(rows(2, "fi")).toBe("2 riviä");
  expect(rows(0, "sv")).toBe("0 rader");
  expect(rows(1, "sv")).toBe("1 rad");
  expect(rows(1, "en")).toBe("1 row");
  expect(rows(1500, "en")).toBe("1,500 rows");
});

test("names sort in each language's alphabetical order: Å, Ä, Ö after Z in Finnish and Swedish", () => {
  const names = ["Östra Savolax", "Åland", "Vasa", "Zeta", "Ahvenanmaa", "Äänekoski"];
  expect([...names].sort((a, b) => compareNames(a, b, {lang: "sv"}))).toEqual([
    "Ahvenanmaa",
    "Vasa",
    "Zeta",
    "Åland",
    "Äänekoski",
    "Östra Savolax"
  ]);
  expect(compareNames("Åland", "Zeta", {lang: "fi"})).toBeGreaterThan(0);
  expect(compareNames("Åland", "Zeta", {lang: "en"})).toBeLessThan(0);
});

test("district names come from the reference table in each language", () => {
  const [header, ...lines] = readFileSync("data/reference/hospital-districts.csv", "utf8").trim().split("\n");
  const columns = header!.split(",");
  const districts = lines.map(
    (line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])) as unknown as DistrictNames
  );
  const names = (lang: "fi" | "sv" | "en") => districts.map((d) => districtName(d, lang));
  expect(names("sv")).toEqual([
    "Åland",
    "Egentliga Finland",
    "Satakunta",
    "Egentliga Tavastland",
    "Birkaland",
    "Päijänne-Tavastland",
    "Kymmenedalen",
    "Södra Karelen",
    "Södra Savolax",
    "Östra Savolax",
    "Norra Karelen",
    "Norra Savolax",
    "Mellersta Finland",
    "Södra Österbotten",
    "Vasa",
    "Mellersta Österbotten",
    "Norra Österbotten",
    "Kajanaland",
    "Länsi-Pohja",
    "Lappland",
    "HUS"
  ]);
  expect(names("fi")).toContain("Varsinais-Suomi");
  expect(names("en")).toContain("Southwest Finland");
  expect(districtFullName(districts[1]!, "sv")).toBe("Egentliga Finlands sjukvårdsdistrikt");
});
