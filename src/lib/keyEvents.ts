// The events the report pages are annotated with: public facts, dated as the police and the press
// reported them at the time.
// Their labels live in strings.ts under `events`, keyed like here.

export type KeyEventKey = "ransomDemand" | "firstRecords" | "databasePublic" | "massEmails" | "secondLeak";

export interface KeyEvent {
  key: KeyEventKey;
  /** A Europe/Helsinki calendar date, stored as UTC midnight like the published tables' dates. */
  date: Date;
  /** The exact day is not confirmed by the sources; the pages say so. */
  assumed: boolean;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const KEY_EVENTS: readonly KeyEvent[] = [
  {key: "ransomDemand", date: day("2020-09-28"), assumed: false},
  {key: "firstRecords", date: day("2020-10-21"), assumed: false},
  {key: "databasePublic", date: day("2020-10-23"), assumed: false},
  {key: "massEmails", date: day("2020-10-24"), assumed: false},
  {key: "secondLeak", date: day("2021-01-27"), assumed: true}
];

/** The pre-incident baseline of crisis-aid demand: the ISO weeks from Monday 3 Aug to Sunday 27 Sep 2020. */
export const BASELINE = {start: day("2020-08-03"), end: day("2020-09-27")};

/** The weeks after the first publications, over which excess crisis contacts are summed: 19 Oct–13 Dec 2020. */
export const INCIDENT_WINDOW = {start: day("2020-10-19"), end: day("2020-12-13")};
