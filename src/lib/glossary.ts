// The terms every translation follows, as THL, Statistics Finland (Tilastokeskus / Statistikcentralen)
// and the Finnish authorities write them. test/lib/strings.test.ts checks the strings against it: where
// an English text uses a term, its Finnish and Swedish texts use the term's stem too. docs/glossary.md
// says the same for people; README.md says how to add or correct a translation.

export interface GlossaryTerm {
  /** How the English texts write the term (matched case-insensitively). */
  en: string;
  /** Stems the Finnish and Swedish texts must contain wherever the English one does (inflection varies). */
  fi: string;
  sv: string;
  note: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    en: "hospital district",
    fi: "sairaanhoitopiir",
    sv: "sjukvårdsdistrikt",
    note: "2020–2022 borders (not hyvinvointialue)"
  },
  {
    en: "wellbeing services county",
    fi: "hyvinvointialue",
    sv: "välfärdsområde",
    note: "from 2023; not used for 2020 data"
  },
  {
    en: "hidden",
    fi: "salat",
    sv: "sekretessbelag",
    note: "suppressed for data protection: salattu tietosuojasyistä / sekretessbelagd av dataskyddsskäl"
  },
  {en: "crisis", fi: "kriisi", sv: "kris", note: "kriisiapu / krishjälp; a contact is yhteydenotto / kontakt"},
  {en: "police", fi: "rikosilmoitu", sv: "polisanmäl", note: "rikosilmoitus / polisanmälan"},
  {en: "extortion", fi: "kirist", sv: "utpress", note: "kiristysviesti / utpressningsmejl"},
  {
    en: "100,000 residents",
    fi: "100\u00a0000 asukasta",
    sv: "100\u00a0000 invånare",
    note: "population at the end of 2019"
  },
  {en: "baseline", fi: "vertailutaso", sv: "referensnivå", note: "the pre-incident weekly mean"},
  {en: "ISO week", fi: "ISO-viik", sv: "ISO-veck", note: "weeks start on Monday"},
  {en: "breach", fi: "tietomur", sv: "dataintrång", note: "tietomurto / dataintrång; a leak is tietovuoto / läcka"}
];

/**
 * Texts that are the same in every language: names of products, formats and SQL words, and the
 * language names of the switch. A Finnish or Swedish text equal to the English one must be listed here.
 */
export const PROPER_NAMES: readonly string[] = ["Vuoto", "CSV", "Parquet", "SVG", "PNG", "NULL", "HUS"];
