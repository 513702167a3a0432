// All user-facing text, keyed by language (English first), so that Finnish and Swedish versions can
// follow without touching components or pages. Components take a `lang` option and look text up here.
const en = {
  appName: "Vuoto",
  suppressed: "hidden",
  suppressedLong: "suppressed: fewer than 5, or hidden so that a small count cannot be worked out",
  syntheticNotice: "Synthetic sample data: these figures are made up for demonstration and describe no real person.",
  builtFrom: "Built from export",
  source: "Source"
};

export type Strings = typeof en;
export type Language = "en" | "fi" | "sv";

// Finnish and Swedish fall back to English until translated.
export const strings: Record<Language, Strings> = {en, fi: {...en}, sv: {...en}};
