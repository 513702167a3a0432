// publication_events: a few dozen hand-modelled events, drawn in JS (d3's LCG) since the table is tiny.
// Channels: the extortionist's Tor site and a Tor forum from 21 Oct 2020, reposts on an imageboard,
// the whole database on the Tor site on 23 Oct, the January 2021 leak on two forums and 11 file hosts.
// The extortion e-mails are not publication events: they went to the data subjects themselves and are
// counted in affected_records.emailed_on.
import {csvFormat, randomInt, randomLcg} from "d3";
import {BATCH_DATES, LEAKED_FILES, SECOND_LEAK_DATE} from "./model.js";

export interface PublicationEvent {
  event_id: string;
  occurred_at: string;
  channel: string;
  records: number;
  description: string;
}

interface EventOptions {
  seed: number;
  /** Records in each daily batch. */
  batch: number;
  /** All records in the export (the whole-database events). */
  allRecords: number;
  scale: number;
}

/** Finnish summer time ended at 04:00 on Sun 25 Oct 2020. */
function helsinkiOffset(day: string): string {
  return day < "2020-10-25" ? "+03:00" : "+02:00";
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function publicationEvents({seed, batch, allRecords, scale}: EventOptions): PublicationEvent[] {
  const random = randomLcg((seed * 0.7548776662466927) % 1);
  const minute = randomInt.source(random)(0, 60);
  const hour = (from: number, to: number) => randomInt.source(random)(from, to)();
  const at = (day: string, h: number) =>
    `${day}T${String(h).padStart(2, "0")}:${String(minute()).padStart(2, "0")}:00${helsinkiOffset(day)}`;
  const events: Array<Omit<PublicationEvent, "event_id">> = [
    {
      occurred_at: at(BATCH_DATES[0], 3),
      channel: "tor_forum",
      records: 0,
      description: "Announcement on a Tor forum linking to the extortionist's Tor site; promises 100 patients a day"
    }
  ];
  BATCH_DATES.forEach((day, i) => {
    events.push({
      occurred_at: at(day, i === 0 ? 4 : hour(2, 9)),
      channel: "tor_site",
      records: batch,
      description: `Daily batch ${i + 1} of patient records on the extortionist's Tor site`
    });
    if (i < 4) {
      const reposted = Math.round(batch * (0.3 + 0.7 * random()));
      const timed = random() < 0.5;
      events.push({
        occurred_at: timed ? at(day, hour(5, 23)) : day,
        channel: "imageboard",
        records: reposted,
        description: "Records from the day's batch reposted in an imageboard thread (later removed)"
      });
    }
  });
  events.push({
    occurred_at: at("2020-10-23", 13),
    channel: "tor_site",
    records: allRecords,
    description:
      "WHOLE DATABASE: vastaamo.tar (about 10.9 GB) on the Tor site for a few hours, apparently by mistake; counts every record, which are not marked published that day"
  });
  events.push({
    occurred_at: at("2020-10-24", hour(10, 20)),
    channel: "tor_forum",
    records: Math.round(batch * (0.5 + random())),
    description: "Records from earlier batches reposted on a Tor forum"
  });
  const leakRecords = Math.max(allRecords, Math.round(LEAKED_FILES * scale));
  events.push({
    occurred_at: `${SECOND_LEAK_DATE}T00:${String(minute()).padStart(2, "0")}:00+02:00`,
    channel: "tor_forum",
    records: leakRecords,
    description: "Link to a package of every record (31,980 files, 76.61 MB) on a dark-web forum"
  });
  events.push({
    occurred_at: SECOND_LEAK_DATE,
    channel: "tor_forum",
    records: leakRecords,
    description: "Same package linked on a second dark-web forum"
  });
  for (let host = 1; host <= 11; ++host) {
    const day = addDays(SECOND_LEAK_DATE, Math.floor(random() * 8));
    const timed = random() < 0.3;
    events.push({
      occurred_at: timed ? at(day, hour(0, 24)) : day,
      channel: "file_host",
      records: leakRecords,
      description: `Package copied to file-sharing service ${host} of at least 11`
    });
  }
  events.sort((a, b) => a.occurred_at.slice(0, 10).localeCompare(b.occurred_at.slice(0, 10)));
  return events.map((event, i) => ({event_id: `ev${String(i + 1).padStart(4, "0")}`, ...event}));
}

export function publicationEventsCsv(events: PublicationEvent[]): string {
  return csvFormat(events, ["event_id", "occurred_at", "channel", "records", "description"]) + "\n";
}
