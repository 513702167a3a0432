import {expect, test} from "vitest";
import {citationBibtex, citationText, releaseVersion} from "../../src/lib/release.js";

test("a release version names the export's content hash, the threshold and the policy", () => {
  expect(releaseVersion("82761E9C347DABCDEF", 5)).toBe("82761e9c347d-t5-p1");
  expect(releaseVersion("82761e9c347d", 10)).not.toBe(releaseVersion("82761e9c347d", 5));
  // A hash too short, missing or not hexadecimal identifies nothing.
  expect(releaseVersion("82761e9c347", 5)).toBe("unhashed-t5-p1");
  expect(releaseVersion(null, 5)).toBe("unhashed-t5-p1");
  expect(releaseVersion("82761E9C347DABCDEF", 8, "round5")).toBe("82761e9c347d-round5");
  expect(releaseVersion("82761e9c347d", 5, "suppress")).toBe("82761e9c347d-t5-p1");
  expect(releaseVersion("x2761e9c347d", 5)).toBe("unhashed-t5-p1");
});

const citation = {
  title: "Crisis & care: 100% report",
  release: "82761e9c347d-t5-p1",
  exportId: "synthetic_2020",
  year: "2021",
  url: "https://example.org/en/"
};

test("the plain citation names the year, title, release, export and address", () => {
  expect(citationText(citation, "Release", "Export")).toBe(
    "Vuoto (2021). Crisis & care: 100% report. Release 82761e9c347d-t5-p1, export synthetic_2020. https://example.org/en/"
  );
  expect(citationText({...citation, year: null}, "Julkaisu", "Aineisto")).toMatch(/^Vuoto \(n\.d\.\)\. .* aineisto /);
});

test("the BibTeX entry escapes the characters BibTeX gives a meaning", () => {
  const entry = citationBibtex(citation);
  expect(entry).toMatch(/^@misc\{vuoto-82761e9c347d-t5-p1,\n/);
  expect(entry).toContain("title = {Crisis \\& care: 100\\% report},");
  expect(entry).toContain("note = {Export synthetic\\_2020},");
  expect(entry.endsWith("\n}")).toBe(true);
});
