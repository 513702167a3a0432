// issue 14: every text exists in Finnish, Swedish and English, translated (not copied from English),
// and following the glossary's terms.
import {expect, test} from "vitest";
import {GLOSSARY, PROPER_NAMES} from "../../src/lib/glossary.js";
import {LANGUAGES} from "../../src/lib/languages.js";
import {strings} from "../../src/lib/strings.js";

// Every text of a language as [key path, text]; a function is called with placeholders so that its
// sentence can be compared too.
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function")
    return leaves((value as (...args: string[]) => unknown)("{1}", "{2}", "{3}", "{4}"), path);
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  throw new Error(`unexpected value at ${path}: ${typeof value}`);
}

const english = new Map(leaves(strings.en));

test.each(LANGUAGES)("every key exists and is non-empty in %s", (lang) => {
  const texts = new Map(leaves(strings[lang]));
  expect([...english.keys()].filter((key) => !texts.has(key))).toEqual([]);
  expect([...texts.keys()].filter((key) => !english.has(key))).toEqual([]);
  expect([...texts].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
});

test.each(["fi", "sv"] as const)("no %s text is left in English unless it is a proper name", (lang) => {
  const copied = leaves(strings[lang]).filter(
    // Punctuation around placeholders ("{1}: {2}.") is the same in every language.
    ([key, text]) =>
      text === english.get(key) && !PROPER_NAMES.includes(text) && /\p{L}/u.test(text.replace(/\{\d\}/g, ""))
  );
  expect(copied).toEqual([]);
});

test.each(["fi", "sv"] as const)("%s texts use the glossary's terms where the English ones do", (lang) => {
  const texts = new Map(leaves(strings[lang]));
  const missing = GLOSSARY.flatMap((term) =>
    [...english]
      .filter(([, text]) => text.toLowerCase().includes(term.en.toLowerCase()))
      .filter(([key]) => !texts.get(key)!.toLowerCase().includes(term[lang].toLowerCase()))
      .map(([key]) => `${key}: "${term.en}" → "${term[lang]}"`)
  );
  expect(missing).toEqual([]);
});

test("the test sees the texts it checks: a copied English text would be caught", () => {
  const copy = {...strings.fi, footer: strings.en.footer};
  expect(leaves(copy).some(([key, text]) => key === "footer" && text === english.get("footer"))).toBe(true);
  expect(english.size).toBeGreaterThan(250);
});
