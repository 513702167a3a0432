// Pure functions that build the SQL the pages run on DuckDB-WASM (and the tests run on DuckDB).
import {sql, type BoundQuery} from "./sql.js";

/** Population of each hospital district at or above *minPopulation*, largest first. */
export function districtPopulation({minPopulation = 0}: {minPopulation?: number} = {}): BoundQuery {
  return sql`SELECT code, name_fi, name_en, population_2019 AS population
    FROM hospital_districts
    WHERE population_2019 >= ${minPopulation}
    ORDER BY population_2019 DESC`;
}
