// The hospital-district reference table (public facts, shipped in data/reference/).
import {literal} from "../lib/sql.js";
import {referenceDistrictsCsv} from "./paths.js";

/** SELECT over the reference CSV with explicit types, so codes such as "03" stay text. */
export function hospitalDistrictsSelect(path = referenceDistrictsCsv): string {
  return `SELECT code, name_fi, name_sv, name_en, short_fi, erva::INTEGER AS erva, erva_name,
    population_2019::INTEGER AS population_2019, tile_col::INTEGER AS tile_col, tile_row::INTEGER AS tile_row
  FROM read_csv(${literal(path)}, header = true, all_varchar = true)
  ORDER BY code`;
}
