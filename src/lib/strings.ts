// All user-facing text, keyed by language (English first), so that Finnish and Swedish versions can
// follow without touching components or pages. Components take a `lang` option and look text up here.
// Sentences with figures in them are functions of already formatted values (format.ts does numbers
// and dates the Finnish way), so a translation can reorder them.
// Geography, populations and rate intervals (issue 16), in all three languages from the start.
const geoEn = {
  area: "Area",
  interval: "95 % interval",
  intervalRange: (low: string, high: string) => `${low}–${high}`,
  unstable: "unstable: fewer than 20",
  stableNote:
    "A rate on fewer than 20 people or contacts is unstable (CDC practice): it is shown with its 95 % interval but never ranked or named highest.",
  leftOutUnstable: (count: string) => `${count} area(s) with an unstable or hidden rate are left out of the ranking.`,
  ranking: "Ranking",
  geography: "Areas",
  geographies: {
    hospital_districts: "Hospital districts (2020)",
    wellbeing_counties: "Wellbeing services counties (2023)"
  } as Record<string, string>,
  districtsOnly:
    "This export allows hospital districts only: figures by wellbeing services county need an export with a municipality column (format 1.1), because six hospital districts split between counties.",
  countiesPending:
    "Figures by wellbeing services county are not published yet: they wait for the disclosure engine that protects the slivers between districts and counties.",
  mapTitle: (area: string, rate: string) =>
    `Among stable rates, ${area} had the most people affected per 100 000 residents: ${rate}`,
  mapTitleNone: "People affected per 100 000 residents",
  mapSubtitle: (geography: string) => `People affected per 100 000 residents, by ${geography.toLowerCase()}`,
  mapDescription: (lowest: string, highest: string) =>
    `A map of Finland. Darker areas have more people affected per 100 000 residents. Among stable rates the lowest is in ${lowest}, the highest in ${highest}. Hatched areas are hidden; dashed outlines mark unstable rates.`,
  mapLabelsNote: "Areas too small to label at this width are named in the table.",
  mapLegend: "People affected per 100 000 residents",
  populationHeading: "Populations",
  populationSource:
    "Rates per 100 000 residents use the official population at 31.12.2019 (Statistics Finland, via THL Sotkanet; CC BY 4.0): a hospital district's or wellbeing services county's population is the sum of its municipalities' in Statistics Finland's 2020 municipality key, 5 525 292 in all. Municipalities are placed in the hospital districts they belonged to from 1.1.2021 (Iitti, Kuhmoinen and Heinävesi moved; under 0.3 % of any district). Map outlines: National Land Survey of Finland municipal borders, simplified (lucified/finland-municipalities-topojson, MIT)."
};
const geoFi: typeof geoEn = {
  area: "Alue",
  interval: "95 %:n luottamusväli",
  intervalRange: (low: string, high: string) => `${low}–${high}`,
  unstable: "epävakaa: alle 20",
  stableNote:
    "Alle 20 henkilöön tai yhteydenottoon perustuva osuus on epävakaa (CDC:n käytäntö): se näytetään 95 %:n luottamusvälin kanssa, mutta sitä ei koskaan aseteta järjestykseen eikä nimetä suurimmaksi.",
  leftOutUnstable: (count: string) =>
    `${count} aluetta, joiden osuus on epävakaa tai piilotettu, on jätetty järjestyksen ulkopuolelle.`,
  ranking: "Järjestys",
  geography: "Alueet",
  geographies: {
    hospital_districts: "Sairaanhoitopiirit (2020)",
    wellbeing_counties: "Hyvinvointialueet (2023)"
  } as Record<string, string>,
  districtsOnly:
    "Tämä aineisto mahdollistaa vain sairaanhoitopiirit: luvut hyvinvointialueittain vaativat aineiston, jossa on kuntasarake (muoto 1.1), koska kuusi sairaanhoitopiiriä jakautuu usealle hyvinvointialueelle.",
  countiesPending:
    "Lukuja hyvinvointialueittain ei vielä julkaista: ne odottavat tietosuojamoottoria, joka suojaa sairaanhoitopiirien ja hyvinvointialueiden väliset kaistaleet.",
  mapTitle: (area: string, rate: string) =>
    `Vakaista osuuksista suurin oli alueella ${area}: ${rate} asianosaista 100 000 asukasta kohden`,
  mapTitleNone: "Asianosaiset 100 000 asukasta kohden",
  mapSubtitle: (geography: string) => `Asianosaiset 100 000 asukasta kohden: ${geography.toLowerCase()}`,
  mapDescription: (lowest: string, highest: string) =>
    `Suomen kartta. Tummemmilla alueilla on enemmän asianosaisia 100 000 asukasta kohden. Vakaista osuuksista pienin on alueella ${lowest}, suurin alueella ${highest}. Viivoitetut alueet on piilotettu; katkoviivareunus merkitsee epävakaata osuutta.`,
  mapLabelsNote: "Alueet, joiden nimi ei mahdu tähän leveyteen, ovat taulukossa.",
  mapLegend: "Asianosaiset 100 000 asukasta kohden",
  populationHeading: "Väestö",
  populationSource:
    "Osuudet 100 000 asukasta kohden lasketaan virallisesta väkiluvusta 31.12.2019 (Tilastokeskus, THL:n Sotkanetin kautta; CC BY 4.0): sairaanhoitopiirin tai hyvinvointialueen väkiluku on sen kuntien väkilukujen summa Tilastokeskuksen vuoden 2020 kuntaluokituksen mukaan, yhteensä 5 525 292. Kunnat kuuluvat niihin sairaanhoitopiireihin, joihin ne kuuluivat 1.1.2021 alkaen (Iitti, Kuhmoinen ja Heinävesi siirtyivät; alle 0,3 % minkään piirin väestöstä). Kartan rajat: Maanmittauslaitoksen kuntarajat, yksinkertaistettuina (lucified/finland-municipalities-topojson, MIT)."
};
const geoSv: typeof geoEn = {
  area: "Område",
  interval: "95 % konfidensintervall",
  intervalRange: (low: string, high: string) => `${low}–${high}`,
  unstable: "instabil: färre än 20",
  stableNote:
    "En andel som bygger på färre än 20 personer eller kontakter är instabil (CDC:s praxis): den visas med sitt 95 % konfidensintervall men rangordnas aldrig och utses aldrig till högst.",
  leftOutUnstable: (count: string) => `${count} område(n) med instabil eller dold andel lämnas utanför rangordningen.`,
  ranking: "Rangordning",
  geography: "Områden",
  geographies: {
    hospital_districts: "Sjukvårdsdistrikt (2020)",
    wellbeing_counties: "Välfärdsområden (2023)"
  } as Record<string, string>,
  districtsOnly:
    "Denna export medger bara sjukvårdsdistrikt: siffror per välfärdsområde kräver en export med en kommunkolumn (format 1.1), eftersom sex sjukvårdsdistrikt delas mellan välfärdsområden.",
  countiesPending:
    "Siffror per välfärdsområde publiceras ännu inte: de väntar på den röjandekontroll som skyddar remsorna mellan distrikt och välfärdsområden.",
  mapTitle: (area: string, rate: string) =>
    `Bland stabila andelar hade ${area} flest drabbade per 100 000 invånare: ${rate}`,
  mapTitleNone: "Drabbade per 100 000 invånare",
  mapSubtitle: (geography: string) => `Drabbade per 100 000 invånare: ${geography.toLowerCase()}`,
  mapDescription: (lowest: string, highest: string) =>
    `En karta över Finland. Mörkare områden har fler drabbade per 100 000 invånare. Bland stabila andelar är den lägsta i ${lowest}, den högsta i ${highest}. Streckade områden är dolda; streckad kontur markerar instabil andel.`,
  mapLabelsNote: "Områden som inte får plats med namn i denna bredd finns i tabellen.",
  mapLegend: "Drabbade per 100 000 invånare",
  populationHeading: "Befolkning",
  populationSource:
    "Andelar per 100 000 invånare räknas på den officiella folkmängden 31.12.2019 (Statistikcentralen, via THL:s Sotkanet; CC BY 4.0): ett sjukvårdsdistrikts eller välfärdsområdes folkmängd är summan av dess kommuners enligt Statistikcentralens kommunindelning 2020, sammanlagt 5 525 292. Kommunerna hör till de sjukvårdsdistrikt de hörde till från 1.1.2021 (Iitti, Kuhmois och Heinävesi bytte; under 0,3 % av något distrikt). Kartans gränser: Lantmäteriverkets kommungränser, förenklade (lucified/finland-municipalities-topojson, MIT)."
};

const en = {
  appName: "Vuoto",
  reportPages: "Report pages",
  footer: "Vuoto: breach impact analytics. Figures are aggregated and small counts suppressed.",
  suppressed: "hidden",
  suppressedLong: "suppressed: fewer than 5, or hidden so that a small count cannot be worked out",
  syntheticNotice: "Synthetic sample data: these figures are made up for demonstration and describe no real person.",
  builtFrom: "Built from export",
  source: "Source",
  explore: {
    title: "Explore",
    loading: "Loading the published tables…",
    filters: "Filters",
    noFilters: "No filters: click a bar or brush the timeline to filter every chart and the table.",
    clearAll: "Clear all",
    remove: "Remove filter",
    timeRange: "Weeks",
    district: "District",
    ageGroup: "Age",
    service: "Service",
    timeline: "Crisis-aid contacts per week",
    timelineHelp: "Drag across the weeks to filter by time; click outside the selection to clear it.",
    timelineDistricts: "Weekly rows of the selected districts; districts published by month only are not in this line.",
    districts: "By hospital district",
    measurePeople: "People affected",
    measureContacts: "Crisis contacts",
    ageGroups: "People affected by age group",
    services: "Crisis contacts by service",
    channels: "Records published by channel",
    channelsNote: "National figures: filtered by time only.",
    partial: "+ : the sum leaves out suppressed cells, so the true figure is higher.",
    allHidden: "hidden: every cell in this sum is suppressed.",
    table: "The current view, by hospital district",
    tableNote:
      "People in the selected age groups; contacts for the selected services and weeks. Hidden cells: how many suppressed cells each sum leaves out.",
    columns: {
      hospital_district: "Code",
      district_name: "District",
      people: "People affected",
      people_hidden_cells: "Hidden cells",
      contacts: "Crisis contacts",
      contacts_hidden_cells: "Hidden cells"
    } as Record<string, string>,
    downloadCsv: "CSV",
    downloadParquet: "Parquet",
    downloadSvg: "SVG",
    downloadPng: "PNG",
    download: "Download",
    sqlTitle: "SQL console",
    sqlHelp:
      "Read-only SQL (DuckDB) over the published tables: SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN. Ctrl+Enter runs.",
    sqlTables: "Tables",
    run: "Run",
    cancel: "Cancel",
    running: "Running…",
    cancelled: "Query cancelled.",
    refused: "Refused",
    error: "Error",
    at: "at line {line}, column {column}",
    rows: "{count} rows",
    rowsShown: "{count} rows, first {shown} shown",
    quickChart: "Quick chart: {y} by {x}",
    noChart: "No quick chart: the result needs a text or date column and a numeric one.",
    nullCell: "NULL"
  },
  sourceLine: (table: string) => `Source: Vuoto published table ${table}, built from the export named above.`,
  exportLine: (id: string, produced: string, period: string) => `${id}, produced ${produced}, covering ${period}`,
  numbersAsTable: "The numbers as a table",
  hiddenMark: "hidden value (suppressed)",
  atLeast: (value: string) => `at least ${value}`,
  restsOnHidden: (cells: string) => `This total leaves out ${cells} hidden cell(s); the true figure is higher.`,
  perHundredThousand: "per 100 000 residents",
  people: "People",
  records: "Records",
  contacts: "Contacts",
  date: "Date",
  week: "Week starting",
  period: "Period",
  district: "Hospital district",
  districtEn: "In English",
  residents: "Residents (end of 2019)",
  value: "Value",
  cumulative: "Cumulative",
  channel: "Channel",
  service: "Service",
  event: "Event",
  assumedDate: "(date assumed)",

  pages: {
    overview: "Overview",
    affected: "Affected patients",
    timeline: "Publication timeline",
    crisis: "Crisis-aid demand",
    methods: "Methods and data"
  },

  overview: {
    title: "The Vastaamo breach in figures",
    lead: "Who was affected by the 2020 Vastaamo psychotherapy data breach, what was published and when, and how much crisis aid people sought, by hospital district.",
    headlineHeading: "Headline figures",
    mapHeading: "Where the people affected lived",
    datesHeading: "Key dates"
  },

  headline: {
    people: "People affected",
    peopleNote: "each counted once",
    recordsPublished: "Records published",
    recordsNote: (records: string) => `of ${records} records in the stolen database`,
    emailed: "People e-mailed",
    emailedNote: "received an extortion e-mail",
    reported: "Police reports",
    reportedNote: "people who reported to the police",
    crisis: "Crisis contacts at peak",
    crisisValue: (ratio: string) => `${ratio}×`,
    crisisNote: (week: string, baseline: string) =>
      `the pre-incident weekly level in the week of ${week} (baseline ${baseline} contacts a week)`,
    baselineMethod: (start: string, end: string) =>
      `Baseline: mean weekly crisis-aid contacts in all districts and services together, in the ISO weeks from ${start} to ${end} (before the ransom demand became public).`
  },

  cartogram: {
    title: (district: string, rate: string) =>
      `${district} had the most people affected per 100 000 residents: ${rate}`,
    allHidden: "People affected per 100 000 residents, by hospital district",
    subtitle:
      "People affected per 100 000 residents, one square per hospital district, placed roughly as on a map of Finland",
    description: (lowest: string, highest: string) =>
      `A tile map of Finland's 21 hospital districts. Darker squares have more people affected per 100 000 residents. The lowest rate is in ${lowest}, the highest in ${highest}. Hatched squares are hidden.`,
    legend: "People affected per 100 000 residents"
  },

  keyDates: {
    title: (first: string, last: string) => `From the ransom demand on ${first} to the second mass leak on ${last}`,
    subtitle: "Key events of the breach, by date",
    description: (list: string) => `Key events: ${list}.`
  },

  events: {
    ransomDemand: "Ransom demand to the company",
    firstRecords: "First records posted",
    databasePublic: "Whole database briefly public",
    massEmails: "Mass extortion e-mails begin",
    secondLeak: "Second mass leak"
  },

  affected: {
    title: "Who was affected",
    lead: "People whose records were in the stolen database, counted once each, by where they lived, their age, the breach wave and the kind of data exposed.",
    districtHeading: "By hospital district",
    ageHeading: "By age group",
    waveHeading: "By breach wave",
    categoryHeading: "By kind of data exposed",
    fateHeading: "Published, e-mailed, reported",
    districtCountTitle: (district: string, count: string, share: string) =>
      `${district} had the most people affected: ${count} (${share} of all)`,
    districtCountSubtitle: "People affected, by hospital district of residence",
    districtRateTitle: (district: string, rate: string) =>
      `Relative to population, ${district} was hit hardest: ${rate} per 100 000 residents`,
    districtRateSubtitle: "People affected per 100 000 residents, by hospital district",
    ageTitle: (minors: string, share: string) => `${minors} of the people affected were minors (${share})`,
    ageTitleHidden: (minors: string) => `At least ${minors} of the people affected were minors`,
    ageSubtitle: "People affected, by age group at the time of the breach; minors (0–14 and 15–17) highlighted",
    minorLegend: "Minor (under 18)",
    adultLegend: "Adult or unknown",
    waveTitle: (share: string) => `${share} of the people affected were in the first breach wave (November 2018)`,
    waveSubtitle: "People affected, by breach wave",
    categoryTitle: (category: string, count: string) => `${category} of ${count} people were exposed`,
    categorySubtitle: "People with at least one record holding each kind of data (a person can have several)",
    fateTitle: (emailed: string, share: string) => `${emailed} people (${share}) received an extortion e-mail`,
    fateSubtitle: "People affected, and how many of them were published, e-mailed, or reported to the police",
    barsDescription: (subject: string, list: string) => `${subject}: ${list}.`
  },

  categories: {
    contact: "Contact details",
    identity_code: "Personal identity codes",
    therapy_notes: "Therapy notes",
    treatment_plan: "Treatment plans",
    statements: "Statements to authorities"
  } as Record<string, string>,

  waves: {"1": "Wave 1 (Nov 2018)", "2": "Wave 2 (Nov 2018–Mar 2019)", unknown: "Unknown"} as Record<string, string>,
  ageUnknown: "Unknown",

  fates: {
    people: "Affected",
    people_published: "Had records published",
    people_emailed: "E-mailed",
    people_reported: "Reported to police"
  } as Record<string, string>,

  timeline: {
    title: "What was published, and when",
    lead: "Records posted online per day and where, extortion e-mails sent to patients, and police reports, against the key events.",
    rangeLegend: "Show dates",
    from: "From",
    to: "To",
    reset: "Whole period",
    publishedHeading: "Records published",
    accumulatingHeading: "E-mails and police reports",
    publishedTitle: (records: string, date: string) =>
      `The largest single day put ${records} record copies online, on ${date}`,
    publishedTitleEmpty: "No records were published in the chosen period",
    publishedSubtitle:
      "Records posted per day, by channel (bars), each re-post of the same record counted again; dates are Finnish local dates",
    publishedDescription: (total: string, days: string, start: string, end: string) =>
      `From ${start} to ${end}, ${total} record copies were posted on ${days} days.`,
    recordsCumulativeTitle: (records: string, date: string) => `${records} record copies had been posted by ${date}`,
    recordsCumulativeSubtitle:
      "Records posted, cumulative, by channel: the same records were re-posted on many sites, so this exceeds the number of records",
    cumulativeTitle: (reported: string, date: string) => `${reported} people had reported to the police by ${date}`,
    cumulativeSubtitle: "People, cumulative: first extortion e-mail received and first police report filed",
    cumulativeDescription: (emailed: string, reported: string, date: string) =>
      `By ${date}, ${emailed} people had received an extortion e-mail and ${reported} had reported to the police.`,
    series: {
      records_published: "Records published",
      people_emailed: "People e-mailed",
      people_reported: "People who reported to the police"
    } as Record<string, string>
  },

  channels: {
    tor_site: "Extortionist's Tor site",
    tor_forum: "Tor forum",
    imageboard: "Image board",
    file_host: "File-sharing services",
    email: "E-mail",
    other: "Other"
  } as Record<string, string>,

  crisis: {
    title: "Demand for crisis aid",
    lead: "Contacts to crisis-aid services (helplines, victim support, health centres, parishes, chats) per hospital district, against the level before the breach became public.",
    nationalHeading: "All of Finland",
    districtsHeading: "By hospital district",
    tableHeading: "Districts ranked by peak demand",
    method: (start: string, end: string, incidentStart: string, incidentEnd: string) =>
      `Method: the baseline is the mean number of contacts per week in the ISO weeks from ${start} to ${end}, before the breach became public. Rates are contacts per week per 100 000 residents (end-2019 population). Districts too small for weekly figures are published by month; their monthly contacts are divided by the number of ISO weeks in the month. Excess contacts are the contacts above the baseline level in the periods that overlap ${incidentStart}–${incidentEnd}. Hidden cells are left out of sums, so sums that rest on them are lower bounds; a district whose baseline weeks hold hidden cells has no baseline rate or ratio (shown as hidden).`,
    nationalTitle: (ratio: string, week: string) =>
      `Crisis contacts peaked at ${ratio}× the pre-incident level in the week of ${week}`,
    nationalSubtitle:
      "Crisis-aid contacts per week in all districts, by service; dashed line: pre-incident weekly mean",
    nationalDescription: (baseline: string, peak: string, week: string) =>
      `Before the incident there were about ${baseline} contacts a week. The peak was ${peak} contacts in the week of ${week}.`,
    baselineLabel: (value: string) => `pre-incident mean ${value}/week`,
    multiplesTitle: (district: string, ratio: string) =>
      `${district} saw the sharpest rise: ${ratio}× its pre-incident weekly rate at the peak`,
    multiplesSubtitle:
      "Contacts per week per 100 000 residents; dashed line: the district's pre-incident mean; shaded: incident window; hatched strip: period with hidden cells",
    multiplesDescription: (list: string) => `Peak over pre-incident weekly rate, by district: ${list}.`,
    monthly: "monthly",
    weekly: "weekly",
    grain: "Grain",
    baselineRate: "Pre-incident rate",
    peakRate: "Peak rate",
    peakWeek: "Peak period",
    peakRatio: "Peak ÷ baseline",
    excess: "Excess contacts",
    tableCaption:
      "Hospital districts ranked by peak weekly contacts over their pre-incident rate. Rates are contacts per week per 100 000 residents."
  },

  services: {
    crisis_helpline: "Crisis helpline",
    victim_support: "Victim support",
    red_cross_helpline: "Red Cross helpline",
    health_centre: "Health centre",
    parish: "Parish",
    chat: "Chat",
    other: "Other"
  } as Record<string, string>,

  methods: {
    title: "Methods and data",
    lead: "Where the figures come from, how small numbers are protected, and what the data cannot tell.",
    formatHeading: "The export format",
    formatText:
      "The report is built from an anonymised incident export (format version 1): affected records, publication events and crisis-aid contacts, described field by field in the project README.",
    formatLink:
      "See the section “Export format v1” of README.md in the project's source, which also documents the published tables.",
    provenanceHeading: "Provenance of this build",
    provenanceText: "The public part of the export's manifest, and the suppression audit of the published tables.",
    manifestField: "Field",
    manifestValue: "Value",
    auditHeading: "Suppression audit",
    auditTable: "Table",
    auditCells: "Cells",
    auditSuppressed: "Hidden cells",
    auditNone: "The audit lists no tables.",
    suppressionHeading: "How small numbers are protected",
    suppression: (threshold: string) => [
      `Every count of fewer than ${threshold} people, records or contacts is hidden. It is shown as “hidden” or as a hatched mark, never as zero.`,
      "Some larger counts are hidden too (complementary suppression), so that a hidden count cannot be worked out by subtracting the others from a total shown elsewhere. A hidden cell can therefore hold any number, not only a small one.",
      "Hospital districts too small for weekly crisis-aid figures are published by month instead (coarsening). The weekly rates of these districts are monthly contacts divided by the number of ISO weeks in the month.",
      "All tables are suppressed and audited together, once, from the private dataset: no page computes a figure of its own that the audit has not seen.",
      "Totals and running totals that include hidden cells leave them out and say so: they are lower bounds."
    ],
    limitsHeading: "What the data cannot tell",
    limits: [
      "Who exactly was affected: only counts are published, never a person, a record, or anything that could identify one.",
      "Small areas: figures are by hospital district (2020–2022 borders), not by municipality.",
      "Cause: a rise in crisis-aid contacts coincides with the breach; the data cannot show that every contact was about it.",
      "People who sought no help, or help outside the listed services, are not in the crisis-aid figures."
    ],
    definitionsHeading: "Definitions",
    definitions: [
      [
        "Person affected",
        "someone with at least one record in the stolen database, counted once however many records they have."
      ],
      [
        "District of a person",
        "where they lived; when records disagree, the lowest district code; likewise the youngest age group and the earliest breach wave."
      ],
      [
        "Published, e-mailed, reported",
        "a person counts once, on the earliest date any of their records was published, they received an extortion e-mail, or they filed a police report."
      ],
      [
        "Records published",
        "records posted on a channel on a day (Finnish local date), from the publication events; the same record published twice counts twice."
      ],
      [
        "Crisis-aid contact",
        "one call, chat or visit to a listed service, in the district where the service was given."
      ],
      ["Per 100 000 residents", "divided by the district's population at the end of 2019."],
      ["Dates", "Finnish local dates (Europe/Helsinki), written D.M.YYYY; weeks are ISO weeks from Monday."]
    ] as [string, string][],
    syntheticHeading: "Synthetic data",
    syntheticText:
      "This build shows a synthetic sample: figures are generated to look plausible and calibrated to public aggregate facts, but describe no real person. Where no public figure exists (for example the share of minors, or crisis contacts per district), the value is a model parameter.",
    printHeading: "Printing",
    printText:
      "Every page prints on A4 without navigation. `npm run pdf` writes the whole report as PDF files to reports/."
  },

  exportFields: {
    export_id: "Export id",
    produced_by: "Produced by",
    produced_at: "Produced at",
    period_start: "Period start",
    period_end: "Period end",
    schema_version: "Format version",
    loaded_at: "Loaded at",
    vuoto_version: "Vuoto version",
    content_hash: "Content hash (SHA-256)",
    notes: "Notes",
    files: "Files"
  } as Record<string, string>,

  geo: geoEn
};

export type Strings = typeof en;
export type Language = "en" | "fi" | "sv";

// Finnish and Swedish fall back to English until translated.
export const strings: Record<Language, Strings> = {en, fi: {...en, geo: geoFi}, sv: {...en, geo: geoSv}};
