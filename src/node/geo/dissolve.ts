// Hospital-district and wellbeing-services-county outlines, dissolved from the municipality outlines by the
// municipality key. Merging in topology (topojson-client's merge) drops exactly the borders two
// municipalities of one area share, so neighbouring areas keep one common border and no slivers open.
import {merge} from "topojson-client";
import {topology} from "topojson-server";
import type {MultiPolygon as GeoMultiPolygon} from "geojson";
import type {GeometryCollection, MultiPolygon, Polygon, Topology} from "topojson-specification";

/** Municipalities whose 2017 outline belongs to another code of the key: Valtimo merged into Nurmes in 2020. */
export const MERGED_MUNICIPALITIES: Readonly<Record<string, string>> = {"911": "541"};

export interface MunicipalityArea {
  code: string;
  hospital_district: string;
  wellbeing_services_county: string;
}

export type AreaObject = "hospital_districts" | "wellbeing_counties";
export type OutlineTopology = Topology<Record<AreaObject, GeometryCollection<{code: string}>>>;
type Outline = Polygon | MultiPolygon;

/** The key's code for an outline's code; throws on an outline the key does not know. */
export function keyCode(outlineCode: string, key: ReadonlyMap<string, MunicipalityArea>): MunicipalityArea {
  const area = key.get(MERGED_MUNICIPALITIES[outlineCode] ?? outlineCode);
  if (!area) throw new Error(`unknown municipality: ${outlineCode} in the outlines has no row in municipalities.csv`);
  return area;
}

function dissolveBy(
  municipalities: Topology,
  outlines: Outline[],
  key: ReadonlyMap<string, MunicipalityArea>,
  areaOf: (area: MunicipalityArea) => string
): Map<string, GeoMultiPolygon> {
  const groups = new Map<string, Outline[]>();
  for (const outline of outlines) {
    const code = areaOf(keyCode(String((outline.properties as {code?: string} | undefined)?.code ?? outline.id), key));
    groups.set(code, [...(groups.get(code) ?? []), outline]);
  }
  const codes = [...groups.keys()].sort();
  return new Map(codes.map((code) => [code, merge(municipalities, groups.get(code)!)]));
}

/**
 * The outlines of hospital districts and wellbeing services counties, as one TopoJSON topology whose
 * geometries carry `code` (the key's codes), quantised to `quantization` steps per side (1e4 is about 50 m
 * across Finland, finer than the source's simplification; 0 keeps coordinates as they are).
 */
export function dissolveOutlines(
  municipalities: Topology,
  key: readonly MunicipalityArea[],
  {object = "kuntarajat", quantization = 1e4} = {}
): OutlineTopology {
  const source = municipalities.objects[object];
  if (source?.type !== "GeometryCollection") throw new Error(`missing object: ${object} in the municipality outlines`);
  const outlines = source.geometries.filter((g): g is Outline => g.type === "Polygon" || g.type === "MultiPolygon");
  const byCode = new Map(key.map((row) => [row.code, row]));
  const collection = (areas: Map<string, GeoMultiPolygon>) => ({
    type: "FeatureCollection" as const,
    features: [...areas].map(([code, geometry]) => ({type: "Feature" as const, id: code, properties: {code}, geometry}))
  });
  return topology(
    {
      hospital_districts: collection(dissolveBy(municipalities, outlines, byCode, (m) => m.hospital_district)),
      wellbeing_counties: collection(dissolveBy(municipalities, outlines, byCode, (m) => m.wellbeing_services_county))
    },
    quantization
  ) as unknown as OutlineTopology;
}
