import {strFromU8, unzipSync} from "fflate";
import {expect, test} from "vitest";
import {
  dataPackageZip,
  hiddenCells,
  toFinnishExcelCsv,
  toJsonStat,
  type DataContext
} from "../../src/lib/dataPackage.js";
import type {ResultColumn} from "../../src/lib/exportFiles.js";

const columns: ResultColumn[] = [
  {name: "district", type: "string"},
  {name: "week", type: "date"},
  {name: "people", type: "int"},
  {name: "rate", type: "double"}
];
const rows = [
  {district: "HUS", week: new Date("2020-10-26T00:00:00Z"), people: 14066, rate: 827.6},
  {district: "Åland", week: new Date("2020-10-26T00:00:00Z"), people: null, rate: null},
  {district: "=cmd; x", week: new Date("2020-11-02T00:00:00Z"), people: 5, rate: 0.5}
];
const context: DataContext = {
  lang: "en",
  table: "people_by_district",
  title: "People affected, by hospital district",
  unit: "people",
  threshold: 5,
  citation: {
    title: "Report",
    release: "82761e9c347d-t5-p1",
    exportId: "synthetic_x",
    year: "2021",
    url: "https://example.org/en/"
  },
  filter: "district: HUS, Åland"
};

test("hidden cells are the null counts, by row and column", () => {
  expect(hiddenCells(columns, rows)).toEqual([
    {row: 2, column: "people"},
    {row: 2, column: "rate"}
  ]);
});

test("the ZIP holds the CSV, metadata.json and a README that carry the figures' context", () => {
  const files = unzipSync(dataPackageZip(columns, rows, context));
  expect(Object.keys(files).sort()).toEqual(["README.txt", "data.csv", "metadata.json"]);
  const csv = strFromU8(files["data.csv"]!);
  expect(csv.split("\r\n")[2]).toBe("Åland,2020-10-26,,");
  const meta = JSON.parse(strFromU8(files["metadata.json"]!));
  expect(meta).toMatchObject({
    table: "people_by_district",
    unit: "people",
    rows: 3,
    filter: "district: HUS, Åland",
    source: {export_id: "synthetic_x", release: "82761e9c347d-t5-p1"},
    suppression: {
      threshold: 5,
      hidden_cells: [
        {row: 2, column: "people"},
        {row: 2, column: "rate"}
      ]
    },
    licence: "CC BY 4.0"
  });
  expect(meta.citation.bibtex).toMatch(/^@misc\{vuoto-82761e9c347d-t5-p1,/);
  const readme = strFromU8(files["README.txt"]!);
  for (const part of [
    "People affected, by hospital district",
    "as shown: district: HUS, Åland",
    "Unit: people",
    "synthetic_x",
    "below 5",
    "Hidden cells in this file: 2",
    "CC BY 4.0",
    "@misc{"
  ])
    expect(readme).toContain(part);
});

test("the Finnish Excel CSV has a BOM, semicolons, a decimal comma, and no formula", () => {
  const csv = toFinnishExcelCsv(columns, rows);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1).split("\r\n")).toEqual([
    "district;week;people;rate",
    "HUS;2020-10-26;14066;827,6",
    "Åland;2020-10-26;;",
    `"'=cmd; x";2020-11-02;5;0,5`,
    ""
  ]);
});

test("JSON-stat 2 puts the counts in dimension order, hidden ones null with a status", () => {
  const dataset = toJsonStat(columns, rows, context);
  expect(dataset).toMatchObject({
    version: "2.0",
    class: "dataset",
    id: ["district", "week", "measure"],
    size: [3, 2, 2]
  });
  expect(dataset.dimension.district).toEqual({label: "district", category: {index: ["HUS", "Åland", "=cmd; x"]}});
  // district × week × measure: HUS/26.10 people, rate; HUS/2.11 (no row); Åland/26.10 hidden; …
  expect(dataset.value).toEqual([14066, 827.6, null, null, null, null, null, null, null, null, 5, 0.5]);
  expect(dataset.status).toEqual({4: "hidden", 5: "hidden"});
  expect(() => toJsonStat(columns, [rows[0]!, rows[0]!], context)).toThrow(/two rows share the same district, week/);
});
