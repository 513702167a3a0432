// issue 17: a chart's data downloaded as a researcher would. One package from each report page,
// unpacked: the CSV, metadata.json and README carry the export, release, licence and the hidden cells,
// and the hidden cells listed are exactly the empty counts of the CSV.
import {strFromU8, unzipSync} from "fflate";
import {readFile} from "node:fs/promises";
import type {Locator, Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import {strings} from "../../src/lib/strings.js";
import {useWatchedPages} from "./watchedPages.js";

const siteUrl = inject("siteUrl");
const en = strings.en.downloads;
const {open} = useWatchedPages(siteUrl);

async function download(page: Page, card: Locator, label: string) {
  // Opened, not toggled: a second download from the same menu must not close it.
  await card.locator("details.vuoto-downloads").evaluate((details: HTMLDetailsElement) => (details.open = true));
  const [file] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", {name: label}).click()]);
  return {name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path())!))};
}

/** The CSV's rows as records of text (RFC 4180 quoting); an empty field is "". */
function csvRecords(csv: string): Array<Record<string, string>> {
  const records: string[][] = [[]];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (records.at(-1)!.push(field), (field = ""));
    else if (c === "\n") (records.at(-1)!.push(field.replace(/\r$/, "")), (field = ""), records.push([]));
    else field += c;
  }
  if (records.at(-1)!.length === 0 && field === "") records.pop();
  else records.at(-1)!.push(field);
  const [names, ...rows] = records;
  return rows.map((row) => Object.fromEntries(row.map((value, i) => [names![i], value])));
}

const PACKAGES = [
  // page, card, button, file, table
  ["/en/", '[data-chart="choropleth"]', en.zipShown, "people_by_district-shown.zip", "people_by_district"],
  ["/en/", ".vuoto-headline-figures", en.zipFull, "headline.zip", "headline"],
  ["/en/affected", '[data-chart="district-count"]', en.zipFull, "people_by_district.zip", "people_by_district"],
  ["/en/timeline", '[data-chart="people-cumulative"]', en.zipShown, "daily_timeline-shown.zip", "daily_timeline"],
  [
    "/en/crisis",
    '[data-table="crisis-ranking"]',
    en.zipShown,
    "crisis_by_district_period-shown.zip",
    "crisis_by_district_period"
  ],
  ["/en/methods", '[data-table="audit"]', en.zipFull, "audit.zip", "audit"]
] as const;

test.each(PACKAGES)(
  "%s: the package of %s carries its context",
  async (path, selector, button, file, table) => {
    const page = await open(path, `${selector} details.vuoto-downloads`);
    const card = page.locator(selector);
    const zip = await download(page, card, button);
    expect(zip.name).toBe(file);
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(["README.txt", "data.csv", "metadata.json"]);
    const meta = JSON.parse(strFromU8(files["metadata.json"]!));
    expect(meta.table).toBe(table);
    expect(meta.filter == null).toBe(button === en.zipFull);
    expect(meta.source.export_id).toMatch(/^synthetic/);
    expect(meta.source.release).toMatch(/^[0-9a-f]{12}-t\d+-p1$/);
    expect(meta.licence).toBe("CC BY 4.0");
    const rows = csvRecords(strFromU8(files["data.csv"]!));
    expect(rows.length).toBe(meta.rows);
    expect(rows.length).toBeGreaterThan(0);
    // Every hidden cell listed is an empty count in the CSV, and every empty count is listed.
    const numeric = new Set(
      meta.columns
        .filter((c: {type: string}) => c.type === "int" || c.type === "double")
        .map((c: {name: string}) => c.name)
    );
    const empty = rows.flatMap((row, i) =>
      Object.entries(row)
        .filter(([name, value]) => numeric.has(name) && value === "")
        .map(([column]) => ({row: i + 1, column}))
    );
    expect(meta.suppression.hidden_cells).toEqual(empty);
    const readme = strFromU8(files["README.txt"]!);
    expect(readme).toContain(`${en.table}: ${table}`);
    expect(readme).toContain(en.hiddenCount(empty.length));
    expect(readme).toContain("CC BY 4.0");
  },
  120_000
);

test("the Finnish Excel CSV, the XLSX and the JSON-stat of a table download from the crisis page", async () => {
  const page = await open("/en/crisis", '[data-chart="crisis-national"] details.vuoto-downloads');
  const card = page.locator('[data-chart="crisis-national"]');
  const csv = await download(page, card, en.excelCsv);
  expect(csv.name).toBe("crisis_national_weekly-fi.csv");
  const text = new TextDecoder("utf-8", {ignoreBOM: true}).decode(csv.bytes);
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.split("\r\n")[0]).toContain(";");
  const xlsx = await download(page, card, en.xlsx);
  // An XLSX file is a ZIP holding the workbook.
  expect(Object.keys(unzipSync(xlsx.bytes))).toContain("xl/workbook.xml");
  const jsonStat = JSON.parse(strFromU8((await download(page, card, en.jsonStat)).bytes));
  expect(jsonStat.version).toBe("2.0");
  expect(jsonStat.class).toBe("dataset");
  expect(jsonStat.value.length).toBe(jsonStat.size.reduce((a: number, b: number) => a * b, 1));
}, 120_000);
