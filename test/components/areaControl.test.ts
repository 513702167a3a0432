// @vitest-environment jsdom
// issue 16: the district/county choice, and the sentence that replaces it for an export without municipalities.
import {afterEach, expect, test} from "vitest";
import {AreaControl} from "../../src/components/areaControl.js";
import {areaFromSearch, searchWithArea} from "../../src/lib/areaChoice.js";
import {strings} from "../../src/lib/strings.js";

afterEach(() => history.replaceState(null, "", "/fi/"));

test("a labelled radio group in each language, its value the checked choice", () => {
  for (const lang of ["fi", "sv", "en"] as const) {
    const control = AreaControl({value: "county", lang});
    expect(control.querySelector("legend")?.textContent).toBe(strings[lang].geo.areaLabel);
    const radios = [...control.querySelectorAll<HTMLInputElement>("input[type=radio]")];
    expect(radios.map((r) => r.value)).toEqual(["district", "county"]);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(control.textContent).toContain(strings[lang].geo.geographies.wellbeing_counties);
    expect(control.value).toBe("county");
  }
});

test("choosing counties writes ?area=county into the URL, keeping the rest; districts take it out", () => {
  history.replaceState(null, "", "/en/affected?x=1#map");
  const control = AreaControl({lang: "en"});
  const [district, county] = control.querySelectorAll<HTMLInputElement>("input");
  county!.checked = true;
  county!.dispatchEvent(new Event("input", {bubbles: true}));
  expect(control.value).toBe("county");
  expect(location.pathname + location.search + location.hash).toBe("/en/affected?x=1&area=county#map");
  district!.checked = true;
  district!.dispatchEvent(new Event("input", {bubbles: true}));
  expect(location.search).toBe("?x=1");
});

test("url: false (the explorer) leaves the URL alone", () => {
  history.replaceState(null, "", "/en/explore");
  const control = AreaControl({lang: "en", url: false});
  const county = control.querySelectorAll<HTMLInputElement>("input")[1]!;
  county.checked = true;
  county.dispatchEvent(new Event("input", {bubbles: true}));
  expect(location.search).toBe("");
});

test("an export with hospital districts only: no choice, one sentence, the value districts", () => {
  for (const lang of ["fi", "sv", "en"] as const) {
    const sentence = AreaControl({value: "county", available: false, lang});
    expect(sentence.querySelector("input")).toBeNull();
    expect(sentence.textContent).toBe(strings[lang].geo.districtsOnly);
    expect(sentence.value).toBe("district");
  }
});

test("the URL's choice: county only when counties are published and the link says so exactly", () => {
  expect(areaFromSearch("?area=county")).toBe("county");
  expect(areaFromSearch("?area=county", {countiesAvailable: false})).toBe("district");
  expect(areaFromSearch("?area=counties")).toBe("district");
  expect(areaFromSearch("")).toBe("district");
  expect(searchWithArea("", "county")).toBe("?area=county");
  expect(searchWithArea("?area=county", "district")).toBe("");
  expect(searchWithArea("?district=06&area=county", "district")).toBe("?district=06");
});
