// People by wellbeing services county beside people by hospital district (issue 16). Districts and
// counties do not nest, so the attacker works with their intersections: each district ∩ county ∩ age
// group is an unknown (an "atom"), every published district × age, district and county cell is the sum of
// its atoms, and the national total is the sum of all of them. The pieces no table publishes (a split
// district's part in one county, a district minus the counties wholly inside it, a county minus the
// districts wholly inside it) are groups of people too: they are targets, judged like a coarsened week
// (strictly: known exactly is a finding, provably 0 is not).
import type {Release, Row} from "./read.js";
import {countyKey, UNKNOWN} from "./geography.js";
import type {LinearSystem, Quantity} from "./system.js";

/** The one "age group" of a release that publishes no district × age table. */
const ALL_AGES = "all ages";

type CellOf = (table: string, key: string[], row: Row, column: string) => Quantity;

export function modelCounties(
  system: LinearSystem,
  {tables}: Release,
  measures: readonly string[],
  cellOf: CellOf,
  national: (measure: string) => Quantity,
  prefix: string
): void {
  const counties = tables.people_by_county ?? [];
  if (counties.length === 0) return;
  const key = countyKey();
  const cross = tables.people_by_district_age ?? [];
  const byDistrict = tables.people_by_district ?? [];
  const ages = cross.length ? [...new Set(cross.map((r) => String(r.age_group)))].sort() : [ALL_AGES];
  const districts = [...new Set([...key.districts, ...[...cross, ...byDistrict].map((r) => String(r.hospital_district))])].sort(); // prettier-ignore
  const split = (district: string) => key.countiesOf(district).length > 1;
  // Each atom's name; the published cells as sets of atoms, so that no target is a published cell.
  const atomName = (d: string, c: string, a: string) => `${d}|${c}|${a}`;
  const published = new Set<string>();
  const setKey = (atoms: string[]) => [...atoms].sort().join(",");
  for (const d of districts) {
    const atomsOf = (a: string) => key.countiesOf(d).map((c) => atomName(d, c, a));
    if (cross.length) for (const a of ages) published.add(setKey(atomsOf(a)));
    published.add(setKey(ages.flatMap(atomsOf)));
  }
  for (const row of counties) {
    const c = String(row.wellbeing_services_county);
    published.add(setKey(districts.filter((d) => key.countiesOf(d).includes(c)).flatMap((d) => ages.map((a) => atomName(d, c, a))))); // prettier-ignore
  }

  const atoms = new Map<string, Map<string, Quantity>>(); // measure → atom → quantity
  // Only the measures the county table publishes: a piece of a measure it leaves out is no one's business.
  for (const measure of measures.filter((m) => counties.some((row) => m in row))) {
    const mine = new Map<string, Quantity>();
    atoms.set(measure, mine);
    for (const d of districts) {
      const row = byDistrict.find((r) => r.hospital_district === d);
      for (const a of ages) {
        const crossRow = cross.find((r) => r.hospital_district === d && r.age_group === a);
        // The published cell that holds these atoms: its district × age cell, or with no age breakdown
        // its district cell; none when the release does not publish the district.
        const holder = crossRow
          ? cellOf("people_by_district_age", ["hospital_district", "age_group"], crossRow, measure)
          : !cross.length && row
            ? cellOf("people_by_district", ["hospital_district"], row, measure)
            : undefined;
        const cs = key.countiesOf(d);
        if (cs.length === 1 && holder) {
          mine.set(atomName(d, cs[0]!, a), holder);
          continue;
        }
        const parts = cs.map((c) => {
          const atom = system.unknown(`${prefix}atom(${atomName(d, c, a)}).${measure}`, "implied", 0);
          mine.set(atomName(d, c, a), atom);
          return atom;
        });
        if (holder) system.sum(parts, holder, `district ${d}, age ${a}: its counties add up to the cell`);
      }
    }
    for (const row of counties) {
      const c = String(row.wellbeing_services_county);
      const parts = [...mine].filter(([name]) => name.split("|")[1] === c).map(([, q]) => q);
      const whole = cellOf("people_by_county", ["wellbeing_services_county"], row, measure);
      system.sum(parts, whole, `county ${c}: its district pieces add up to the county`);
    }
    system.sum([...mine.values()], national(measure), `the district ∩ county pieces add up to the national ${measure}`); // prettier-ignore
  }
  // A part of the people is among the people, piece by piece.
  const people = atoms.get("people");
  for (const [measure, mine] of atoms) {
    if (measure === "people" || !people) continue;
    for (const [name, part] of mine) {
      if (!("name" in part) || !part.name.startsWith(`${prefix}atom(`)) continue;
      system.atMost(part, people.get(name)!, `atom ${name}: ${measure} ≤ people`);
    }
  }

  // The targets: each piece of a split district (by age, and over all ages), and the differences
  // between a district and the counties wholly inside it, or a county and the districts wholly inside it.
  const pieces: string[][] = [];
  const insideOne = (c: string) => c !== UNKNOWN && key.districtsOf(c).length === 1;
  for (const d of districts.filter(split)) {
    const cs = key.countiesOf(d);
    for (const c of cs) {
      if (ages.length > 1) for (const a of ages) pieces.push([atomName(d, c, a)]);
      pieces.push(ages.map((a) => atomName(d, c, a)));
    }
    const rest = cs.filter((c) => !insideOne(c));
    if (rest.length > 1 && rest.length < cs.length)
      pieces.push(rest.flatMap((c) => ages.map((a) => atomName(d, c, a))));
  }
  for (const row of counties) {
    const c = String(row.wellbeing_services_county);
    const ds = key.districtsOf(c);
    const rest = ds.filter(split);
    if (ds.length > 1 && rest.length > 1 && rest.length < ds.length)
      pieces.push(rest.flatMap((d) => ages.map((a) => atomName(d, c, a))));
  }
  const seen = new Set<string>();
  for (const piece of pieces) {
    const k = setKey(piece);
    if (published.has(k) || seen.has(k)) continue;
    seen.add(k);
    for (const [measure, mine] of atoms) {
      const parts = piece.map((name) => mine.get(name)!);
      const target = system.unknown(`${prefix}piece(${pieceName(piece)}).${measure}`, "latent", 0);
      system.sum(parts, target, `the piece ${k}: the sum of its atoms`);
    }
  }
}

/** One atom by its name (district|county|age); a piece over all ages by its district|county pairs. */
function pieceName(piece: string[]): string {
  if (piece.length === 1 && !piece[0]!.endsWith(`|${ALL_AGES}`)) return piece[0]!;
  return [...new Set(piece.map((name) => name.split("|").slice(0, 2).join("|")))].join("+");
}
