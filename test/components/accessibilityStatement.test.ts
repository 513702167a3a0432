// @vitest-environment jsdom
import {expect, test} from "vitest";
import {AccessibilityStatement} from "../../src/components/accessibilityStatement.js";
import {accessibilityStatement} from "../../src/lib/accessibilityStatement.js";

test("the accessibility statement has every part in en, fi and sv, each language its own text", () => {
  const keys = Object.keys(accessibilityStatement.en).sort();
  for (const lang of ["fi", "sv"] as const) {
    expect(Object.keys(accessibilityStatement[lang]).sort()).toEqual(keys);
    for (const key of keys) {
      const value = accessibilityStatement[lang][key as keyof typeof accessibilityStatement.en];
      expect(value.length, `${lang}.${key}`).toBeGreaterThan(0);
      // The supervising agency's e-mail address is the same in every language; nothing else may be.
      if (key !== "authority") expect(value, `${lang}.${key}`).not.toEqual(accessibilityStatement.en[key as "title"]);
    }
  }
});

test("the statement names the feedback channel the operator set, and the supervising authority", () => {
  const element = AccessibilityStatement({lang: "fi", feedback: "palaute@virasto.example"});
  expect(element.querySelector("h1")!.textContent).toBe("Saavutettavuusseloste");
  const mail = element.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
  expect(mail.href).toBe("mailto:palaute@virasto.example");
  expect(mail.textContent).toBe("palaute@virasto.example");
  expect(element.textContent).toContain("saavutettavuus@avi.fi");
});
