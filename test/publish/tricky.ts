// A small private dataset built to be hard to protect: a district with a single small age cell, a
// district whose every cell is small, a district total of exactly the threshold, everyone e-mailed
// (so e-mailed counts bound people counts), small tails in the daily series, small crisis districts, and
// a weekly crisis district with a few small weeks.
import {SERVICES} from "../../src/lib/schema.js";
import {addDays} from "../../src/node/publish/calendar.js";
import {many, type Dataset, type PersonSpec} from "./dataset.js";

export function trickyDataset(): Dataset {
  const emailed = (i: number) => addDays("2020-10-24", i % 3);
  const person = (district: string, age: string, i: number, extra: Partial<PersonSpec> = {}): PersonSpec => ({
    district,
    age,
    sex: i % 2 ? "female" : "male",
    wave: i % 5 === 0 ? "2" : "1",
    categories: i % 4 === 0 ? ["contact", "therapy_notes"] : ["contact"],
    emailed: emailed(i),
    reported: i % 3 === 0 ? addDays("2020-10-26", i % 7) : null,
    published: i % 11 === 0 ? "2020-10-21" : null,
    ...extra
  });
  const people: PersonSpec[] = [];
  let i = 0;
  // Helsinki and Uusimaa: large cells and a single small one (15-17: 2 people).
  for (const [age, n] of [
    ["18-24", 40],
    ["25-34", 60],
    ["35-44", 50],
    ["45-54", 30],
    ["15-17", 2],
    ["65+", 9]
  ] as const) {
    for (let k = 0; k < n; k++) people.push(person("25", age, i++));
  }
  // Pirkanmaa: large, with an age group of 7 (every one e-mailed on the same day).
  for (const [age, n] of [
    ["18-24", 20],
    ["25-34", 25],
    ["35-44", 12],
    ["65+", 7]
  ] as const) {
    for (let k = 0; k < n; k++) people.push(person("06", age, i++, {emailed: "2020-10-24"}));
  }
  // Varsinais-Suomi: every cell small (1, 2, 3, 1), total 7.
  for (const [age, n] of [
    ["18-24", 1],
    ["25-34", 2],
    ["35-44", 3],
    ["45-54", 1]
  ] as const) {
    for (let k = 0; k < n; k++) people.push(person("03", age, i++));
  }
  // Satakunta: total exactly the threshold, spread 3 + 2.
  for (const [age, n] of [
    ["25-34", 3],
    ["55-64", 2]
  ] as const) {
    for (let k = 0; k < n; k++) people.push(person("04", age, i++));
  }
  // Unknown district, unknown age: 6.
  people.push(...many(6, {district: "unknown", sex: null, wave: null, emailed: "2020-10-25"}));
  // One person with two records that disagree: counted once, lowest district, youngest age.
  people.push({...person("25", "35-44", i++), key: "twice"}, {...person("06", "18-24", i++), key: "twice"});

  const crisis: Dataset["crisis"] = [];
  const start = "2020-10-05";
  for (let day = 0; day < 84; day++) {
    const date = addDays(start, day);
    SERVICES.forEach((service, s) => {
      crisis.push({date, district: "25", service, contacts: 3 + ((day * 7 + s * 3) % 5)});
      if (day % 3 === s % 3) crisis.push({date, district: "11", service, contacts: 1});
      if (day % 9 === 0 && s < 2) crisis.push({date, district: "00", service, contacts: 2});
      // Pohjois-Pohjanmaa: weekly, but its parish service has three weeks of 2 contacts.
      const quiet = service === "parish" && [14, 35, 56].includes(day);
      if (quiet) crisis.push({date, district: "18", service, contacts: 2});
      else if (service !== "parish" || ![14, 35, 56].includes(day - (day % 7)))
        crisis.push({date, district: "18", service, contacts: 1});
    });
  }
  return {
    people,
    publications: [
      {date: "2020-10-21", channel: "tor_site", records: 100},
      {date: "2020-10-22", channel: "tor_site", records: 120},
      {date: "2020-10-22", channel: "imageboard", records: 3},
      {date: "2020-10-23", channel: "tor_site", records: 300},
      {date: "2021-01-27", channel: "file_host", records: 31980}
    ],
    crisis
  };
}
