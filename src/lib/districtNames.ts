// District names in the page's language, from the reference table (data/reference/hospital-districts.csv):
// short names for charts and tables, official names for tooltips. Finnish has its own short column
// (short_fi); English names are short already (name_en); Swedish short names are the official name
// without "sjukvårdsdistrikt", back in the nominative ("Egentliga Finlands" → "Egentliga Finland").
// An acronym used as a name in every language (HUS) stays as it is.
import type {Language} from "./strings.js";

export interface DistrictNames {
  name_fi: string;
  name_sv: string;
  name_en: string;
  short_fi: string;
}

/** The district's short name: "Varsinais-Suomi", "Egentliga Finland", "Southwest Finland". */
export function districtName(d: DistrictNames, lang: Language): string {
  if (lang === "fi" || /^[A-ZÅÄÖ]+$/.test(d.short_fi)) return d.short_fi;
  if (lang === "en") return d.name_en;
  const stem = d.name_sv.replace(/ sjukvårdsdistrikt$/, "");
  // The genitive -s of a place name is dropped; names that end in s without a genitive ending are
  // not in the table (Vasa, Satakunta, Savolax and Länsi-Pohja end otherwise).
  return stem === d.name_sv ? stem : stem.replace(/s$/, "");
}

/** The district's official name in the language: "Varsinais-Suomen sairaanhoitopiiri", … */
export function districtFullName(d: DistrictNames, lang: Language): string {
  return lang === "fi" ? d.name_fi : lang === "sv" ? d.name_sv : d.name_en;
}
