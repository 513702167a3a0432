// Public knowledge the attacker adds to a release with people by county: the official municipality key
// (data/reference/municipalities.csv, Statistics Finland's classification; /work/shared/geo) says which
// hospital districts and wellbeing services counties share municipalities. Read here on its own, not
// through the publisher's geography, so that a mistake there is not copied into the attack.
import {readFileSync} from "node:fs";

export const UNKNOWN = "unknown";

export interface CountyKey {
  /** Per district code, its counties; a district that the counties split also reaches 'unknown'. */
  countiesOf(district: string): string[];
  /** Every district of the key, 'unknown' included. */
  districts: string[];
  /** Per county code, the districts that share people with it. */
  districtsOf(county: string): string[];
}

const KEY_FILE = new URL("../../../data/reference/municipalities.csv", import.meta.url);

let cached: CountyKey | undefined;

export function countyKey(): CountyKey {
  if (cached) return cached;
  const [header = "", ...lines] = readFileSync(KEY_FILE, "utf8").trim().split(/\r?\n/);
  const columns = header.split(",");
  const [d, c] = [columns.indexOf("hospital_district"), columns.indexOf("wellbeing_services_county")];
  if (d < 0 || c < 0) throw new Error(`${KEY_FILE.pathname}: no hospital_district or wellbeing_services_county column`);
  const counties = new Map<string, Set<string>>();
  for (const line of lines) {
    const cells = line.split(",");
    const [district, county] = [cells[d] ?? "", cells[c] ?? ""];
    if (!counties.has(district)) counties.set(district, new Set());
    counties.get(district)!.add(county);
  }
  // A person without a municipality takes the county of a district that lies in one county (the
  // publisher's documented deduction), else the unknown county; a person of unknown district has both
  // unknown.
  const byDistrict = new Map<string, string[]>();
  for (const [district, set] of counties) {
    const list = [...set].sort();
    byDistrict.set(district, list.length > 1 ? [...list, UNKNOWN] : list);
  }
  byDistrict.set(UNKNOWN, [UNKNOWN]);
  const districts = [...byDistrict.keys()].sort();
  cached = {
    districts,
    countiesOf: (district) => byDistrict.get(district) ?? [UNKNOWN],
    districtsOf: (county) => districts.filter((district) => byDistrict.get(district)!.includes(county))
  };
  return cached;
}
