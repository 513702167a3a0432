// The public geography the disclosure engine must know: which hospital districts and wellbeing services
// counties share municipalities. Districts and counties do not nest (HUS splits into Helsinki and four
// Uusimaa counties; Jämsä, Punkalaidun, Myrskylä, Pukkila, Joroinen, Kruunupyy and Reisjärvi cross over),
// so an attacker who reads both tables works with their intersections; any pair not listed here is
// empty, which the attacker knows too. Read synchronously from data/reference/municipalities.csv so that
// the model (and the audit that rebuilds it from published rows) needs no database.
import {readFileSync} from "node:fs";
import {COUNTY_CODES, DISTRICT_CODES, UNKNOWN} from "../../lib/schema.js";
import {referenceMunicipalitiesCsv} from "../paths.js";

export interface Geography {
  /**
   * Per district code (and `unknown`), the counties it can share people with. A district that lies in
   * one county has that county only (aggregate.ts gives its records without a municipality that county);
   * a split district also has `unknown` (its records without a municipality). A person of unknown
   * district has no municipality, so no county.
   */
  countiesByDistrict: Map<string, string[]>;
  /**
   * The district ∩ county pieces that no table publishes but the two tables together may give away, each
   * as its list of "district|county" pairs: every piece of a split district, and every difference of a
   * district and the counties wholly inside it, or of a county and the districts wholly inside it, that
   * is more than one piece and less than the whole.
   */
  slivers: string[][];
}

const cache = new Map<string, Geography>();

export function geography(path = referenceMunicipalitiesCsv): Geography {
  const cached = cache.get(path);
  if (cached) return cached;
  const [header = "", ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const columns = header.split(",");
  const [d, c] = [columns.indexOf("hospital_district"), columns.indexOf("wellbeing_services_county")];
  if (d < 0 || c < 0) throw new Error(`${path}: no hospital_district or wellbeing_services_county column`);
  const countiesOf = new Map<string, Set<string>>(DISTRICT_CODES.map((code) => [code, new Set<string>()]));
  const districtsOf = new Map<string, Set<string>>(COUNTY_CODES.map((code) => [code, new Set<string>()]));
  lines.forEach((line, i) => {
    const cells = line.split(",");
    const [district = "", county = ""] = [cells[d], cells[c]];
    const counties = countiesOf.get(district);
    const districts = districtsOf.get(county);
    if (!counties || !districts)
      throw new Error(`${path}, line ${i + 2}: a hospital district or county code that is not in src/lib/schema.ts`);
    counties.add(county);
    districts.add(district);
  });
  const countiesByDistrict = new Map<string, string[]>();
  for (const [district, set] of countiesOf) {
    const counties = [...set].sort();
    countiesByDistrict.set(district, counties.length > 1 ? [...counties, UNKNOWN] : counties);
  }
  countiesByDistrict.set(UNKNOWN, [UNKNOWN]);

  const slivers: string[][] = [];
  const seen = new Set<string>();
  const add = (pairs: string[]) => {
    const key = [...pairs].sort().join(",");
    if (!pairs.length || seen.has(key)) return;
    seen.add(key);
    slivers.push(pairs);
  };
  const pairsOf = (district: string) => (countiesByDistrict.get(district) ?? []).map((c) => `${district}|${c}`);
  for (const [district, counties] of countiesByDistrict) {
    if (counties.length < 2) continue;
    for (const pair of pairsOf(district)) add([pair]);
    // The district minus the counties wholly inside it.
    const inside = (county: string) => districtsOf.get(county)?.size === 1;
    const rest = counties.filter((county) => !inside(county)).map((county) => `${district}|${county}`);
    if (rest.length > 1 && rest.length < counties.length) add(rest);
  }
  for (const [county, districts] of districtsOf) {
    if (districts.size < 2) continue;
    // The county minus the districts wholly inside it (those in no other county).
    const rest = [...districts].sort().filter((district) => (countiesByDistrict.get(district)?.length ?? 0) > 1);
    if (rest.length > 1 && rest.length < districts.size) add(rest.map((district) => `${district}|${county}`));
  }
  const result = {countiesByDistrict, slivers};
  cache.set(path, result);
  return result;
}
