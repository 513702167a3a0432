// The model behind the synthetic export: every figure that calibrates it, in one place, each with its
// public source and how far that source can be trusted (H high, M medium, L low). Figures marked
// "assumption" have no public source; the methods page must say so. All counts are for --scale 1.
import type {AGE_GROUPS, SEXES, SERVICES} from "../../lib/schema.js";

/** People in the stolen database (police: "about 33,000 people", H). */
export const BASE_PEOPLE = 33_000;

/**
 * Share of people with a 2nd and a 3rd record (assumption). The database had 31,980 records
 * "including duplicates and test entries" while the police count about 33,000 people; the two figures
 * do not reconcile publicly, so the model anchors on people (what the dashboard counts) and gives
 * about 5% of them a further record, for about 34,700 records at scale 1.
 */
export const SECOND_RECORD_SHARE = 0.045;
export const THIRD_RECORD_SHARE = 0.006;
/** Share of further records that name another district than the first (the person moved; assumption). */
export const MOVED_SHARE = 0.1;

/** Age at the time of the breach (assumption: no public figure; minors, 0-17, are 6%). */
export const AGE_SHARES: Record<(typeof AGE_GROUPS)[number] | "", number> = {
  "0-14": 0.02,
  "15-17": 0.04,
  "18-24": 0.17,
  "25-34": 0.3,
  "35-44": 0.22,
  "45-54": 0.14,
  "55-64": 0.07,
  "65+": 0.03,
  "": 0.01
};

/** Sex (assumption: psychotherapy clients are mostly women). */
export const SEX_SHARES: Record<(typeof SEXES)[number] | "", number> = {
  female: 0.67,
  male: 0.31,
  other: 0.01,
  "": 0.01
};

/** Share of records from the second intrusion, end Nov 2018 to Mar 2019 (assumption), and with no wave. */
export const WAVE_2_SHARE = 0.07;
export const WAVE_UNKNOWN_SHARE = 0.005;

/** Kinds of data per record (contact data and identity codes were in every record, H; the rest assumption). */
export const CATEGORY_SHARES = {
  contact: 1,
  identity_code: 0.99,
  therapy_notes: 0.88,
  treatment_plan: 0.35,
  statements: 0.08
};

/**
 * Where people lived: population weighted by Vastaamo's urban footprint (assumption). Offices in
 * Helsinki, Tampere, Turku, Oulu, Jyväskylä, Kuopio, Vaasa and Lahti. Pirkanmaa's weight follows the
 * police anchor (Sisä-Suomi police: >4,600 reports, >80% in Pirkanmaa, so about 15% of all reports);
 * Keski-Suomi then gets the rest of Sisä-Suomi's reports (about 4%), less than its population share.
 */
export const DISTRICT_FOOTPRINT: Record<string, number> = {
  "25": 1.45, // HUS: Helsinki, the largest unit
  "06": 1.55, // Pirkanmaa: Tampere
  "03": 1.2, // Varsinais-Suomi: Turku
  "18": 1.0, // Pohjois-Pohjanmaa: Oulu
  "14": 0.85, // Keski-Suomi: Jyväskylä
  "13": 0.9, // Pohjois-Savo: Kuopio
  "16": 0.8, // Vaasa
  "07": 0.7, // Päijät-Häme: Lahti
  "05": 0.6,
  "04": 0.5,
  "08": 0.45,
  "09": 0.45,
  "10": 0.4,
  "11": 0.35,
  "12": 0.5,
  "15": 0.5,
  "17": 0.4,
  "19": 0.35,
  "20": 0.35,
  "21": 0.4,
  "00": 0.1 // Åland: no office, Swedish-speaking
};
/**
 * Within a district, where people lived: municipality population weighted by Vastaamo's urban footprint
 * (assumption): the office towns named above count more, the rest by population alone.
 */
export const MUNICIPALITY_FOOTPRINT: Record<string, number> = {
  "091": 1.4, // Helsinki
  "837": 1.5, // Tampere
  "853": 1.4, // Turku
  "564": 1.4, // Oulu
  "179": 1.4, // Jyväskylä
  "297": 1.4, // Kuopio
  "905": 1.4, // Vaasa
  "398": 1.4 // Lahti
};
/** People whose district is not known (assumption). */
export const UNKNOWN_DISTRICT_SHARE = 0.015;

/**
 * How the district column is written, to exercise the loader's matching (all forms the format accepts:
 * a code, or a Finnish or Swedish name in any case, with or without diacritics). Codes are the majority.
 */
export const DISTRICT_FORM_SHARES = {
  code: 0.7,
  name_fi: 0.09,
  name_sv: 0.04,
  short_fi: 0.06,
  shp: 0.04,
  upper_fi: 0.03,
  ascii_lower_fi: 0.02,
  upper_sv: 0.02
};
export type DistrictForm = keyof typeof DISTRICT_FORM_SHARES;

/**
 * Records published on purpose: about 100 a day on the extortionist's Tor site from 21 Oct 2020 (H for
 * 21–23 Oct: about 100, >200, about 300). The batches are assumed to go on to 27 Oct.
 */
export const DAILY_BATCH = 100;
export const BATCH_DATES: readonly [string, ...string[]] = [
  "2020-10-21",
  "2020-10-22",
  "2020-10-23",
  "2020-10-24",
  "2020-10-25",
  "2020-10-26",
  "2020-10-27"
];
/**
 * The second mass leak: every record (31,980 files) linked on two dark-web forums, then on file
 * hosts. The exact day is inferred (L): 27 Jan 2021.
 *
 * `published_on` is the first deliberate publication of the record: a daily batch, else this leak.
 * The whole database was also on the Tor site for a few hours on 23 Oct 2020, apparently by mistake;
 * that exposure is a publication event (flagged in its description) but does not set `published_on`,
 * since it was not known who got the file, and it would make every record "published" on 23 Oct.
 */
export const SECOND_LEAK_DATE = "2021-01-27";
export const LEAKED_FILES = 31_980;

/** People e-mailed: 21,316 charged as attempted extortion + about 9,600 who did not report (M). */
export const EMAILED_PEOPLE = 30_900;
/** Share of a person's further records that do not carry the e-mail date (assumption). */
export const FURTHER_RECORD_WITHOUT_EMAIL_SHARE = 0.2;

/**
 * First e-mail per e-mailed person, by day: from the evening of Sat 24 Oct 2020, most by Mon 26 Oct
 * (H for the start; the spread is an assumption).
 */
export const EMAILED_BY_DAY: Array<[string, number]> = [
  ["2020-10-24", 0.42],
  ["2020-10-25", 0.3],
  ["2020-10-26", 0.13],
  ["2020-10-27", 0.05],
  ["2020-10-28", 0.03],
  ["2020-10-29", 0.02],
  ["2020-10-30", 0.015],
  ["2020-10-31", 0.01],
  ...daySpan("2020-11-01", "2020-11-15").map((day): [string, number] => [day, 0.025 / 15])
];

/**
 * Police reports, first report per person. Anchors (H): >200 by Sat 24 Oct, about 15,000 by about
 * 28 Oct, about 25,000 by 9 Nov 2020, a slow tail after. About 26,000 people report in all; the
 * daily split between anchors is an assumption.
 */
export const REPORTED_PEOPLE = 26_000;
/** Share of reporters among the e-mailed; the rest report too, because their records were published or by precaution. */
export const REPORTED_SHARE_OF_EMAILED = 0.82;
export const REPORTS_BY_DAY: Array<[string, number]> = [
  ["2020-10-21", 40],
  ["2020-10-22", 60],
  ["2020-10-23", 110],
  ["2020-10-24", 600],
  ["2020-10-25", 4_500],
  ["2020-10-26", 5_000],
  ["2020-10-27", 3_000],
  ["2020-10-28", 1_700],
  ["2020-10-29", 1_600],
  ["2020-10-30", 1_400],
  ["2020-10-31", 900],
  ["2020-11-01", 700],
  ["2020-11-02", 1_300],
  ["2020-11-03", 1_100],
  ["2020-11-04", 900],
  ["2020-11-05", 700],
  ["2020-11-06", 550],
  ["2020-11-07", 300],
  ["2020-11-08", 250],
  ["2020-11-09", 300],
  ...tail("2020-11-10", "2021-03-31", 850, 30),
  ...daySpan("2021-01-27", "2021-01-31").map((day): [string, number] => [day, 30])
];
/** Share of `reported_on` cells written as Finnish dates, D.M.YYYY (a police system's export; exercises the loader). */
export const FINNISH_DATE_SHARE = 0.05;

/** Crisis-contact rows cover 1 Aug 2020 to 31 Mar 2021 at scale 1; larger scales extend them backwards. */
export const CRISIS_START = "2020-08-01";
export const CRISIS_END = "2021-03-31";
/** The day the breach became public: before it, every crisis row is `breach_related = no`. */
export const BREACH_PUBLIC = "2020-10-21";

export interface ServiceModel {
  service: (typeof SERVICES)[number];
  /** Contacts a day in all of Finland before the breach (assumption unless noted). */
  baseline: number;
  /** Monday..Sunday factors. */
  weekday: readonly number[];
  /** Share of contacts whose district is not known (anonymous phone lines and chats). */
  unknownShare: number;
  /** The service's first day, if it opened during the period. */
  opensOn?: string;
  /** Breach-related contacts a day, nationally, from 21 Oct 2020; after the last value they decay by `decay` a day. */
  surge: readonly number[];
  decay: number;
  /** How the service's own export writes the district. */
  districtForm: DistrictForm;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1];
/**
 * MIELI crisis line: 282,355 calls in 2020 (H), "about 1,300 call attempts on Sun 25 Oct, roughly
 * double the usual" (H), so about 650 a day before. RIKU 116 006: 2,110 clients in 2019 (H), so about
 * 6 a day; 8 times the usual on Fri 23 Oct (H); about 1,500 victims served by early Nov (H). Red Cross
 * helpline opened Sun 25 Oct at 15:00 (H; no counts published). Other services: assumption.
 */
export const SERVICE_MODELS: readonly ServiceModel[] = [
  {
    service: "crisis_helpline",
    baseline: 650,
    weekday: [0.95, 0.95, 0.95, 0.97, 1.03, 1.07, 1.08],
    unknownShare: 0.25,
    surge: [80, 120, 200, 480, 600, 350, 250],
    decay: 0.85,
    districtForm: "code"
  },
  {
    service: "victim_support",
    baseline: 6,
    weekday: [1.2, 1.2, 1.2, 1.2, 1.2, 0.5, 0.5],
    unknownShare: 0.1,
    surge: [10, 25, 50, 60, 70, 160, 150, 130],
    decay: 0.9,
    districtForm: "name_fi"
  },
  {
    service: "red_cross_helpline",
    baseline: 0,
    weekday: FLAT,
    unknownShare: 0.3,
    opensOn: "2020-10-25",
    surge: [0, 0, 0, 0, 250, 400, 300],
    decay: 0.88,
    districtForm: "name_sv"
  },
  {
    service: "health_centre",
    baseline: 450,
    weekday: [1.3, 1.2, 1.15, 1.1, 1.0, 0.65, 0.6],
    unknownShare: 0,
    surge: [5, 10, 20, 20, 30, 150, 120],
    decay: 0.9,
    districtForm: "code"
  },
  {
    service: "parish",
    baseline: 120,
    weekday: [0.9, 0.95, 0.95, 1.0, 1.05, 1.05, 1.1],
    unknownShare: 0.02,
    surge: [2, 5, 10, 20, 40, 30],
    decay: 0.85,
    districtForm: "short_fi"
  },
  {
    service: "chat",
    baseline: 220,
    weekday: [1.0, 1.0, 1.0, 1.0, 0.95, 1.0, 1.05],
    unknownShare: 0.4,
    surge: [10, 20, 40, 60, 120, 100],
    decay: 0.85,
    districtForm: "code"
  },
  {
    service: "other",
    baseline: 60,
    weekday: [1.25, 1.2, 1.15, 1.1, 1.0, 0.65, 0.65],
    unknownShare: 0.15,
    surge: [2, 5, 10, 10, 10, 40],
    decay: 0.85,
    districtForm: "upper_fi"
  }
];
/** Demand "spiked again with each new development" (RIKU, H): the January leak adds this share of each service's peak, decaying. */
export const SECOND_LEAK_SURGE_SHARE = 0.25;
export const SECOND_LEAK_DECAY = 0.8;
/** Month factors for the baseline, January..December (assumption: a summer dip, a December rise). */
export const MONTH_FACTORS = [1.05, 1.0, 1.0, 0.98, 0.97, 0.92, 0.88, 0.95, 1.0, 1.02, 1.05, 1.1];
/** Share of rows after the breach became public whose `breach_related` cell is left empty (means unknown). */
export const EMPTY_FLAG_SHARE = 0.01;

/** Every day from *start* to *end*, inclusive, as YYYY-MM-DD. */
export function daySpan(start: string, end: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${start}T00:00Z`); time <= Date.parse(`${end}T00:00Z`); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** *total* spread over the days from *start* to *end*, decaying with an e-folding time of *days*. */
function tail(start: string, end: string, total: number, days: number): Array<[string, number]> {
  const span = daySpan(start, end);
  const weight = (i: number) => Math.exp(-i / days);
  const sum = span.reduce((a, _, i) => a + weight(i), 0);
  return span.map((day, i) => [day, (total * weight(i)) / sum]);
}
