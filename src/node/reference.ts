// The reference tables (public facts, shipped in data/reference/): hospital districts, municipalities and
// wellbeing services counties. Populations come from the municipality table alone (Statistics Finland,
// 31.12.2019), so that a district's or county's population is the sum of its municipalities: one figure,
// one value.
import {literal} from "../lib/sql.js";
import {referenceCountiesCsv, referenceDistrictsCsv, referenceMunicipalitiesCsv} from "./paths.js";

const csv = (path: string) => `read_csv(${literal(path)}, header = true, all_varchar = true)`;

/**
 * SELECT over the municipality key: 3-digit code, names, hospital district and county codes, population
 * at 31.12.2019. Honkajoki (099), merged into Kankaanpää on 1.1.2021, has no population of its own in the
 * source (`NA`, counted in Kankaanpää's), so it counts 0.
 */
export function municipalitiesSelect(path = referenceMunicipalitiesCsv): string {
  return `SELECT municipality AS code, name_fi, name_sv, hospital_district, wellbeing_services_county,
    coalesce(TRY_CAST(population_2019 AS INTEGER), 0) AS population_2019
  FROM ${csv(path)}
  ORDER BY code`;
}

/** SELECT over the reference CSV with explicit types, so codes such as "03" stay text. */
export function hospitalDistrictsSelect(
  path = referenceDistrictsCsv,
  municipalities = referenceMunicipalitiesCsv
): string {
  return `SELECT d.code, d.name_fi, d.name_sv, d.name_en, d.short_fi, d.erva::INTEGER AS erva, d.erva_name,
    p.population_2019::INTEGER AS population_2019, d.tile_col::INTEGER AS tile_col, d.tile_row::INTEGER AS tile_row
  FROM ${csv(path)} AS d
  JOIN (SELECT hospital_district AS code, sum(population_2019) AS population_2019
    FROM (${municipalitiesSelect(municipalities)}) GROUP BY ALL) AS p USING (code)
  ORDER BY d.code`;
}

/**
 * Swedish district names this project used to get wrong (Centrala Tavastland for Egentliga Tavastland,
 * Päijät-Häme for Päijänne-Tavastland, Syd-Österbotten for Södra Österbotten): exports written from
 * them, the committed sample's older copies among them, still load.
 */
export function districtFormerNamesSelect(path = referenceDistrictsCsv): string {
  return `SELECT code, former_name_sv FROM ${csv(path)} WHERE former_name_sv IS NOT NULL`;
}

/** The 21 wellbeing services counties (2023), the City of Helsinki (90) and Åland (91), populations summed from municipalities. */
export function wellbeingCountiesSelect(
  path = referenceCountiesCsv,
  municipalities = referenceMunicipalitiesCsv
): string {
  return `SELECT c.code, c.name_fi, c.name_sv, c.name_en, p.population_2019::INTEGER AS population_2019
  FROM ${csv(path)} AS c
  JOIN (SELECT wellbeing_services_county AS code, sum(population_2019) AS population_2019
    FROM (${municipalitiesSelect(municipalities)}) GROUP BY ALL) AS p USING (code)
  ORDER BY c.code`;
}

/**
 * Hospital districts that municipalities left on 1.1.2021, by municipality code: Iitti (142) Kymenlaakso
 * for Päijät-Häme, Kuhmoinen (291) Keski-Suomi for Pirkanmaa, Heinävesi (090) Itä-Savo for Pohjois-Karjala.
 * The key has the new districts; an export from 2020 may give the old one, which then agrees with the
 * municipality as well (the row is still counted in the key's district, so that populations, rates and
 * counties stay the key's).
 */
export const DISTRICTS_BEFORE_2021: Readonly<Record<string, string>> = {"090": "11", "142": "08", "291": "14"};

/**
 * Every accepted spelling of a municipality for export format 1.1's `municipality` column, in lower case
 * with and without diacritics: the 3-digit code, the code without leading zeros (as Excel writes it), the
 * Finnish and the Swedish name; Valtimo's code 911 resolves to Nurmes (541), which it joined in 2020. Each
 * with the municipality's hospital district and wellbeing services county, from which a row's district
 * is derived (and against which a given district is checked).
 */
export function municipalityAliasesSelect(path = referenceMunicipalitiesCsv): string {
  return `SELECT DISTINCT unnest([lower(alias), lower(strip_accents(alias))]) AS alias, code, hospital_district,
    wellbeing_services_county
  FROM (
    SELECT unnest([code, CAST(CAST(code AS INTEGER) AS VARCHAR), name_fi, name_sv]) AS alias, *
    FROM (${municipalitiesSelect(path)})
    UNION ALL BY NAME
    SELECT unnest(['911', 'Valtimo']) AS alias, * FROM (${municipalitiesSelect(path)}) WHERE code = '541'
  )
  ORDER BY alias`;
}
