// The generator's districts: the 21 reference districts in code order, then `unknown`, with each one's
// share of the population (crisis-contact baselines) and of the affected people (population × Vastaamo's
// footprint), and the spellings a real export might use for it.
import type {NodeDatabase} from "../duckdbNode.js";
import type {BoundQuery} from "../../lib/sql.js";
import {raw} from "./fragment.js";
import {hospitalDistrictsSelect, municipalitiesSelect} from "../reference.js";
import {UNKNOWN_DISTRICT} from "../../lib/schema.js";
import {
  DISTRICT_FOOTPRINT,
  DISTRICT_FORM_SHARES,
  MUNICIPALITY_FOOTPRINT,
  UNKNOWN_DISTRICT_SHARE,
  type DistrictForm
} from "./model.js";

export interface ReferenceDistrict {
  code: string;
  name_fi: string;
  name_sv: string;
  short_fi: string;
  population_2019: number;
}

export interface DistrictModel {
  /** Codes, then `unknown` last. */
  codes: string[];
  populationShare: number[];
  /** Share of affected people; sums to 1 with `unknown`. */
  peopleShare: number[];
  /** spellings[form][district]: the district written in one of DISTRICT_FORMS. */
  spellings: Record<DistrictForm, string[]>;
  /**
   * Per district (in `codes` order; `unknown` has none): its municipality codes and their cumulative
   * share of the district's people (population × MUNICIPALITY_FOOTPRINT), the last exactly 1; and
   * their cumulative share of its population (crisis contacts).
   */
  municipalities: Array<{codes: string[]; cumulative: number[]; cumulativePopulation: number[]}>;
}

export interface ReferenceMunicipality {
  code: string;
  hospital_district: string;
  population_2019: number;
}

export async function loadReferenceMunicipalities(db: NodeDatabase): Promise<ReferenceMunicipality[]> {
  return db.query<ReferenceMunicipality>(municipalitiesSelect());
}

/** Each district's municipalities with their cumulative weights, for municipalityModel. */
function municipalitiesOf(
  code: string,
  municipalities: ReferenceMunicipality[]
): DistrictModel["municipalities"][number] {
  const inside = municipalities
    .filter((m) => m.hospital_district === code && m.population_2019 > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    codes: inside.map((m) => m.code),
    cumulative: cumulativeShares(inside.map((m) => m.population_2019 * (MUNICIPALITY_FOOTPRINT[m.code] ?? 1))),
    cumulativePopulation: cumulativeShares(inside.map((m) => m.population_2019))
  };
}

/** Running shares of *weights*, the last exactly 1. */
function cumulativeShares(weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  return weights.map((w, i) => (i === weights.length - 1 ? 1 : (running += w) / total));
}

export const DISTRICT_FORMS = Object.keys(DISTRICT_FORM_SHARES) as DistrictForm[];

export async function loadReferenceDistricts(db: NodeDatabase): Promise<ReferenceDistrict[]> {
  return db.query<ReferenceDistrict>(hospitalDistrictsSelect());
}

export function districtModel(
  reference: ReferenceDistrict[],
  municipalities: ReferenceMunicipality[] = []
): DistrictModel {
  const districts = [...reference].sort((a, b) => a.code.localeCompare(b.code));
  const population = districts.reduce((sum, d) => sum + d.population_2019, 0);
  const weight = (d: ReferenceDistrict) => {
    const footprint = DISTRICT_FOOTPRINT[d.code];
    if (footprint === undefined) throw new Error(`missing footprint weight for district: ${d.code}`);
    return d.population_2019 * footprint;
  };
  const weighted = districts.reduce((sum, d) => sum + weight(d), 0);
  return {
    codes: [...districts.map((d) => d.code), UNKNOWN_DISTRICT],
    populationShare: [...districts.map((d) => d.population_2019 / population), 0],
    peopleShare: [
      ...districts.map((d) => ((1 - UNKNOWN_DISTRICT_SHARE) * weight(d)) / weighted),
      UNKNOWN_DISTRICT_SHARE
    ],
    municipalities: [
      ...districts.map((d) => municipalitiesOf(d.code, municipalities)),
      {codes: [], cumulative: [], cumulativePopulation: []}
    ],
    spellings: Object.fromEntries(
      DISTRICT_FORMS.map((form) => [form, [...districts.map((d) => spell(d, form)), UNKNOWN_DISTRICT]])
    ) as Record<DistrictForm, string[]>
  };
}

/** A district written as *form*: every form is one the export format accepts or a common abbreviation of a name. */
export function spell(d: ReferenceDistrict, form: DistrictForm): string {
  switch (form) {
    case "code":
      return d.code;
    case "name_fi":
      return d.name_fi;
    case "name_sv":
      return d.name_sv;
    case "short_fi":
      return d.short_fi;
    case "shp":
      return d.name_fi.replace(/sairaanhoitopiiri$/, "shp");
    case "upper_fi":
      return d.name_fi.toLocaleUpperCase("fi");
    case "ascii_lower_fi":
      return d.name_fi.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("fi");
    case "upper_sv":
      return d.name_sv.toLocaleUpperCase("sv");
  }
}

/**
 * A municipality code drawn for the district at index *district* (an SQL expression) from the uniform
 * *uniform*, by the municipalities' *weights*; NULL for `unknown`, which has none. Codes are digits and
 * weights numbers: constant lists written into the query.
 */
export function municipalityPick(
  districts: DistrictModel,
  weights: "cumulative" | "cumulativePopulation",
  district: string,
  uniform: string
): BoundQuery {
  const codes = `([${districts.municipalities.map((m) => `[${m.codes.map((c) => `'${c.replace(/\D/g, "")}'`).join(", ")}]`).join(", ")}]::VARCHAR[][])`;
  const cumulative = `([${districts.municipalities.map((m) => `[${m[weights].map((w) => w.toFixed(12)).join(", ")}]`).join(", ")}]::DOUBLE[][])`;
  return raw(
    `${codes}[${district} + 1][1 + len(list_filter(${cumulative}[${district} + 1], lambda w: w <= ${uniform}))]`
  );
}
