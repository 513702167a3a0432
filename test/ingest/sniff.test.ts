// What one streaming pass learns about a file: encoding, delimiter, header, and whether rows are one line each.
import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
import {sniffFile} from "../../src/node/ingest/sniff.js";

async function sniff(bytes: string | Buffer) {
  const path = join(await mkdtemp(join(tmpdir(), "vuoto-sniff-")), "crisis_contacts.csv");
  await writeFile(path, bytes);
  return sniffFile({table: "crisis_contacts", name: "crisis_contacts.csv", path, format: "csv", gzip: false});
}

test("delimiter and header from the first record", async () => {
  expect(await sniff('date;"hospital_district";service\n1;2;3\n')).toMatchObject({
    delimiter: ";",
    header: ["date", "hospital_district", "service"]
  });
  expect(await sniff("\uFEFFdate,service\n")).toMatchObject({
    delimiter: ",",
    header: ["date", "service"],
    encoding: "utf-8-bom"
  });
});

test("Windows-1252 when the bytes are not UTF-8", async () => {
  expect((await sniff(Buffer.from([0x61, 0x0a, 0xe4, 0x0a]))).encoding).toBe("windows-1252");
  expect((await sniff("a\nä\n")).encoding).toBe("utf-8");
});

test("rows are one line each unless a quoted field breaks a line or a line is blank", async () => {
  expect((await sniff('a,b\n"x",""\n1,2\n')).oneLinePerRow).toBe(true);
  expect((await sniff('a,b\n"x\ny",1\n')).oneLinePerRow).toBe(false);
  expect((await sniff("a,b\n1,2\n\n3,4\n")).oneLinePerRow).toBe(false);
  expect((await sniff('a,b\n1,"cut\n')).unterminatedQuote).toBe(true);
  // A quoted line break across the 64 KiB read chunks.
  const long = "x".repeat(70_000);
  expect((await sniff(`a,b\n1,"${long}\n${long}"\n`)).oneLinePerRow).toBe(false);
});

test("the read chunks are 4 MiB: a character, a quoted line break or a blank line across them is still seen", async () => {
  // "a\n" and `long` end 3 bytes before the first chunk's end.
  const long = "x".repeat((4 << 20) - 5);
  expect((await sniff(`a\n${long}ä€\n`)).encoding).toBe("utf-8");
  expect((await sniff(Buffer.concat([Buffer.from(`a\n${long}`), Buffer.from([0xe2, 0x82])]))).encoding).toBe(
    "windows-1252"
  );
  expect((await sniff(`a,b\n1,"${long}\n${long}"\n`)).oneLinePerRow).toBe(false);
  for (const cut of ["\n|\n", "\r\n|\r\n", "\r\n\r|\n", "\n\r|\n", "|\n\r\n"]) {
    const [before, after] = cut.split("|");
    const text = `a\n${"x".repeat((4 << 20) - 2 - before!.length)}${before}${after}y\n`;
    expect(text.indexOf("|"), "the cut is at the chunk boundary").toBe(-1);
    expect((await sniff(text)).oneLinePerRow, JSON.stringify(cut)).toBe(false);
  }
  expect((await sniff(`a\n${"x".repeat((4 << 20) - 3)}\r\ny\r\n`)).oneLinePerRow).toBe(true);
});
