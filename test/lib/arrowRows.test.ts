// issue 15: the SQL console showed sum(contacts), a HUGEINT that DuckDB sends as a 128-bit decimal, as
// `"\"99591\""`, and downloaded it as `"""\""99591\"""""`. The rows go through the same Arrow reader
// (apache-arrow) that DuckDB-WASM's results go through in the browser.
import {decimal, float64, int32, tableFromArrays, tableToIPC, type DataType} from "@uwdata/flechette";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, test} from "vitest";
import {arrowTableToRows} from "../../src/lib/arrowRows.js";
import {toCsv} from "../../src/lib/exportFiles.js";

function arrowRoundTrip(columns: Record<string, unknown[]>, types: Record<string, DataType>) {
  const bytes = tableToIPC(tableFromArrays(columns, {types}), {format: "stream"})!;
  return arrowTableToRows(tableFromIPC(bytes));
}

describe("arrowTableToRows", () => {
  test("a HUGEINT sum (decimal 38,0) is a number, in rows and in CSV", () => {
    const rows = arrowRoundTrip(
      {total: [99591n, 0n, null, 170141183460469231731687303715884105727n]},
      {total: decimal(38, 0, 128)}
    );
    expect(rows.map((r) => r.total)).toEqual([99591, 0, null, 1.7014118346046923e38]);
    expect(toCsv([{name: "total", type: "double"}], rows.slice(0, 2))).toBe("total\r\n99591\r\n0\r\n");
  });

  test("a decimal with a scale keeps its decimal places", () => {
    const rows = arrowRoundTrip({rate: [12345n, -5n]}, {rate: decimal(18, 2, 64)});
    expect(rows.map((r) => r.rate)).toEqual([123.45, -0.05]);
  });

  test("integers and doubles are left as they are", () => {
    const rows = arrowRoundTrip({n: [1, null], x: [0.5, 2]}, {n: int32(), x: float64()});
    expect(rows).toEqual([
      {n: 1, x: 0.5},
      {n: null, x: 2}
    ]);
  });
});
