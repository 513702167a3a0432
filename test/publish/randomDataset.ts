// Random small datasets in which small cells are the rule.
import {addDays} from "../../src/node/publish/calendar.js";
import {AGE_GROUPS, SERVICES, SEXES} from "../../src/lib/schema.js";
import type {Dataset} from "./dataset.js";

/** mulberry32: a small seeded generator, so every run tests the same datasets. */
function generator(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomDataset(seed: number): Dataset {
  const random = generator(seed);
  // random() is below 1, so the index is within values (never called with an empty list).
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const maybe = (p: number, value: string) => (random() < p ? value : null);
  const districts = ["25", "06", "03", "11", "00"];
  const people = Array.from({length: 20 + Math.floor(random() * 80)}, () => ({
    district: pick(districts),
    age: pick([...AGE_GROUPS.slice(2, 6), null]),
    sex: pick([...SEXES, null]),
    wave: pick(["1", "1", "2", null]),
    categories: random() < 0.3 ? ["contact", "statements"] : ["contact"],
    published: maybe(0.2, addDays("2020-10-21", Math.floor(random() * 3))),
    emailed: maybe(0.9, addDays("2020-10-24", Math.floor(random() * 4))),
    reported: maybe(0.5, addDays("2020-10-25", Math.floor(random() * 10)))
  }));
  const crisis = Array.from({length: 35}, (_, day) =>
    districts.slice(0, 3).flatMap((district, d) =>
      SERVICES.map((service) => ({
        date: addDays("2020-10-12", day),
        district,
        service,
        contacts: Math.floor(random() * (d === 0 ? 6 : 2))
      }))
    )
  ).flat();
  return {people, crisis, publications: [{date: "2020-10-21", channel: "tor_site", records: 100}]};
}
