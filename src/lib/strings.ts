import type {Refusal} from "./readOnlySql.js";

// All user-facing text, keyed by language (English first), so that Finnish and Swedish versions can
// follow without touching components or pages. Components take a `lang` option and look text up here.
// Sentences with figures in them are functions of already formatted values (format.ts does numbers
// and dates the Finnish way), so a translation can reorder them.
/** A text in the plural forms Intl.PluralRules names for Finnish, Swedish and English; see format.ts plural(). */
export interface Plural {
  one: string;
  other: string;
}
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
  },
  areaLabel: "Show figures by",
  noCountyTiles:
    "The tile map has hospital districts only: for wellbeing services counties, see the map and its table.",
  crisisDistrictsOnly:
    "Crisis contacts are published by hospital district only, so the crisis figures on this page stay by hospital district.",
  countiesHeading: "People affected by wellbeing services county",
  countyNote:
    "From people_by_county, the whole export: the filters do not apply to it, since the county table has no dates, age groups or services.",
  countyUnknownPeople: "people whose wellbeing services county is not known",
  county: "Wellbeing services county",
  countyHeading: "By wellbeing services county",
  countyCountTitle: (county: string, count: string, share: string) =>
    `${county} had the most people affected: ${count} (${share} of all)`,
  countyCountSubtitle: "People affected, by wellbeing services county (2023) of residence",
  countyRateTitle: (county: string, rate: string) =>
    `Relative to population, ${county} was hit hardest among stable rates: ${rate} per 100,000 residents`,
  countyRateSubtitle: "People affected per 100,000 residents, by wellbeing services county; stable rates only, ranked",
  intervalTitle: (name: string, low: string, high: string) => `${name}; 95 % interval ${low}–${high}`,
  districtsOnly:
    "This export allows hospital districts only: figures by wellbeing services county need an export with a municipality column (format 1.1), because six hospital districts split between counties.",
  mapTitle: (area: string, rate: string) =>
    `Among stable rates, ${area} had the most people affected per 100\u00a0000 residents: ${rate}`,
  mapTitleNone: "People affected per 100\u00a0000 residents",
  mapSubtitle: (geography: string) => `People affected per 100\u00a0000 residents, by ${geography.toLowerCase()}`,
  mapDescription: (lowest: string, highest: string) =>
    `A map of Finland. Darker areas have more people affected per 100\u00a0000 residents. Among stable rates the lowest is in ${lowest}, the highest in ${highest}. Hatched areas are hidden; dashed outlines mark unstable rates.`,
  mapLabelsNote: "Areas too small to label at this width are named in the table.",
  mapLegend: "People affected per 100\u00a0000 residents",
  populationHeading: "Populations",
  populationSource:
    "Rates per 100\u00a0000 residents use the official population at 31.12.2019 (Statistics Finland, via THL Sotkanet; CC BY 4.0): a hospital district's or wellbeing services county's population is the sum of its municipalities' in Statistics Finland's 2020 municipality key, 5 525 292 in all. Municipalities are placed in the hospital districts they belonged to from 1.1.2021 (Iitti, Kuhmoinen and Heinävesi moved; under 0.3 % of any district). A 2020 export may give them their 2020 district (Kymenlaakso, Keski-Suomi, Itä-Savo): it is accepted, and the people are counted in the new one, so that figures, populations and counties agree. Map outlines: National Land Survey of Finland municipal borders, simplified (lucified/finland-municipalities-topojson, MIT)."
};
const geoFi: typeof geoEn = {
  area: "Alue",
  interval: "95 %:n luottamusväli",
  intervalRange: (low: string, high: string) => `${low}–${high}`,
  unstable: "epävakaa: alle 20",
  stableNote:
    "Alle 20 henkilöön tai yhteydenottoon perustuva osuus on epävakaa (CDC:n käytäntö): se näytetään 95 %:n luottamusvälin kanssa, mutta sitä ei koskaan aseteta järjestykseen eikä nimetä suurimmaksi.",
  leftOutUnstable: (count: string) =>
    `${count} aluetta, joiden osuus on epävakaa tai salattu, on jätetty järjestyksen ulkopuolelle.`,
  ranking: "Järjestys",
  geography: "Alueet",
  geographies: {
    hospital_districts: "Sairaanhoitopiirit (2020)",
    wellbeing_counties: "Hyvinvointialueet (2023)"
  },
  areaLabel: "Näytä luvut",
  noCountyTiles: "Ruutukartalla on vain sairaanhoitopiirit: hyvinvointialueet näkyvät kartalla ja sen taulukossa.",
  crisisDistrictsOnly:
    "Kriisiavun yhteydenotot julkaistaan vain sairaanhoitopiireittäin, joten tämän sivun kriisiluvut ovat sairaanhoitopiireittäin.",
  countiesHeading: "Asianosaiset hyvinvointialueittain",
  countyNote:
    "Taulusta people_by_county, koko aineisto: suodattimet eivät koske sitä, koska hyvinvointialuetaulussa ei ole päiviä, ikäryhmiä eikä palveluja.",
  countyUnknownPeople: "asianosaiset, joiden hyvinvointialue ei ole tiedossa",
  county: "Hyvinvointialue",
  countyHeading: "Hyvinvointialueittain",
  countyCountTitle: (county: string, count: string, share: string) =>
    `Vuodon koskemia henkilöitä oli eniten: ${county}, ${count} (${share} kaikista)`,
  countyCountSubtitle: "Vuodon koskemat henkilöt asuinhyvinvointialueen (2023) mukaan",
  countyRateTitle: (county: string, rate: string) =>
    `Väestöön suhteutettuna vuoto koski vakaista osuuksista eniten aluetta ${county}: ${rate} 100\u00a0000 asukasta kohden`,
  countyRateSubtitle:
    "Vuodon koskemat henkilöt 100\u00a0000 asukasta kohden hyvinvointialueittain; vain vakaat osuudet, suuruusjärjestyksessä",
  intervalTitle: (name: string, low: string, high: string) => `${name}; 95 %:n luottamusväli ${low}–${high}`,
  districtsOnly:
    "Tämä aineisto mahdollistaa vain sairaanhoitopiirit: luvut hyvinvointialueittain vaativat aineiston, jossa on kuntasarake (muoto 1.1), koska kuusi sairaanhoitopiiriä jakautuu usealle hyvinvointialueelle.",
  mapTitle: (area: string, rate: string) =>
    `Vakaista osuuksista suurin oli alueella ${area}: ${rate} asianosaista 100\u00a0000 asukasta kohden`,
  mapTitleNone: "Asianosaiset 100\u00a0000 asukasta kohden",
  mapSubtitle: (geography: string) => `Asianosaiset 100\u00a0000 asukasta kohden: ${geography.toLowerCase()}`,
  mapDescription: (lowest: string, highest: string) =>
    `Suomen kartta. Tummemmilla alueilla on enemmän asianosaisia 100\u00a0000 asukasta kohden. Vakaista osuuksista pienin on alueella ${lowest}, suurin alueella ${highest}. Viivoitettujen alueiden luvut on salattu tietosuojasyistä; katkoviivareunus merkitsee epävakaata osuutta.`,
  mapLabelsNote: "Alueet, joiden nimi ei mahdu tähän leveyteen, ovat taulukossa.",
  mapLegend: "Asianosaiset 100\u00a0000 asukasta kohden",
  populationHeading: "Väestö",
  populationSource:
    "Osuudet 100\u00a0000 asukasta kohden lasketaan virallisesta väkiluvusta 31.12.2019 (Tilastokeskus, THL:n Sotkanetin kautta; CC BY 4.0): sairaanhoitopiirin tai hyvinvointialueen väkiluku on sen kuntien väkilukujen summa Tilastokeskuksen vuoden 2020 kuntaluokituksen mukaan, yhteensä 5 525 292. Kunnat kuuluvat niihin sairaanhoitopiireihin, joihin ne kuuluivat 1.1.2021 alkaen (Iitti, Kuhmoinen ja Heinävesi siirtyivät; alle 0,3 % minkään piirin väestöstä). Vuoden 2020 aineisto saa antaa niille vuoden 2020 piirin (Kymenlaakso, Keski-Suomi, Itä-Savo): se hyväksytään, ja henkilöt lasketaan uuteen piiriin, jotta luvut, väkiluvut ja hyvinvointialueet täsmäävät. Kartan rajat: Maanmittauslaitoksen kuntarajat, yksinkertaistettuina (lucified/finland-municipalities-topojson, MIT)."
};
const geoSv: typeof geoEn = {
  area: "Område",
  interval: "95 % konfidensintervall",
  intervalRange: (low: string, high: string) => `${low}–${high}`,
  unstable: "instabil: färre än 20",
  stableNote:
    "En andel som bygger på färre än 20 personer eller kontakter är instabil (CDC:s praxis): den visas med sitt 95 % konfidensintervall men rangordnas aldrig och utses aldrig till högst.",
  leftOutUnstable: (count: string) =>
    `${count} område(n) med instabil eller sekretessbelagd andel lämnas utanför rangordningen.`,
  ranking: "Rangordning",
  geography: "Områden",
  geographies: {
    hospital_districts: "Sjukvårdsdistrikt (2020)",
    wellbeing_counties: "Välfärdsområden (2023)"
  },
  areaLabel: "Visa siffror per",
  noCountyTiles: "Rutkartan har bara sjukvårdsdistrikt: välfärdsområdena finns på kartan och i dess tabell.",
  crisisDistrictsOnly:
    "Kriskontakter publiceras bara per sjukvårdsdistrikt, så sidans krissiffror visas per sjukvårdsdistrikt.",
  countiesHeading: "Drabbade per välfärdsområde",
  countyNote:
    "Ur people_by_county, hela exporten: filtren gäller inte den, eftersom välfärdsområdestabellen saknar datum, åldersgrupper och tjänster.",
  countyUnknownPeople: "drabbade vars välfärdsområde inte är känt",
  county: "Välfärdsområde",
  countyHeading: "Per välfärdsområde",
  countyCountTitle: (county: string, count: string, share: string) =>
    `Flest berörda fanns i ${county}: ${count} (${share} av alla)`,
  countyCountSubtitle: "Berörda personer efter bostadens välfärdsområde (2023)",
  countyRateTitle: (county: string, rate: string) =>
    `I förhållande till befolkningen drabbades ${county} hårdast bland stabila andelar: ${rate} per 100\u00a0000 invånare`,
  countyRateSubtitle:
    "Berörda personer per 100\u00a0000 invånare, per välfärdsområde; bara stabila andelar, rangordnade",
  intervalTitle: (name: string, low: string, high: string) => `${name}; 95 % konfidensintervall ${low}–${high}`,
  districtsOnly:
    "Denna export medger bara sjukvårdsdistrikt: siffror per välfärdsområde kräver en export med en kommunkolumn (format 1.1), eftersom sex sjukvårdsdistrikt delas mellan välfärdsområden.",
  mapTitle: (area: string, rate: string) =>
    `Bland stabila andelar hade ${area} flest drabbade per 100\u00a0000 invånare: ${rate}`,
  mapTitleNone: "Drabbade per 100\u00a0000 invånare",
  mapSubtitle: (geography: string) => `Drabbade per 100\u00a0000 invånare: ${geography.toLowerCase()}`,
  mapDescription: (lowest: string, highest: string) =>
    `En karta över Finland. Mörkare områden har fler drabbade per 100\u00a0000 invånare. Bland stabila andelar är den lägsta i ${lowest}, den högsta i ${highest}. Streckade områdens siffror är sekretessbelagda; streckad kontur markerar instabil andel.`,
  mapLabelsNote: "Områden som inte får plats med namn i denna bredd finns i tabellen.",
  mapLegend: "Drabbade per 100\u00a0000 invånare",
  populationHeading: "Befolkning",
  populationSource:
    "Andelar per 100\u00a0000 invånare räknas på den officiella folkmängden 31.12.2019 (Statistikcentralen, via THL:s Sotkanet; CC BY 4.0): ett sjukvårdsdistrikts eller välfärdsområdes folkmängd är summan av dess kommuners enligt Statistikcentralens kommunindelning 2020, sammanlagt 5 525 292. Kommunerna hör till de sjukvårdsdistrikt de hörde till från 1.1.2021 (Iitti, Kuhmois och Heinävesi bytte; under 0,3 % av något distrikt). En export från 2020 får ge dem deras distrikt 2020 (Kymmenedalen, Mellersta Finland, Östra Savolax): det godtas, och personerna räknas i det nya, så att siffror, folkmängder och välfärdsområden stämmer överens. Kartans gränser: Lantmäteriverkets kommungränser, förenklade (lucified/finland-municipalities-topojson, MIT)."
};

const en = {
  appName: "Vuoto",
  draftBanner: "Draft: this release has not been reviewed yet. Do not cite or share its figures.",
  releaseNotes: {
    heading: "Changes since the previous release",
    none: "There is no earlier release in the ledger to compare this one with.",
    since: (release: string) => `Compared with release ${release}, from the published tables of both releases only.`,
    noChange: "No published total moved, and no cell became hidden or published.",
    total: (name: string, before: string, after: string, change: string) => `${name}: ${before} → ${after} (${change})`,
    cell: (table: string, row: string, column: string, hidden: boolean) =>
      `${table}, ${row}, ${column}: ${hidden ? "now hidden" : "now published"}`,
    totals: {
      people: "People affected",
      records: "Records",
      records_published: "Records published",
      people_emailed: "People e-mailed",
      people_reported: "People who reported to the police",
      crisis_contacts: "Crisis contacts"
    } as Record<string, string>
  },
  citeThis: "Cite this",
  downloads: {
    heading: "Download the data",
    zipShown: "ZIP, as shown",
    zipFull: "ZIP, full table",
    excelCsv: "CSV for Finnish Excel",
    xlsx: "Excel (XLSX)",
    jsonStat: "JSON-stat 2",
    table: "Table",
    asShown: "as shown",
    full: "full table",
    unit: "Unit",
    source: "Source",
    release: "release",
    suppression: "Suppression",
    suppressionRule: (threshold: string) =>
      `counts below ${threshold} are hidden, and further cells are hidden so that no hidden count can be worked out; a hidden cell is empty, never zero.`,
    hiddenCount: (count: number) => `Hidden cells in this file: ${count} (listed in metadata.json).`,
    licence: "Licence",
    cite: "How to cite",
    dateFilter: (from: string, to: string) => `dates ${from}–${to}`,
    wholePeriodsFilter: "whole weeks and months only (the export's partial first and last periods left out)",
    computedFilter: "figures computed from the full table, as the chart shows them"
  },
  print: {
    title: "The Vastaamo data breach: impact report",
    contents: "Contents",
    exportLabel: "Export",
    periodLabel: "Period",
    builtLabel: "Built on",
    releaseLabel: "Release",
    syntheticMark: "Synthetic sample data",
    page: "Page"
  },
  reportPages: "Report pages",
  languageSwitch: "Language",
  isoWeek: "week {week} of {year}",
  contactsPerWeek: "Contacts per week",
  recordsPerDay: "Records per day",
  hiddenWeek: "week with every cell hidden",
  hiddenOfCells: {one: "{hidden} of {cells} cell hidden", other: "{hidden} of {cells} cells hidden"} as Plural,
  footer: "Vuoto: breach impact analytics. Figures are aggregated and small counts suppressed.",
  suppressed: "hidden",
  suppressedLong: "suppressed: below the publication threshold, or hidden so that a small count cannot be worked out",
  syntheticNotice: "Synthetic sample data: these figures are made up for demonstration and describe no real person.",
  builtFrom: "Built from export",
  source: "Source",
  explore: {
    title: "Explore",
    loading: "Loading the published tables…",
    filters: "Filters",
    noFilters: "No filters: click a bar or brush the timeline to filter every chart and the table.",
    noFiltersShort: "No filters: all published data",
    districtMeasure: "What the district chart counts",
    downloadSource: "Source: Vuoto published tables {tables}; export {export}.",
    clearAll: "Clear all",
    remove: "Remove filter",
    timeRange: "Weeks",
    district: "District",
    ageGroup: "Age",
    service: "Service",
    timeline: "Crisis-aid contacts per week",
    previewLoading:
      "The query engine is loading: these charts show the published figures, unfiltered. Filters, the table and SQL follow in a moment.",
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
    sqlFromLink: "This query came with the link and has not been run. Read it, then press Run.",
    resultTable: "Query result",
    run: "Run",
    cancel: "Cancel",
    running: "Running…",
    cancelled: "Query cancelled.",
    refused: "Refused",
    refusals: {
      unterminatedComment: "invalid statement: a comment is never closed",
      unterminatedString: "invalid statement: a string is never closed",
      unterminatedQuotedName: "invalid statement: a quoted name is never closed",
      missingStatement: "missing statement: type a SELECT query",
      oneStatement: "invalid statement: only one statement can be run at a time",
      notAllowed: "not allowed: {keyword}; the console is read-only",
      firstWord:
        "not allowed: {keyword}; the console only runs SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW or EXPLAIN",
      fileFunction: "not allowed: {keyword}(); the console reads the published tables only, not files or URLs",
      pathString: "not allowed: a file name, path or URL; the console reads the published tables only",
      fileName: "not allowed: a quoted name with '.', '/', '\\' or ':' (it could name a file)"
    } as Record<Refusal, string>,
    error: "Error",
    at: "at line {line}, column {column}",
    rows: {one: "{count} row", other: "{count} rows"} as Plural,
    rowsShown: {one: "{count} row, first {shown} shown", other: "{count} rows, first {shown} shown"} as Plural,
    quickChart: "Quick chart: {y} by {x}",
    noChart: "No quick chart: the result needs a text or date column and a numeric one.",
    nullCell: "NULL"
  },
  sourceLine: (table: string) => `Source: Vuoto published table ${table}, built from the export named above.`,
  exportLine: (id: string, produced: string, period: string) => `${id}, produced ${produced}, covering ${period}`,
  numbersAsTable: "The numbers as a table",
  hiddenMark: "hidden value (suppressed)",
  atLeast: (value: string) => `at least ${value}`,
  restsOnHidden: {
    one: "This total leaves out {cells} hidden cell; the true figure is higher.",
    other: "This total leaves out {cells} hidden cells; the true figure is higher."
  } as Plural,
  perHundredThousand: "per 100,000 residents",
  people: "People",
  records: "Records",
  contacts: "Contacts",
  date: "Date",
  week: "Week starting",
  period: "Period",
  district: "Hospital district",
  districtFull: "Official name",
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
    explore: "Explore",
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
      `${district} had the most people affected per 100,000 residents: ${rate}`,
    allHidden: "People affected per 100,000 residents, by hospital district",
    subtitle:
      "People affected per 100,000 residents, one square per hospital district, placed roughly as on a map of Finland",
    description: (lowest: string, highest: string) =>
      `A tile map of Finland's 21 hospital districts. Darker squares have more people affected per 100,000 residents. The lowest rate is in ${lowest}, the highest in ${highest}. Hatched squares are hidden.`,
    legend: "People affected per 100,000 residents"
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
      `Relative to population, ${district} was hit hardest: ${rate} per 100,000 residents`,
    districtRateSubtitle: "People affected per 100,000 residents, by hospital district",
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
      `Method: the baseline is the mean number of contacts per week in the ISO weeks from ${start} to ${end}, before the breach became public. Rates are contacts per week per 100,000 residents (end-2019 population). Districts too small for weekly figures are published by month; their monthly contacts are divided by the number of ISO weeks in the month. Excess contacts are the contacts above the baseline level in the periods that overlap ${incidentStart}–${incidentEnd}. Hidden cells are left out of sums, so sums that rest on them are lower bounds; a district whose baseline weeks hold hidden cells has no baseline rate or ratio (shown as hidden).`,
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
      "Contacts per week per 100,000 residents; dashed line: the district's pre-incident mean; shaded: incident window; hatched strip: period with hidden cells",
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
      "Hospital districts ranked by peak weekly contacts over their pre-incident rate. Rates are contacts per week per 100,000 residents."
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
    countsHeading: "Every published count and what protects it",
    countsIntro:
      "Each count column of the published tables and each national total, what it counts, and the disclosure rules that the build's audit checks for it.",
    countsColumns: {table: "Table", measure: "Count", counts: "What it counts", rules: "Protected by"},
    counted: {
      people: "people, each counted once",
      records: "patient records",
      contacts: "crisis-aid contacts",
      events: "publication events (postings of stolen records)"
    } as Record<string, string>,
    partOf: (whole: string) => `a part of ${whole} in the same row`,
    ruleNames: {
      threshold: "threshold",
      contract: "contract",
      redaction: "redaction",
      multiple: "rounding",
      sums: "rounded sums",
      marginals: "sums",
      consistent: "consistency",
      protection: "protection interval",
      interval: "rounding interval",
      smallGroup: "small groups",
      groupAttributes: "group attributes"
    } as Record<string, string>,
    ruleDescriptions: {
      threshold: "no count from 1 to the threshold minus one",
      contract: "only the documented tables and columns, never a row-level or free-text column",
      redaction: "no count of 7 or less is published, 0 included",
      multiple: "every published count is a multiple of 5",
      sums: "every total is the sum of its published rounded parts",
      marginals: "parts add up to their totals",
      consistent: "the published figures fit together",
      protection: "a hidden count cannot be narrowed to a range narrower than the threshold",
      interval:
        "from everything published, no count can be narrowed to fewer than 5 possible values (a count shown as 10 stays anywhere from 8 to 12)",
      smallGroup: "from everything published, no count can be shown to lie between 1 and 7",
      groupAttributes: "no 0 or full count beside a hidden count of people"
    } as Record<string, string>,
    noProtection:
      "none needed: a publication is an act of the extortionist, public in itself, and says nothing about any person",
    suppressionHeading: "How small numbers are protected",
    suppression: (threshold: string) => [
      `Every count of fewer than ${threshold} people, records or contacts is hidden. It is shown as “hidden” or as a hatched mark, never as zero.`,
      "Some larger counts are hidden too (complementary suppression), so that a hidden count cannot be worked out by subtracting the others from a total shown elsewhere. A hidden cell can therefore hold any number, not only a small one.",
      "Hospital districts too small for weekly crisis-aid figures are published by month instead (coarsening). The weekly rates of these districts are monthly contacts divided by the number of ISO weeks in the month.",
      "All tables are suppressed and audited together, once, from the private dataset: no page computes a figure of its own that the audit has not seen.",
      "Totals and running totals that include hidden cells leave them out and say so: they are lower bounds."
    ],
    policyUsed: (policy: string): string =>
      policy === "round5"
        ? "This release was built with the rounding policy (round5): no count is published exactly."
        : "This release was built with the suppression policy: small counts, and the counts that could reveal them, are hidden.",
    rounding: [
      "Every count of 7 or fewer people, records or contacts is hidden, 0 included.",
      "Every other count is rounded to the nearest multiple of 5: 8 to 12 are shown as 10, 13 as 15.",
      "A total is the sum of its rounded parts, a hidden part counted as 0, so it can differ from the true total by more than 2, and totals of different breakdowns (by sex, by age) need not agree.",
      "Because no count is exact, subtracting one table or release from another pins no count exactly. This is the practice of OpenSAFELY.",
      "The build's audit relates every published table with a solver, as a reader would: no count can be narrowed to fewer than 5 possible values (a 10 stays anywhere from 8 to 12), and no hidden count can be shown to be 1 to 7 rather than possibly 0.",
      "Where a table rounded on its own (such as people by sex) or a national figure (such as the number of records) would narrow a count beside it, it is left out of the release altogether: its file has no rows, or the figure is missing. It is never shown as hidden, since hidden means 7 or fewer."
    ],
    withheld: (...tables: string[]): string =>
      tables.length
        ? `Left out of this release so that no count is narrowed: ${tables.join(", ")}.`
        : "Nothing had to be left out of this release.",
    ledgerHeading: "Successive releases",
    ledger: [
      "Each release is checked together with the one before it. Someone who kept the earlier release can subtract one from the other; the check makes sure that this narrows no hidden count of either release to fewer than the threshold's width of possible values. Where it would, this release hides more; the earlier one is never changed, since it is already out.",
      "The check assumes what is known to hold between two exports: people are only removed, or only added, when the export says so and then crisis-aid contacts of weeks that had ended are the same in both; otherwise counts may have changed either way.",
      "Only the release directly before is checked. Someone who kept several older releases, or who knows from elsewhere who was added or removed, may learn more than this check accounts for.",
      "A release built with rounding is checked the same way, against the release before it whether that was rounded or exact: no count of either may be narrowed to fewer than five possible values, or shown to lie between 1 and 7. A rounded release after an exact one usually fails this when people were removed (an exact 10, then a rounded 10, leaves 8 to 10), and is then not published.",
      "A release built by hiding counts after a rounded one is checked against it too, each release by its own promise: no count of the rounded release may be narrowed to fewer than five possible values or shown to lie between 1 and 7, and no hidden count of this release to fewer than the threshold's width. A rounded 10, then an exact 9 with people only removed, leaves 9 to 12 for the earlier count: such a release is not published, and can instead be built with rounding, which is checked against the rounded release and leaves out breakdowns where it must.",
      "When people were only removed, both releases give the total number of people, so anyone can tell how many were removed. If that is fewer than the threshold, a figure the release before published cannot be hidden in this one: hidden, it would still lie within that many of its earlier value. Such a release can be published when every figure it must hide (a count below the threshold, or a part of a hidden group that is none or all of it) was hidden in the release before too; it then hides only what that release hid, or figures that are new.",
      "When a figure this release must hide was published by the release before, no suppression can protect it, and waiting does not help while people are only removed: nothing is published, and the publisher is told at once which figure of which release is the cause, and to keep the earlier release as the current one.",
      "The earlier releases are kept privately beside the data for this check and are never published."
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
      ["Per 100,000 residents", "divided by the district's population at the end of 2019."],
      ["Dates", "Finnish local dates (Europe/Helsinki), written D.M.YYYY; weeks are ISO weeks from Monday."]
    ] as [string, string][],
    syntheticHeading: "Synthetic data",
    syntheticText:
      "This build shows a synthetic sample: figures are generated to look plausible and calibrated to public aggregate facts, but describe no real person. Where no public figure exists (for example the share of minors, or crisis contacts per district), the value is a model parameter.",
    printHeading: "Printing",
    printText:
      "Every page prints on A4 without navigation. `npm run pdf` writes the whole report as PDF files to reports/."
  },

  // Text added with issue 15 (figures that agree, displays that tell the truth), translated below.
  figures: {
    auditRows: "Rows",
    auditChecksHeading: "Checks passed before anything was published",
    auditCheck: "Check",
    auditRule: "What it guarantees",
    auditPassed: "passed",
    auditHeadline: "National totals (headline.json)",
    boundLegend:
      "Pale bar with “+”: a lower bound. The exact figure for these filters is not published (a cell in the sum is suppressed), so the true figure is higher.",
    exactLegend: "Solid bar: the exact published figure.",
    leftOut: (count: string, what: string) => `Not shown: ${count} ${what}.`,
    unknownDistrictPeople: "people whose hospital district is not known",
    unknownAgePeople: "people whose age group is not known",
    ofPublished: "of the districts whose figures are published",
    partialWeek: (days: string) => `partial week (${days} days of data)`,
    partialWeeksNote:
      "Hollow bars are partial weeks at the start or end of the data: they hold fewer than 7 days and are not drops in demand. They are left out of the baseline.",
    partialPeriodsLeftOut:
      "The first and last periods of the data hold fewer than 7 days: they are left out of these charts, the baselines and the peaks.",
    emptyRange: (start: string, end: string) =>
      `No records were published between ${start} and ${end}: widen the date range to see publications.`,
    monthlyOnly: (names: string) =>
      `Weekly figures are not published for ${names}: these districts are too small and are published by month only (see the crisis page).`,
    asteriskNote: "* The exact day of this event is not confirmed by the sources: the date shown is assumed.",
    nationalExact: "Exact national figure, as in the headline.",
    emptySeries: "Nothing to count in the dates chosen: widen the date range.",
    atMost: (value: string) => `at most ${value}`,
    /** A hidden area total's provable range, "1 180–1 224". */
    range: (low: string, high: string) => `${low}–${high}`,
    rangeNote:
      "A figure shown as a range is hidden to protect a few people in a municipality whose hospital district and wellbeing services county differ; the range is exactly what the published tables allow anyone to work out, so it tells no more than they do. No rate is given for a range, and it is never ranked.",
    multiplesTitlePublished: (district: string, ratio: string) =>
      `Of the districts whose figures are published, ${district} saw the sharpest rise: ${ratio}× its pre-incident weekly rate at the peak`,
    weeksHidden: (weeks: string) =>
      `× ${weeks} weekly totals leave out hidden cells and are lower bounds; the national total over the period is exact.`,
    nationalTotal: (total: string) => `Contacts over the whole period, all districts: ${total}.`
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

// Finnish: the terms of docs/glossary.md (THL's and Statistics Finland's usage).
const fi: Omit<Strings, "figures" | "geo"> = {
  appName: "Vuoto",
  draftBanner: "Luonnos: tätä julkaisua ei ole vielä tarkastettu. Älä viittaa sen lukuihin äläkä jaa niitä.",
  releaseNotes: {
    heading: "Muutokset edelliseen julkaisuun",
    none: "Julkaisuluettelossa ei ole aiempaa julkaisua, johon tätä voisi verrata.",
    since: (release: string) => `Verrattu julkaisuun ${release}, vain kummankin julkaisun julkaistuista taulukoista.`,
    noChange: "Yksikään julkaistu kokonaismäärä ei muuttunut, eikä yhtään solua salattu tai julkaistu uutena.",
    total: (name: string, before: string, after: string, change: string) => `${name}: ${before} → ${after} (${change})`,
    cell: (table: string, row: string, column: string, hidden: boolean) =>
      `${table}, ${row}, ${column}: ${hidden ? "nyt salattu" : "nyt julkaistu"}`,
    totals: {
      people: "Henkilöitä, joita murto koski",
      records: "Tietueita",
      records_published: "Julkaistuja tietueita",
      people_emailed: "Kiristysviestin saaneita",
      people_reported: "Rikosilmoituksen tehneitä",
      crisis_contacts: "Kriisiavun yhteydenottoja"
    } as Record<string, string>
  },
  citeThis: "Näin viittaat tähän",
  downloads: {
    heading: "Lataa aineisto",
    zipShown: "ZIP, näytetyt rivit",
    zipFull: "ZIP, koko taulukko",
    excelCsv: "CSV suomenkieliselle Excelille",
    xlsx: "Excel-tiedosto (XLSX)",
    jsonStat: "JSON-stat 2 -tiedosto",
    table: "Taulukko",
    asShown: "näytetyt rivit",
    full: "koko taulukko",
    unit: "Yksikkö",
    source: "Lähde",
    release: "julkaisu",
    suppression: "Tietosuoja",
    suppressionRule: (threshold: string) =>
      `alle ${threshold} suuruiset luvut on salattu, ja lisäksi muita soluja on salattu, jottei salattua lukua voi päätellä; salattu solu on tyhjä, ei koskaan nolla.`,
    hiddenCount: (count: number) =>
      `Salattuja soluja tässä tiedostossa: ${count} (lueteltu tiedostossa metadata.json).`,
    licence: "Lisenssi",
    cite: "Näin viittaat",
    dateFilter: (from: string, to: string) => `päivät ${from}–${to}`,
    wholePeriodsFilter:
      "vain kokonaiset viikot ja kuukaudet (aineiston vajaat ensimmäinen ja viimeinen jakso jätetty pois)",
    computedFilter: "koko taulukosta lasketut luvut sellaisina kuin kuvio ne näyttää"
  },
  print: {
    title: "Vastaamon tietomurto: vaikutusraportti",
    contents: "Sisällys",
    exportLabel: "Aineisto",
    periodLabel: "Ajanjakso",
    builtLabel: "Koottu",
    releaseLabel: "Julkaisu",
    syntheticMark: "Synteettinen esimerkkiaineisto",
    page: "Sivu"
  },
  reportPages: "Raportin sivut",
  languageSwitch: "Kieli",
  isoWeek: "vko {week}/{year}",
  contactsPerWeek: "Yhteydenotot viikossa",
  recordsPerDay: "Potilastiedot päivässä",
  hiddenWeek: "viikko, jonka kaikki solut on salattu",
  hiddenOfCells: {one: "{hidden}/{cells} solu salattu", other: "{hidden}/{cells} solusta salattu"},
  footer: "Vuoto: tietomurron vaikutukset luvuin. Luvut ovat koottuja, ja pienet luvut on salattu tietosuojasyistä.",
  suppressed: "salattu",
  suppressedLong:
    "salattu tietosuojasyistä: alle julkaisukynnyksen, tai salattu, jotta pientä lukua ei voisi päätellä muista luvuista",
  syntheticNotice:
    "Synteettinen esimerkkiaineisto: luvut on keksitty esittelyä varten, eivätkä ne kuvaa ketään todellista henkilöä.",
  builtFrom: "Laadittu aineistosta",
  source: "Lähde",
  explore: {
    title: "Tutki aineistoa",
    loading: "Ladataan julkaistuja taulukoita…",
    filters: "Rajaukset",
    noFilters:
      "Ei rajauksia: napsauta pylvästä tai valitse viikot aikajanalta, niin kaikki kaaviot ja taulukko rajautuvat.",
    clearAll: "Poista kaikki",
    remove: "Poista rajaus",
    timeRange: "Viikot",
    district: "Sairaanhoitopiiri",
    ageGroup: "Ikä",
    service: "Palvelu",
    timeline: "Yhteydenotot kriisiapuun viikoittain",
    previewLoading:
      "Kyselymoottori latautuu: kuvat näyttävät julkaistut luvut rajaamatta. Rajaukset, taulukko ja SQL tulevat hetken kuluttua.",
    timelineHelp: "Vedä viikkojen yli rajataksesi ajan; napsauta valinnan ulkopuolelle poistaaksesi sen.",
    timelineDistricts:
      "Valittujen sairaanhoitopiirien viikkoluvut; sairaanhoitopiirit, joista julkaistaan vain kuukausiluvut, eivät ole mukana tässä viivassa.",
    districts: "Sairaanhoitopiireittäin",
    measurePeople: "Vuodon koskemat henkilöt",
    measureContacts: "Yhteydenotot kriisiapuun",
    ageGroups: "Vuodon koskemat henkilöt ikäryhmittäin",
    services: "Yhteydenotot kriisiapuun palveluittain",
    channels: "Julkaistut potilastiedot kanavittain",
    channelsNote: "Koko maan luvut: rajautuvat vain ajan mukaan.",
    partial: "+ : summasta puuttuvat salatut solut, joten todellinen luku on suurempi.",
    allHidden: "salattu: kaikki tämän summan solut on salattu.",
    table: "Nykyinen näkymä sairaanhoitopiireittäin",
    tableNote:
      "Henkilöt valituissa ikäryhmissä; yhteydenotot valittuihin palveluihin valittuina viikkoina. Salatut solut: kuinka monta salattua solua summasta puuttuu.",
    columns: {
      hospital_district: "Koodi",
      district_name: "Sairaanhoitopiiri",
      people: "Vuodon koskemat henkilöt",
      people_hidden_cells: "Salatut solut",
      contacts: "Yhteydenotot kriisiapuun",
      contacts_hidden_cells: "Salatut solut"
    },
    downloadCsv: "CSV",
    downloadParquet: "Parquet",
    downloadSvg: "SVG",
    downloadPng: "PNG",
    download: "Lataa",
    sqlTitle: "SQL-konsoli",
    sqlHelp:
      "Vain lukeva SQL (DuckDB) julkaistuihin taulukoihin: SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN. Ctrl+Enter suorittaa kyselyn.",
    sqlTables: "Taulukot",
    noFiltersShort: "Ei rajauksia: kaikki julkaistu aineisto",
    districtMeasure: "Mitä sairaanhoitopiirikaavio laskee",
    downloadSource: "Lähde: Vuodon julkaistut taulukot {tables}; aineisto {export}.",
    sqlFromLink: "Tämä kysely tuli linkin mukana, eikä sitä ole ajettu. Lue se ja paina sitten Suorita.",
    resultTable: "Kyselyn tulos",
    run: "Suorita",
    cancel: "Keskeytä",
    running: "Suoritetaan…",
    cancelled: "Kysely keskeytettiin.",
    refused: "Hylätty",
    refusals: {
      unterminatedComment: "virheellinen lause: kommenttia ei ole suljettu",
      unterminatedString: "virheellinen lause: merkkijonoa ei ole suljettu",
      unterminatedQuotedName: "virheellinen lause: lainausmerkeissä olevaa nimeä ei ole suljettu",
      missingStatement: "lause puuttuu: kirjoita SELECT-kysely",
      oneStatement: "virheellinen lause: vain yhden lauseen voi suorittaa kerrallaan",
      notAllowed: "ei sallittu: {keyword}; konsoli on vain lukua varten",
      firstWord:
        "ei sallittu: {keyword}; konsoli suorittaa vain lauseita SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW ja EXPLAIN",
      fileFunction:
        "ei sallittu: {keyword}(); konsoli lukee vain julkaistuja taulukoita, ei tiedostoja eikä verkko-osoitteita",
      pathString: "ei sallittu: tiedostonimi, polku tai verkko-osoite; konsoli lukee vain julkaistuja taulukoita",
      fileName: "ei sallittu: lainausmerkeissä oleva nimi, jossa on '.', '/', '\\' tai ':' (se voisi nimetä tiedoston)"
    },
    error: "Virhe",
    at: "rivi {line}, sarake {column}",
    rows: {one: "{count} rivi", other: "{count} riviä"},
    rowsShown: {
      one: "{count} rivi, näytetään ensimmäiset {shown}",
      other: "{count} riviä, näytetään ensimmäiset {shown}"
    },
    quickChart: "Pikakaavio: {y} ryhmittäin {x}",
    noChart: "Ei pikakaaviota: tuloksessa pitää olla teksti- tai päivämääräsarake ja numeerinen sarake.",
    nullCell: "NULL"
  },
  sourceLine: (table: string) =>
    `Lähde: Vuoto-palvelun julkaistu taulukko ${table}, laadittu yllä mainitusta aineistosta.`,
  exportLine: (id: string, produced: string, period: string) => `${id}, laadittu ${produced}, ajalta ${period}`,
  numbersAsTable: "Luvut taulukkona",
  hiddenMark: "salattu arvo (salattu tietosuojasyistä)",
  atLeast: (value: string) => `vähintään ${value}`,
  restsOnHidden: {
    one: "Tästä summasta puuttuu {cells} salattu solu; todellinen luku on suurempi.",
    other: "Tästä summasta puuttuu {cells} salattua solua; todellinen luku on suurempi."
  },
  perHundredThousand: "100\u00a0000 asukasta kohden",
  people: "Henkilöt",
  records: "Potilastiedot",
  contacts: "Yhteydenotot",
  date: "Päivämäärä",
  week: "Viikko alkaen",
  period: "Ajanjakso",
  district: "Sairaanhoitopiiri",
  districtFull: "Virallinen nimi",
  residents: "Asukkaat (vuoden 2019 lopussa)",
  value: "Arvo",
  cumulative: "Kertymä",
  channel: "Kanava",
  service: "Palvelu",
  event: "Tapahtuma",
  assumedDate: "(päivämäärä oletettu)",

  pages: {
    overview: "Yleiskuva",
    affected: "Vuodon koskemat potilaat",
    timeline: "Julkaisujen aikajana",
    crisis: "Kriisiavun tarve",
    explore: "Tutki aineistoa",
    methods: "Menetelmät ja aineisto"
  },

  overview: {
    title: "Vastaamon tietomurto lukuina",
    lead: "Keitä Vastaamon psykoterapiakeskuksen vuoden 2020 tietomurto koski, mitä julkaistiin ja milloin, ja kuinka paljon kriisiapua haettiin, sairaanhoitopiireittäin.",
    headlineHeading: "Keskeiset luvut",
    mapHeading: "Missä vuodon koskemat henkilöt asuivat",
    datesHeading: "Keskeiset päivämäärät"
  },

  headline: {
    people: "Vuodon koskemat henkilöt",
    peopleNote: "kukin laskettu kerran",
    recordsPublished: "Julkaistut potilastiedot",
    recordsNote: (records: string) => `varastetun tietokannan ${records} potilastiedosta`,
    emailed: "Kiristysviestin saaneet",
    emailedNote: "saivat kiristyssähköpostin",
    reported: "Rikosilmoitukset",
    reportedNote: "henkilöä teki rikosilmoituksen poliisille",
    crisis: "Yhteydenotot kriisiapuun huipussaan",
    crisisValue: (ratio: string) => `${ratio}-kertainen`,
    crisisNote: (week: string, baseline: string) =>
      `tietomurtoa edeltävään viikkotasoon verrattuna viikolla, joka alkoi ${week} (vertailutaso ${baseline} yhteydenottoa viikossa)`,
    baselineMethod: (start: string, end: string) =>
      `Vertailutaso: kriisiavun yhteydenottojen keskimäärä viikossa kaikissa sairaanhoitopiireissä ja palveluissa yhteensä ISO-viikoilla ${start}–${end} (ennen kuin lunnasvaatimus tuli julki).`
  },

  cartogram: {
    title: (district: string, rate: string) =>
      `Vuodon koskemia henkilöitä oli 100\u00a0000 asukasta kohden eniten sairaanhoitopiirissä ${district}: ${rate}`,
    allHidden: "Vuodon koskemat henkilöt 100\u00a0000 asukasta kohden sairaanhoitopiireittäin",
    subtitle:
      "Vuodon koskemat henkilöt 100\u00a0000 asukasta kohden, yksi ruutu kutakin sairaanhoitopiiriä kohden, likimain sijaintinsa mukaan Suomen kartalla",
    description: (lowest: string, highest: string) =>
      `Ruutukartta Suomen 21 sairaanhoitopiiristä. Mitä tummempi ruutu, sitä enemmän vuodon koskemia henkilöitä 100\u00a0000 asukasta kohden. Pienin osuus on sairaanhoitopiirissä ${lowest}, suurin sairaanhoitopiirissä ${highest}. Viivoitetut ruudut on salattu.`,
    legend: "Vuodon koskemat henkilöt 100\u00a0000 asukasta kohden"
  },

  keyDates: {
    title: (first: string, last: string) => `Lunnasvaatimuksesta ${first} toiseen laajaan tietovuotoon ${last}`,
    subtitle: "Tietomurron keskeiset tapahtumat päivämäärittäin",
    description: (list: string) => `Keskeiset tapahtumat: ${list}.`
  },

  events: {
    ransomDemand: "Lunnasvaatimus yritykselle",
    firstRecords: "Ensimmäiset potilastiedot julkaistiin",
    databasePublic: "Koko tietokanta hetken julkisesti saatavilla",
    massEmails: "Joukkokiristysviestit alkavat",
    secondLeak: "Toinen laaja tietovuoto"
  },

  affected: {
    title: "Keitä vuoto koski",
    lead: "Henkilöt, joiden tietoja oli varastetussa tietokannassa, kukin laskettu kerran, asuinpaikan, iän, tietomurron vaiheen ja paljastuneiden tietojen mukaan.",
    districtHeading: "Sairaanhoitopiireittäin",
    ageHeading: "Ikäryhmittäin",
    waveHeading: "Tietomurron vaiheittain",
    categoryHeading: "Paljastuneiden tietojen mukaan",
    fateHeading: "Julkaistut, kiristetyt, ilmoittaneet",
    districtCountTitle: (district: string, count: string, share: string) =>
      `Vuodon koskemia henkilöitä oli eniten sairaanhoitopiirissä ${district}: ${count} (${share} kaikista)`,
    districtCountSubtitle: "Vuodon koskemat henkilöt asuinsairaanhoitopiirin mukaan",
    districtRateTitle: (district: string, rate: string) =>
      `Väestöön suhteutettuna vuoto koski eniten sairaanhoitopiiriä ${district}: ${rate} 100\u00a0000 asukasta kohden`,
    districtRateSubtitle: "Vuodon koskemat henkilöt 100\u00a0000 asukasta kohden sairaanhoitopiireittäin",
    ageTitle: (minors: string, share: string) => `Vuodon koskemista henkilöistä ${minors} oli alaikäisiä (${share})`,
    ageTitleHidden: (minors: string) => `Vuodon koskemista henkilöistä vähintään ${minors} oli alaikäisiä`,
    ageSubtitle: "Vuodon koskemat henkilöt ikäryhmittäin tietomurron aikaan; alaikäiset (0–14 ja 15–17) korostettu",
    minorLegend: "Alaikäinen (alle 18)",
    adultLegend: "Täysi-ikäinen tai tuntematon",
    waveTitle: (share: string) =>
      `Vuodon koskemista henkilöistä ${share} oli tietomurron ensimmäisessä vaiheessa (marraskuu 2018)`,
    waveSubtitle: "Vuodon koskemat henkilöt tietomurron vaiheittain",
    categoryTitle: (category: string, count: string) => `${category}: paljastui ${count} henkilöltä`,
    categorySubtitle:
      "Henkilöt, joilla on vähintään yksi kutakin tietoa sisältävä potilastieto (henkilöllä voi olla useita)",
    fateTitle: (emailed: string, share: string) => `${emailed} henkilöä (${share}) sai kiristysviestin`,
    fateSubtitle:
      "Vuodon koskemat henkilöt ja kuinka monen tietoja julkaistiin, kuinka moni sai kiristysviestin tai teki rikosilmoituksen",
    barsDescription: (subject: string, list: string) => `${subject}: ${list}.`
  },

  categories: {
    contact: "Yhteystiedot",
    identity_code: "Henkilötunnukset",
    therapy_notes: "Terapiamuistiinpanot",
    treatment_plan: "Hoitosuunnitelmat",
    statements: "Lausunnot viranomaisille"
  },

  waves: {"1": "Vaihe 1 (marraskuu 2018)", "2": "Vaihe 2 (marraskuu 2018 – maaliskuu 2019)", unknown: "Tuntematon"},
  ageUnknown: "Tuntematon",

  fates: {
    people: "Vuodon koskemat",
    people_published: "Tietoja julkaistu",
    people_emailed: "Saivat kiristysviestin",
    people_reported: "Tekivät rikosilmoituksen"
  },

  timeline: {
    title: "Mitä julkaistiin ja milloin",
    lead: "Verkkoon julkaistut potilastiedot päivittäin ja julkaisupaikan mukaan, potilaille lähetetyt kiristysviestit ja rikosilmoitukset keskeisten tapahtumien rinnalla.",
    rangeLegend: "Näytä päivät",
    from: "Alkaen",
    to: "Päättyen",
    reset: "Koko ajanjakso",
    publishedHeading: "Julkaistut potilastiedot",
    accumulatingHeading: "Kiristysviestit ja rikosilmoitukset",
    publishedTitle: (records: string, date: string) =>
      `Eniten potilastietojen kopioita julkaistiin ${date}: ${records} yhden päivän aikana`,
    publishedTitleEmpty: "Valittuna ajanjaksona ei julkaistu potilastietoja",
    publishedSubtitle:
      "Julkaistut potilastiedot päivittäin kanavittain (pylväät), saman potilastiedon jokainen uudelleenjulkaisu laskettu uudelleen; päivämäärät Suomen aikaa",
    publishedDescription: (total: string, days: string, start: string, end: string) =>
      `${start}–${end} julkaistiin ${total} potilastietojen kopiota ${days} päivänä.`,
    recordsCumulativeTitle: (records: string, date: string) =>
      `${date} mennessä oli julkaistu ${records} potilastietojen kopiota`,
    recordsCumulativeSubtitle:
      "Julkaistut potilastiedot kertymänä kanavittain: samoja tietoja julkaistiin uudelleen monilla sivustoilla, joten luku ylittää potilastietojen määrän",
    cumulativeTitle: (reported: string, date: string) =>
      `${date} mennessä ${reported} henkilöä oli tehnyt rikosilmoituksen`,
    cumulativeSubtitle: "Henkilöt kertymänä: ensimmäinen kiristysviesti saatu ja ensimmäinen rikosilmoitus tehty",
    cumulativeDescription: (emailed: string, reported: string, date: string) =>
      `${date} mennessä ${emailed} henkilöä oli saanut kiristysviestin ja ${reported} oli tehnyt rikosilmoituksen.`,
    series: {
      records_published: "Julkaistut potilastiedot",
      people_emailed: "Kiristysviestin saaneet",
      people_reported: "Rikosilmoituksen tehneet"
    }
  },

  channels: {
    tor_site: "Kiristäjän Tor-sivusto",
    tor_forum: "Tor-keskustelupalsta",
    imageboard: "Kuvalauta",
    file_host: "Tiedostonjakopalvelut",
    email: "Sähköposti",
    other: "Muu"
  },

  crisis: {
    title: "Kriisiavun tarve",
    lead: "Yhteydenotot kriisiapua tarjoaviin palveluihin (auttavat puhelimet, rikosuhrien tuki, terveyskeskukset, seurakunnat, verkkokeskustelut) sairaanhoitopiireittäin verrattuna tasoon ennen kuin tietomurto tuli julki.",
    nationalHeading: "Koko Suomi",
    districtsHeading: "Sairaanhoitopiireittäin",
    tableHeading: "Sairaanhoitopiirit huipputarpeen mukaan",
    method: (start: string, end: string, incidentStart: string, incidentEnd: string) =>
      `Menetelmä: vertailutaso on yhteydenottojen keskimäärä viikossa ISO-viikoilla ${start}–${end}, ennen kuin tietomurto tuli julki. Suhdeluvut ovat yhteydenottoja viikossa 100\u00a0000 asukasta kohden (väestö vuoden 2019 lopussa). Sairaanhoitopiireistä, jotka ovat liian pieniä viikkolukuihin, julkaistaan kuukausiluvut; niiden kuukauden yhteydenotot jaetaan kuukauden ISO-viikkojen määrällä. Ylimääräiset yhteydenotot ovat vertailutason ylittäviä yhteydenottoja ajanjaksoilla, jotka osuvat välille ${incidentStart}–${incidentEnd}. Salatut solut jätetään summista pois, joten niihin perustuvat summat ovat alarajoja; sairaanhoitopiirillä, jonka vertailuviikoilla on salattuja soluja, ei ole vertailutasoa eikä suhdetta (merkitty salatuksi).`,
    nationalTitle: (ratio: string, week: string) =>
      `Yhteydenotot kriisiapuun olivat huipussaan ${ratio}-kertaiset tietomurtoa edeltävään tasoon verrattuna viikolla, joka alkoi ${week}`,
    nationalSubtitle:
      "Yhteydenotot kriisiapuun viikoittain kaikissa sairaanhoitopiireissä palveluittain; katkoviiva: tietomurtoa edeltävä viikkokeskiarvo",
    nationalDescription: (baseline: string, peak: string, week: string) =>
      `Ennen tietomurtoa yhteydenottoja oli noin ${baseline} viikossa. Huippu oli ${peak} yhteydenottoa viikolla, joka alkoi ${week}.`,
    baselineLabel: (value: string) => `keskiarvo ennen tietomurtoa ${value}/viikko`,
    multiplesTitle: (district: string, ratio: string) =>
      `Jyrkimmin kasvoi sairaanhoitopiiri ${district}: huipussaan ${ratio}-kertaisesti tietomurtoa edeltävään viikkotasoonsa verrattuna`,
    multiplesSubtitle:
      "Yhteydenotot viikossa 100\u00a0000 asukasta kohden; katkoviiva: sairaanhoitopiirin keskiarvo ennen tietomurtoa; varjostettu: tietomurron aika; viivoitettu kaista: ajanjakso, jolla on salattuja soluja",
    multiplesDescription: (list: string) =>
      `Huippu suhteessa tietomurtoa edeltävään viikkotasoon sairaanhoitopiireittäin: ${list}.`,
    monthly: "kuukausittain",
    weekly: "viikoittain",
    grain: "Tarkkuus",
    baselineRate: "Taso ennen tietomurtoa",
    peakRate: "Huipputaso",
    peakWeek: "Huippujakso",
    peakRatio: "Huippu ÷ vertailutaso",
    excess: "Ylimääräiset yhteydenotot",
    tableCaption:
      "Sairaanhoitopiirit järjestettynä viikon huippuyhteydenottojen ja tietomurtoa edeltävän tason suhteen mukaan. Suhdeluvut ovat yhteydenottoja viikossa 100\u00a0000 asukasta kohden."
  },

  services: {
    crisis_helpline: "Kriisipuhelin",
    victim_support: "Rikosuhripäivystys",
    red_cross_helpline: "Punaisen Ristin auttava puhelin",
    health_centre: "Terveyskeskus",
    parish: "Seurakunta",
    chat: "Verkkokeskustelu",
    other: "Muu"
  },

  methods: {
    title: "Menetelmät ja aineisto",
    lead: "Mistä luvut ovat peräisin, miten pienet luvut suojataan ja mitä aineisto ei kerro.",
    formatHeading: "Aineiston muoto",
    formatText:
      "Raportti laaditaan anonymisoidusta tietomurtoaineistosta (muodon versio 1): vuodon koskemat potilastiedot, julkaisutapahtumat ja yhteydenotot kriisiapuun, jotka on kuvattu kenttä kentältä projektin README-tiedostossa.",
    formatLink:
      "Katso projektin lähdekoodin README.md-tiedoston kohta ”Export format v1”, jossa kuvataan myös julkaistut taulukot.",
    provenanceHeading: "Tämän version alkuperä",
    provenanceText: "Aineiston tietosisällön kuvauksen julkinen osa ja julkaistujen taulukoiden salauksen tarkastus.",
    manifestField: "Kenttä",
    manifestValue: "Arvo",
    auditHeading: "Salauksen tarkastus",
    auditTable: "Taulukko",
    auditCells: "Solut",
    auditSuppressed: "Salatut solut",
    auditNone: "Tarkastuksessa ei ole taulukoita.",
    countsHeading: "Jokainen julkaistu luku ja sen suoja",
    countsIntro:
      "Julkaistujen taulukoiden jokainen lukumääräsarake ja jokainen valtakunnallinen kokonaisluku: mitä se laskee ja mitkä tietosuojasäännöt koontiversion tarkastus sille tarkistaa.",
    countsColumns: {table: "Taulukko", measure: "Luku", counts: "Mitä se laskee", rules: "Suojaavat säännöt"},
    counted: {
      people: "henkilöt, kukin kerran",
      records: "potilastietueet",
      contacts: "kriisiavun yhteydenotot",
      events: "julkaisutapahtumat (varastettujen tietueiden julkaisut)"
    } as Record<string, string>,
    partOf: (whole: string) => `osa saman rivin luvusta ${whole}`,
    ruleNames: {
      threshold: "kynnysarvo",
      contract: "sopimus",
      redaction: "poisto",
      multiple: "pyöristys",
      sums: "pyöristetyt summat",
      marginals: "summat",
      consistent: "yhteensopivuus",
      protection: "suojaväli",
      interval: "pyöristysväli",
      smallGroup: "pienet ryhmät",
      groupAttributes: "ryhmän ominaisuudet"
    } as Record<string, string>,
    ruleDescriptions: {
      threshold: "ei lukuja väliltä 1 – kynnysarvo miinus yksi",
      contract: "vain kuvatut taulukot ja sarakkeet, ei koskaan rivitason tai vapaatekstin saraketta",
      redaction: "mitään 7:n tai sitä pienempää lukua ei julkaista, ei myöskään nollaa",
      multiple: "jokainen julkaistu luku on 5:n monikerta",
      sums: "jokainen kokonaisluku on julkaistujen pyöristettyjen osiensa summa",
      marginals: "osat summautuvat kokonaislukuihinsa",
      consistent: "julkaistut luvut sopivat yhteen",
      protection: "salattua lukua ei voi rajata kynnysarvoa kapeammalle välille",
      interval:
        "kaikesta julkaistusta yhtäkään lukua ei voi rajata alle viiteen mahdolliseen arvoon (lukuna 10 näytetty voi olla mitä tahansa 8:sta 12:een)",
      smallGroup: "kaikesta julkaistusta yhdenkään luvun ei voi osoittaa olevan väliltä 1–7",
      groupAttributes: "ei nollaa eikä koko lukua salatun henkilömäärän rinnalla"
    } as Record<string, string>,
    noProtection:
      "suojaa ei tarvita: julkaisu on kiristäjän teko, itsessään julkinen, eikä se kerro kenestäkään henkilöstä mitään",
    suppressionHeading: "Miten pienet luvut suojataan",
    suppression: (threshold: string) => [
      `Jokainen alle ${threshold} henkilön, potilastiedon tai yhteydenoton luku salataan. Se näytetään sanalla ”salattu” tai viivoitettuna merkkinä, ei koskaan nollana.`,
      "Myös joitakin suurempia lukuja salataan (toissijainen salaus), jotta salattua lukua ei voi laskea vähentämällä muut luvut muualla näytetystä summasta. Salattu solu voi siis sisältää minkä tahansa luvun, ei vain pienen.",
      "Sairaanhoitopiireistä, jotka ovat liian pieniä viikoittaisiin kriisiapulukuihin, julkaistaan sen sijaan kuukausiluvut (karkeistus). Näiden sairaanhoitopiirien viikkotasot ovat kuukauden yhteydenotot jaettuna kuukauden ISO-viikkojen määrällä.",
      "Kaikki taulukot salataan ja tarkastetaan yhdessä, kerran, luottamuksellisesta aineistosta: mikään sivu ei laske omaa lukua, jota tarkastus ei ole nähnyt.",
      "Summat ja kertymät, joihin sisältyy salattuja soluja, jättävät ne pois ja kertovat sen: ne ovat alarajoja."
    ],
    policyUsed: (policy: string): string =>
      policy === "round5"
        ? "Tämä julkaisu on tehty pyöristyskäytännöllä (round5): yhtään lukua ei julkaista tarkkana."
        : "Tämä julkaisu on tehty salauskäytännöllä: pienet luvut ja luvut, joista ne voisi päätellä, salataan.",
    rounding: [
      "Jokainen enintään 7 henkilön, potilastiedon tai yhteydenoton luku salataan, myös 0.",
      "Muut luvut pyöristetään lähimpään viidellä jaolliseen: 8–12 näytetään lukuna 10, 13 lukuna 15.",
      "Summa on pyöristettyjen osiensa summa, salattu osa nollana, joten se voi poiketa todellisesta summasta enemmän kuin kahdella, eivätkä eri jaotteluiden (sukupuoli, ikä) summat välttämättä täsmää.",
      "Koska mikään luku ei ole tarkka, taulukon tai julkaisun vähentäminen toisesta ei paljasta yhtään lukua tarkasti. Käytäntö on OpenSAFELYn.",
      "Koontiversion tarkastus suhteuttaa kaikki julkaistut taulukot toisiinsa ratkaisijalla, kuten lukija voisi: yhtäkään lukua ei voi rajata alle viiteen mahdolliseen arvoon (10 voi yhä olla mitä tahansa 8:sta 12:een), eikä yhdenkään salatun luvun voi osoittaa olevan 1–7 sen sijaan, että se voisi olla 0.",
      "Jos erikseen pyöristetty taulukko (kuten henkilöt sukupuolen mukaan) tai koko maan luku (kuten potilastietojen määrä) kaventaisi viereistä lukua, se jätetään julkaisusta kokonaan pois: sen tiedostossa ei ole rivejä tai luku puuttuu. Sitä ei koskaan näytetä salattuna, koska salattu tarkoittaa enintään seitsemää."
    ],
    withheld: (...tables: string[]): string =>
      tables.length
        ? `Tästä julkaisusta jätettiin pois, jotta yhtäkään lukua ei voi kaventaa: ${tables.join(", ")}.`
        : "Tästä julkaisusta ei tarvinnut jättää mitään pois.",
    ledgerHeading: "Peräkkäiset julkaisut",
    ledger: [
      "Jokainen julkaisu tarkastetaan yhdessä edellisen julkaisun kanssa. Joka on tallentanut edellisen julkaisun, voi vähentää ne toisistaan; tarkastus varmistaa, ettei tämä kavenna kummankaan julkaisun salattua lukua alle kynnysarvon levyiseksi mahdollisten arvojen väliksi. Jos kaventaisi, tässä julkaisussa salataan enemmän; aiempaa julkaisua ei koskaan muuteta, koska se on jo julkaistu.",
      "Tarkastus olettaa sen, minkä tiedetään pätevän kahden poiminnan välillä: henkilöitä on vain poistettu tai vain lisätty, jos poiminta niin kertoo, ja silloin päättyneiden viikkojen kriisiavun yhteydenotot ovat molemmissa samat; muuten luvut ovat voineet muuttua kumpaan suuntaan tahansa.",
      "Vain välittömästi edeltävä julkaisu tarkastetaan. Joka on tallentanut useampia vanhoja julkaisuja tai tietää muualta, keitä on lisätty tai poistettu, voi saada selville enemmän kuin tämä tarkastus ottaa huomioon.",
      "Pyöristämällä tehty julkaisu tarkastetaan samoin edellistä julkaisua vasten, oli se pyöristetty tai tarkka: kummankaan lukua ei saa voida rajata alle viiteen mahdolliseen arvoon eikä osoittaa olevan 1–7. Tarkan julkaisun jälkeinen pyöristetty julkaisu ei yleensä läpäise tätä, kun henkilöitä on poistettu (tarkka 10 ja sen jälkeen pyöristetty 10 jättää välin 8–10), eikä sitä silloin julkaista.",
      "Lukuja salaamalla tehty julkaisu tarkastetaan samoin pyöristettyä edeltäjäänsä vasten, kumpikin julkaisu oman lupauksensa mukaan: pyöristetyn julkaisun lukua ei saa voida rajata alle viiteen mahdolliseen arvoon eikä osoittaa olevan 1–7, eikä tämän julkaisun salattua lukua kynnysarvoa kapeammaksi. Pyöristetty 10 ja sen jälkeen tarkka 9, kun henkilöitä on vain poistettu, jättää aiemmalle luvulle välin 9–12: sellaista julkaisua ei julkaista, ja sen voi sen sijaan tehdä pyöristämällä, jolloin se tarkastetaan pyöristettyä julkaisua vasten ja siitä jätetään tarvittaessa pois erittelyjä.",
      "Kun henkilöitä on vain poistettu, kumpikin julkaisu kertoo henkilöiden kokonaismäärän, joten kuka tahansa näkee, montako poistettiin. Jos poistettuja on vähemmän kuin kynnysarvo, edellisen julkaisun kertomaa lukua ei voi salata tässä julkaisussa: salattunakin se olisi enintään poistettujen määrän verran aiempaa arvoaan pienempi. Tällainen julkaisu voidaan julkaista, kun jokainen luku, joka siinä on salattava (kynnysarvoa pienempi luku tai salatun ryhmän osa, joka on ei kukaan tai kaikki), oli salattu myös edellisessä julkaisussa; silloin se salaa vain sen, minkä edellinen salasi, tai uusia lukuja.",
      "Jos tässä julkaisussa salattava luku kerrottiin edellisessä julkaisussa, mikään salaus ei voi suojata sitä, eikä odottaminen auta, niin kauan kuin henkilöitä vain poistetaan: mitään ei julkaista, ja julkaisijalle kerrotaan heti, minkä julkaisun mikä luku on syynä ja että edellinen julkaisu on pidettävä voimassa.",
      "Aiemmat julkaisut säilytetään tätä tarkastusta varten luottamuksellisesti aineiston rinnalla, eikä niitä julkaista."
    ],
    limitsHeading: "Mitä aineisto ei kerro",
    limits: [
      "Keitä vuoto tarkalleen koski: vain lukumäärät julkaistaan, ei koskaan henkilöä, potilastietoa tai mitään, mistä henkilön voisi tunnistaa.",
      "Pienet alueet: luvut ovat sairaanhoitopiireittäin (vuosien 2020–2022 rajat), eivät kunnittain.",
      "Syy: kriisiavun yhteydenottojen kasvu osuu samaan aikaan tietomurron kanssa; aineisto ei osoita, että jokainen yhteydenotto koski sitä.",
      "Henkilöt, jotka eivät hakeneet apua tai hakivat sitä muualta kuin luetelluista palveluista, eivät näy kriisiapuluvuissa."
    ],
    definitionsHeading: "Määritelmät",
    definitions: [
      [
        "Vuodon koskema henkilö",
        "henkilö, jolla on vähintään yksi potilastieto varastetussa tietokannassa, laskettu kerran riippumatta potilastietojen määrästä."
      ],
      [
        "Henkilön sairaanhoitopiiri",
        "asuinpaikka; kun potilastiedot eroavat, pienin sairaanhoitopiirin koodi; samoin nuorin ikäryhmä ja varhaisin tietomurron vaihe."
      ],
      [
        "Julkaistu, kiristetty, ilmoittanut",
        "henkilö lasketaan kerran, sinä päivänä, jona jokin hänen potilastiedoistaan julkaistiin ensimmäisen kerran, hän sai kiristysviestin tai teki rikosilmoituksen."
      ],
      [
        "Julkaistut potilastiedot",
        "kanavalla tiettynä päivänä (Suomen aikaa) julkaistut potilastiedot julkaisutapahtumien mukaan; kahdesti julkaistu sama potilastieto lasketaan kahdesti."
      ],
      [
        "Yhteydenotto kriisiapuun",
        "yksi puhelu, keskustelu tai käynti luetellussa palvelussa siinä sairaanhoitopiirissä, jossa palvelu annettiin."
      ],
      ["100\u00a0000 asukasta kohden", "jaettuna sairaanhoitopiirin väestöllä vuoden 2019 lopussa."],
      [
        "Päivämäärät",
        "Suomen ajan mukaiset päivämäärät (Europe/Helsinki), muodossa P.K.VVVV; viikot ovat maanantaista alkavia ISO-viikkoja."
      ]
    ],
    syntheticHeading: "Synteettinen aineisto",
    syntheticText:
      "Tämä versio näyttää synteettisen esimerkkiaineiston: luvut on tuotettu näyttämään uskottavilta ja sovitettu julkisiin koottuihin tietoihin, mutta ne eivät kuvaa ketään todellista henkilöä. Kun julkista lukua ei ole (esimerkiksi alaikäisten osuus tai yhteydenotot kriisiapuun sairaanhoitopiireittäin), arvo on mallin parametri.",
    printHeading: "Tulostaminen",
    printText:
      "Jokainen sivu tulostuu A4-koossa ilman navigointia. `npm run pdf` kirjoittaa koko raportin PDF-tiedostoina kansioon reports/."
  },

  exportFields: {
    export_id: "Aineiston tunniste",
    produced_by: "Tuottaja",
    produced_at: "Tuotettu",
    period_start: "Ajanjakson alku",
    period_end: "Ajanjakson loppu",
    schema_version: "Muodon versio",
    loaded_at: "Ladattu",
    vuoto_version: "Vuoto-ohjelman versio",
    content_hash: "Sisällön tiiviste (SHA-256)",
    notes: "Huomautukset",
    files: "Tiedostot"
  }
};

// Swedish as written in Finland: the terms of docs/glossary.md (THL's and Statistikcentralen's usage).
const sv: Omit<Strings, "figures" | "geo"> = {
  appName: "Vuoto",
  draftBanner: "Utkast: den här utgåvan har ännu inte granskats. Hänvisa inte till eller dela dess siffror.",
  releaseNotes: {
    heading: "Ändringar sedan föregående utgåva",
    none: "Förteckningen över utgåvor har ingen tidigare utgåva att jämföra med.",
    since: (release: string) =>
      `Jämfört med utgåva ${release}, enbart utifrån de publicerade tabellerna i båda utgåvorna.`,
    noChange: "Ingen publicerad totalsumma ändrades, och ingen cell blev sekretessbelagd eller publicerad.",
    total: (name: string, before: string, after: string, change: string) => `${name}: ${before} → ${after} (${change})`,
    cell: (table: string, row: string, column: string, hidden: boolean) =>
      `${table}, ${row}, ${column}: ${hidden ? "nu sekretessbelagd" : "nu publicerad"}`,
    totals: {
      people: "Berörda personer",
      records: "Journaler",
      records_published: "Publicerade journaler",
      people_emailed: "Personer som fick utpressningsmejl",
      people_reported: "Personer som gjorde polisanmälan",
      crisis_contacts: "Kontakter med krishjälp"
    } as Record<string, string>
  },
  citeThis: "Så här hänvisar du hit",
  downloads: {
    heading: "Ladda ned data",
    zipShown: "ZIP, raderna som visas",
    zipFull: "ZIP, hela tabellen",
    excelCsv: "CSV för finskspråkig Excel",
    xlsx: "Excel-fil (XLSX)",
    jsonStat: "JSON-stat 2-fil",
    table: "Tabell",
    asShown: "raderna som visas",
    full: "hela tabellen",
    unit: "Enhet",
    source: "Källa",
    release: "utgåva",
    suppression: "Sekretess",
    suppressionRule: (threshold: string) =>
      `tal under ${threshold} är sekretessbelagda, och ytterligare celler är sekretessbelagda så att inget sekretessbelagt tal kan räknas fram; en sekretessbelagd cell är tom, aldrig noll.`,
    hiddenCount: (count: number) => `Sekretessbelagda celler i den här filen: ${count} (förtecknade i metadata.json).`,
    licence: "Licens",
    cite: "Så här hänvisar du",
    dateFilter: (from: string, to: string) => `datum ${from}–${to}`,
    wholePeriodsFilter: "endast hela veckor och månader (exportens ofullständiga första och sista period utelämnade)",
    computedFilter: "tal beräknade ur hela tabellen, så som diagrammet visar dem"
  },
  print: {
    title: "Dataintrånget i Vastaamo: konsekvensrapport",
    contents: "Innehåll",
    exportLabel: "Material",
    periodLabel: "Tidsperiod",
    builtLabel: "Sammanställd",
    releaseLabel: "Utgåva",
    syntheticMark: "Syntetiskt exempeldata",
    page: "Sida"
  },
  reportPages: "Rapportens sidor",
  languageSwitch: "Språk",
  isoWeek: "v. {week}/{year}",
  contactsPerWeek: "Kontakter per vecka",
  recordsPerDay: "Patientuppgifter per dag",
  hiddenWeek: "vecka där alla celler är sekretessbelagda",
  hiddenOfCells: {
    one: "{hidden} av {cells} cell sekretessbelagd",
    other: "{hidden} av {cells} celler sekretessbelagda"
  },
  footer:
    "Vuoto: dataintrångets följder i siffror. Siffrorna är sammanställda och små tal är sekretessbelagda av dataskyddsskäl.",
  suppressed: "sekretessbelagd",
  suppressedLong:
    "sekretessbelagd av dataskyddsskäl: under publiceringströskeln, eller dold så att ett litet tal inte kan räknas fram ur de andra",
  syntheticNotice:
    "Syntetiskt exempeldata: siffrorna är påhittade för demonstration och beskriver ingen verklig person.",
  builtFrom: "Sammanställd ur materialet",
  source: "Källa",
  explore: {
    title: "Utforska materialet",
    loading: "De publicerade tabellerna laddas…",
    filters: "Avgränsningar",
    noFilters:
      "Inga avgränsningar: klicka på en stapel eller markera veckor på tidslinjen för att avgränsa alla diagram och tabellen.",
    clearAll: "Ta bort alla",
    remove: "Ta bort avgränsning",
    timeRange: "Veckor",
    district: "Sjukvårdsdistrikt",
    ageGroup: "Ålder",
    service: "Tjänst",
    timeline: "Kontakter till krishjälp per vecka",
    previewLoading:
      "Frågemotorn laddas: diagrammen visar de publicerade siffrorna utan filter. Filter, tabellen och SQL följer om en stund.",
    timelineHelp: "Dra över veckorna för att avgränsa tiden; klicka utanför markeringen för att ta bort den.",
    timelineDistricts:
      "Veckosiffror för de valda sjukvårdsdistrikten; distrikt som publiceras endast per månad ingår inte i denna linje.",
    districts: "Per sjukvårdsdistrikt",
    measurePeople: "Berörda personer",
    measureContacts: "Kontakter till krishjälp",
    ageGroups: "Berörda personer per åldersgrupp",
    services: "Kontakter till krishjälp per tjänst",
    channels: "Publicerade patientuppgifter per kanal",
    channelsNote: "Siffror för hela landet: avgränsas endast efter tid.",
    partial: "+ : summan saknar sekretessbelagda celler, så den verkliga siffran är större.",
    allHidden: "sekretessbelagd: alla celler i denna summa är sekretessbelagda.",
    table: "Den aktuella vyn per sjukvårdsdistrikt",
    tableNote:
      "Personer i de valda åldersgrupperna; kontakter till de valda tjänsterna under de valda veckorna. Sekretessbelagda celler: hur många sekretessbelagda celler som saknas i varje summa.",
    columns: {
      hospital_district: "Kod",
      district_name: "Sjukvårdsdistrikt",
      people: "Berörda personer",
      people_hidden_cells: "Sekretessbelagda celler",
      contacts: "Kontakter till krishjälp",
      contacts_hidden_cells: "Sekretessbelagda celler"
    },
    downloadCsv: "CSV",
    downloadParquet: "Parquet",
    downloadSvg: "SVG",
    downloadPng: "PNG",
    download: "Ladda ner",
    sqlTitle: "SQL-konsol",
    sqlHelp:
      "Skrivskyddad SQL (DuckDB) mot de publicerade tabellerna: SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN. Ctrl+Enter kör frågan.",
    sqlTables: "Tabeller",
    noFiltersShort: "Inga avgränsningar: alla publicerade uppgifter",
    districtMeasure: "Vad diagrammet över sjukvårdsdistrikt räknar",
    downloadSource: "Källa: Vuotos publicerade tabeller {tables}; export {export}.",
    sqlFromLink: "Den här frågan kom med länken och har inte körts. Läs den och tryck sedan på Kör.",
    resultTable: "Frågans resultat",
    run: "Kör",
    cancel: "Avbryt",
    running: "Körs…",
    cancelled: "Frågan avbröts.",
    refused: "Avvisad",
    refusals: {
      unterminatedComment: "ogiltig sats: en kommentar avslutas aldrig",
      unterminatedString: "ogiltig sats: en teckensträng avslutas aldrig",
      unterminatedQuotedName: "ogiltig sats: ett citerat namn avslutas aldrig",
      missingStatement: "sats saknas: skriv en SELECT-fråga",
      oneStatement: "ogiltig sats: endast en sats kan köras åt gången",
      notAllowed: "inte tillåtet: {keyword}; konsolen är skrivskyddad",
      firstWord:
        "inte tillåtet: {keyword}; konsolen kör endast SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW och EXPLAIN",
      fileFunction:
        "inte tillåtet: {keyword}(); konsolen läser endast de publicerade tabellerna, inte filer eller webbadresser",
      pathString:
        "inte tillåtet: ett filnamn, en sökväg eller en webbadress; konsolen läser endast de publicerade tabellerna",
      fileName: "inte tillåtet: ett citerat namn med '.', '/', '\\' eller ':' (det kunde namnge en fil)"
    },
    error: "Fel",
    at: "rad {line}, kolumn {column}",
    rows: {one: "{count} rad", other: "{count} rader"},
    rowsShown: {one: "{count} rad, de första {shown} visas", other: "{count} rader, de första {shown} visas"},
    quickChart: "Snabbdiagram: {y} per {x}",
    noChart: "Inget snabbdiagram: resultatet behöver en text- eller datumkolumn och en numerisk kolumn.",
    nullCell: "NULL"
  },
  sourceLine: (table: string) =>
    `Källa: Vuotos publicerade tabell ${table}, sammanställd ur materialet som nämns ovan.`,
  exportLine: (id: string, produced: string, period: string) => `${id}, framställt ${produced}, för perioden ${period}`,
  numbersAsTable: "Siffrorna som tabell",
  hiddenMark: "sekretessbelagt värde (av dataskyddsskäl)",
  atLeast: (value: string) => `minst ${value}`,
  restsOnHidden: {
    one: "I denna summa saknas {cells} sekretessbelagd cell; den verkliga siffran är större.",
    other: "I denna summa saknas {cells} sekretessbelagda celler; den verkliga siffran är större."
  },
  perHundredThousand: "per 100\u00a0000 invånare",
  people: "Personer",
  records: "Patientuppgifter",
  contacts: "Kontakter",
  date: "Datum",
  week: "Vecka som börjar",
  period: "Tidsperiod",
  district: "Sjukvårdsdistrikt",
  districtFull: "Officiellt namn",
  residents: "Invånare (vid utgången av 2019)",
  value: "Värde",
  cumulative: "Kumulativt",
  channel: "Kanal",
  service: "Tjänst",
  event: "Händelse",
  assumedDate: "(antaget datum)",

  pages: {
    overview: "Översikt",
    affected: "Berörda patienter",
    timeline: "Publiceringarnas tidslinje",
    crisis: "Behovet av krishjälp",
    explore: "Utforska materialet",
    methods: "Metoder och material"
  },

  overview: {
    title: "Dataintrånget i Vastaamo i siffror",
    lead: "Vilka som berördes av dataintrånget i psykoterapicentret Vastaamo 2020, vad som publicerades och när, och hur mycket krishjälp människor sökte, per sjukvårdsdistrikt.",
    headlineHeading: "Nyckeltal",
    mapHeading: "Var de berörda bodde",
    datesHeading: "Viktiga datum"
  },

  headline: {
    people: "Berörda personer",
    peopleNote: "var och en räknad en gång",
    recordsPublished: "Publicerade patientuppgifter",
    recordsNote: (records: string) => `av ${records} patientuppgifter i den stulna databasen`,
    emailed: "Fick utpressningsmejl",
    emailedNote: "fick ett utpressningsmejl",
    reported: "Polisanmälningar",
    reportedNote: "personer gjorde en polisanmälan",
    crisis: "Kontakter till krishjälp vid toppen",
    crisisValue: (ratio: string) => `${ratio} gånger`,
    crisisNote: (week: string, baseline: string) =>
      `nivån per vecka före dataintrånget, under veckan som började ${week} (referensnivå ${baseline} kontakter per vecka)`,
    baselineMethod: (start: string, end: string) =>
      `Referensnivå: genomsnittligt antal kontakter till krishjälp per vecka i alla sjukvårdsdistrikt och tjänster sammanlagt, under ISO-veckorna ${start}–${end} (innan lösenkravet blev offentligt).`
  },

  cartogram: {
    title: (district: string, rate: string) => `Flest berörda per 100\u00a0000 invånare fanns i ${district}: ${rate}`,
    allHidden: "Berörda personer per 100\u00a0000 invånare, per sjukvårdsdistrikt",
    subtitle:
      "Berörda personer per 100\u00a0000 invånare, en ruta per sjukvårdsdistrikt, ungefär placerad som på en karta över Finland",
    description: (lowest: string, highest: string) =>
      `En rutkarta över Finlands 21 sjukvårdsdistrikt. Ju mörkare ruta, desto fler berörda per 100\u00a0000 invånare. Den lägsta andelen finns i ${lowest}, den högsta i ${highest}. Streckade rutor är sekretessbelagda.`,
    legend: "Berörda personer per 100\u00a0000 invånare"
  },

  keyDates: {
    title: (first: string, last: string) => `Från lösenkravet ${first} till den andra stora läckan ${last}`,
    subtitle: "Viktiga händelser i dataintrånget, per datum",
    description: (list: string) => `Viktiga händelser: ${list}.`
  },

  events: {
    ransomDemand: "Lösenkrav till företaget",
    firstRecords: "De första patientuppgifterna publiceras",
    databasePublic: "Hela databasen en kort tid offentlig",
    massEmails: "Massutskicket av utpressningsmejl börjar",
    secondLeak: "Den andra stora läckan"
  },

  affected: {
    title: "Vilka som berördes",
    lead: "Personer vars uppgifter fanns i den stulna databasen, var och en räknad en gång, efter bostadsort, ålder, dataintrångets fas och vilka uppgifter som röjdes.",
    districtHeading: "Per sjukvårdsdistrikt",
    ageHeading: "Per åldersgrupp",
    waveHeading: "Per fas i dataintrånget",
    categoryHeading: "Efter röjda uppgifter",
    fateHeading: "Publicerade, utpressade, anmälda",
    districtCountTitle: (district: string, count: string, share: string) =>
      `Flest berörda fanns i ${district}: ${count} (${share} av alla)`,
    districtCountSubtitle: "Berörda personer efter bostadens sjukvårdsdistrikt",
    districtRateTitle: (district: string, rate: string) =>
      `I förhållande till befolkningen drabbades ${district} hårdast: ${rate} per 100\u00a0000 invånare`,
    districtRateSubtitle: "Berörda personer per 100\u00a0000 invånare, per sjukvårdsdistrikt",
    ageTitle: (minors: string, share: string) => `${minors} av de berörda var minderåriga (${share})`,
    ageTitleHidden: (minors: string) => `Minst ${minors} av de berörda var minderåriga`,
    ageSubtitle:
      "Berörda personer efter åldersgrupp vid tiden för dataintrånget; minderåriga (0–14 och 15–17) framhävda",
    minorLegend: "Minderårig (under 18)",
    adultLegend: "Myndig eller okänd",
    waveTitle: (share: string) => `${share} av de berörda fanns i dataintrångets första fas (november 2018)`,
    waveSubtitle: "Berörda personer per fas i dataintrånget",
    categoryTitle: (category: string, count: string) => `${category}: röjdes för ${count} personer`,
    categorySubtitle:
      "Personer med minst en patientuppgift som innehåller respektive slag av uppgifter (en person kan ha flera)",
    fateTitle: (emailed: string, share: string) => `${emailed} personer (${share}) fick ett utpressningsmejl`,
    fateSubtitle:
      "Berörda personer och hur många av dem vars uppgifter publicerades, som fick utpressningsmejl eller gjorde en polisanmälan",
    barsDescription: (subject: string, list: string) => `${subject}: ${list}.`
  },

  categories: {
    contact: "Kontaktuppgifter",
    identity_code: "Personbeteckningar",
    therapy_notes: "Terapianteckningar",
    treatment_plan: "Vårdplaner",
    statements: "Utlåtanden till myndigheter"
  },

  waves: {"1": "Fas 1 (november 2018)", "2": "Fas 2 (november 2018 – mars 2019)", unknown: "Okänd"},
  ageUnknown: "Okänd",

  fates: {
    people: "Berörda",
    people_published: "Uppgifter publicerade",
    people_emailed: "Fick utpressningsmejl",
    people_reported: "Gjorde polisanmälan"
  },

  timeline: {
    title: "Vad som publicerades och när",
    lead: "Patientuppgifter som publicerades på nätet per dag och var, utpressningsmejl till patienter och polisanmälningar, jämfört med de viktiga händelserna.",
    rangeLegend: "Visa datum",
    from: "Från",
    to: "Till",
    reset: "Hela perioden",
    publishedHeading: "Publicerade patientuppgifter",
    accumulatingHeading: "Utpressningsmejl och polisanmälningar",
    publishedTitle: (records: string, date: string) =>
      `Flest kopior av patientuppgifter publicerades ${date}: ${records} under en enda dag`,
    publishedTitleEmpty: "Inga patientuppgifter publicerades under den valda perioden",
    publishedSubtitle:
      "Publicerade patientuppgifter per dag och kanal (staplar), varje ny publicering av samma uppgift räknad på nytt; datum enligt finsk tid",
    publishedDescription: (total: string, days: string, start: string, end: string) =>
      `Under perioden ${start}–${end} publicerades ${total} kopior av patientuppgifter under ${days} dagar.`,
    recordsCumulativeTitle: (records: string, date: string) =>
      `Fram till ${date} hade ${records} kopior av patientuppgifter publicerats`,
    recordsCumulativeSubtitle:
      "Publicerade patientuppgifter, kumulativt, per kanal: samma uppgifter publicerades på nytt på många webbplatser, så summan överstiger antalet patientuppgifter",
    cumulativeTitle: (reported: string, date: string) =>
      `Fram till ${date} hade ${reported} personer gjort en polisanmälan`,
    cumulativeSubtitle: "Personer, kumulativt: första utpressningsmejlet mottaget och första polisanmälan gjord",
    cumulativeDescription: (emailed: string, reported: string, date: string) =>
      `Fram till ${date} hade ${emailed} personer fått ett utpressningsmejl och ${reported} gjort en polisanmälan.`,
    series: {
      records_published: "Publicerade patientuppgifter",
      people_emailed: "Fick utpressningsmejl",
      people_reported: "Gjorde polisanmälan"
    }
  },

  channels: {
    tor_site: "Utpressarens Tor-webbplats",
    tor_forum: "Diskussionsforum i Tor",
    imageboard: "Bildforum",
    file_host: "Fildelningstjänster",
    email: "E-post",
    other: "Annan"
  },

  crisis: {
    title: "Behovet av krishjälp",
    lead: "Kontakter till tjänster som ger krishjälp (hjälptelefoner, brottsofferstöd, hälsocentraler, församlingar, chattar) per sjukvårdsdistrikt, jämfört med nivån innan dataintrånget blev offentligt.",
    nationalHeading: "Hela Finland",
    districtsHeading: "Per sjukvårdsdistrikt",
    tableHeading: "Sjukvårdsdistrikten efter högsta behov",
    method: (start: string, end: string, incidentStart: string, incidentEnd: string) =>
      `Metod: referensnivån är det genomsnittliga antalet kontakter per vecka under ISO-veckorna ${start}–${end}, innan dataintrånget blev offentligt. Relativa tal är kontakter per vecka per 100\u00a0000 invånare (befolkningen vid utgången av 2019). För sjukvårdsdistrikt som är för små för veckosiffror publiceras månadssiffror; deras kontakter per månad delas med antalet ISO-veckor i månaden. Extra kontakter är kontakterna över referensnivån under de perioder som överlappar ${incidentStart}–${incidentEnd}. Sekretessbelagda celler lämnas utanför summorna, så summor som vilar på dem är nedre gränser; ett sjukvårdsdistrikt vars referensveckor har sekretessbelagda celler har ingen referensnivå och inget förhållandetal (visas som sekretessbelagt).`,
    nationalTitle: (ratio: string, week: string) =>
      `Kontakterna till krishjälp nådde sin topp, ${ratio} gånger nivån före dataintrånget, veckan som började ${week}`,
    nationalSubtitle:
      "Kontakter till krishjälp per vecka i alla sjukvårdsdistrikt, per tjänst; streckad linje: veckomedeltal före dataintrånget",
    nationalDescription: (baseline: string, peak: string, week: string) =>
      `Före dataintrånget var det cirka ${baseline} kontakter per vecka. Toppen var ${peak} kontakter veckan som började ${week}.`,
    baselineLabel: (value: string) => `medeltal före dataintrånget ${value}/vecka`,
    multiplesTitle: (district: string, ratio: string) =>
      `Den brantaste ökningen sågs i ${district}: ${ratio} gånger nivån per vecka före dataintrånget vid toppen`,
    multiplesSubtitle:
      "Kontakter per vecka per 100\u00a0000 invånare; streckad linje: distriktets medeltal före dataintrånget; skuggat: tiden för dataintrånget; streckat band: period med sekretessbelagda celler",
    multiplesDescription: (list: string) =>
      `Toppen i förhållande till nivån per vecka före dataintrånget, per sjukvårdsdistrikt: ${list}.`,
    monthly: "per månad",
    weekly: "per vecka",
    grain: "Indelning",
    baselineRate: "Nivå före dataintrånget",
    peakRate: "Toppnivå",
    peakWeek: "Toppperiod",
    peakRatio: "Topp ÷ referensnivå",
    excess: "Extra kontakter",
    tableCaption:
      "Sjukvårdsdistrikten ordnade efter högsta antal kontakter per vecka i förhållande till nivån före dataintrånget. Relativa tal är kontakter per vecka per 100\u00a0000 invånare."
  },

  services: {
    crisis_helpline: "Kristelefon",
    victim_support: "Brottsofferjouren",
    red_cross_helpline: "Röda korsets hjälptelefon",
    health_centre: "Hälsocentral",
    parish: "Församling",
    chat: "Chatt",
    other: "Annan"
  },

  methods: {
    title: "Metoder och material",
    lead: "Var siffrorna kommer ifrån, hur små tal skyddas och vad materialet inte kan berätta.",
    formatHeading: "Materialets format",
    formatText:
      "Rapporten sammanställs ur ett anonymiserat material om dataintrånget (formatversion 1): berörda patientuppgifter, publiceringshändelser och kontakter till krishjälp, beskrivna fält för fält i projektets README.",
    formatLink:
      "Se avsnittet ”Export format v1” i README.md i projektets källkod, som också beskriver de publicerade tabellerna.",
    provenanceHeading: "Den här versionens ursprung",
    provenanceText:
      "Den offentliga delen av materialets innehållsförteckning och granskningen av sekretessen i de publicerade tabellerna.",
    manifestField: "Fält",
    manifestValue: "Värde",
    auditHeading: "Granskning av sekretessen",
    auditTable: "Tabell",
    auditCells: "Celler",
    auditSuppressed: "Sekretessbelagda celler",
    auditNone: "Granskningen innehåller inga tabeller.",
    countsHeading: "Varje publicerat tal och vad som skyddar det",
    countsIntro:
      "Varje antalskolumn i de publicerade tabellerna och varje nationell totalsumma: vad den räknar och vilka röjanderegler byggets granskning kontrollerar för den.",
    countsColumns: {table: "Tabell", measure: "Tal", counts: "Vad det räknar", rules: "Skyddas av"},
    counted: {
      people: "personer, var och en en gång",
      records: "patientjournaler",
      contacts: "kontakter med krishjälpen",
      events: "publiceringshändelser (publiceringar av stulna journaler)"
    } as Record<string, string>,
    partOf: (whole: string) => `en del av ${whole} på samma rad`,
    ruleNames: {
      threshold: "tröskel",
      contract: "kontrakt",
      redaction: "struken",
      multiple: "avrundning",
      sums: "avrundade summor",
      marginals: "summor",
      consistent: "samstämmighet",
      protection: "skyddsintervall",
      interval: "avrundningsintervall",
      smallGroup: "små grupper",
      groupAttributes: "gruppegenskaper"
    } as Record<string, string>,
    ruleDescriptions: {
      threshold: "inga tal från 1 till tröskeln minus ett",
      contract: "endast de dokumenterade tabellerna och kolumnerna, aldrig en kolumn på radnivå eller med fritext",
      redaction: "inget tal som är 7 eller mindre publiceras, inte heller 0",
      multiple: "varje publicerat tal är en multipel av 5",
      sums: "varje total är summan av sina publicerade avrundade delar",
      marginals: "delarna summeras till sina totaler",
      consistent: "de publicerade talen passar ihop",
      protection: "ett sekretessbelagt tal kan inte ringas in i ett intervall smalare än tröskeln",
      interval:
        "utifrån allt som publicerats kan inget tal ringas in till färre än 5 möjliga värden (ett tal som visas som 10 kan fortfarande vara allt från 8 till 12)",
      smallGroup: "utifrån allt som publicerats kan inget tal visas ligga mellan 1 och 7",
      groupAttributes: "ingen nolla eller hel summa bredvid ett sekretessbelagt antal personer"
    } as Record<string, string>,
    noProtection:
      "inget skydd behövs: en publicering är utpressarens handling, offentlig i sig, och säger ingenting om någon person",
    suppressionHeading: "Hur små tal skyddas",
    suppression: (threshold: string) => [
      `Varje tal som gäller färre än ${threshold} personer, patientuppgifter eller kontakter sekretessbeläggs. Det visas som ”sekretessbelagd” eller som ett streckat märke, aldrig som noll.`,
      "Även vissa större tal sekretessbeläggs (sekundär röjandekontroll), så att ett sekretessbelagt tal inte kan räknas fram genom att dra av de andra från en summa som visas på annat håll. En sekretessbelagd cell kan alltså innehålla vilket tal som helst, inte bara ett litet.",
      "För sjukvårdsdistrikt som är för små för veckosiffror om krishjälp publiceras i stället månadssiffror (grövre indelning). Veckonivåerna för dessa distrikt är månadens kontakter delade med antalet ISO-veckor i månaden.",
      "Alla tabeller sekretessbeläggs och granskas tillsammans, en gång, ur det konfidentiella materialet: ingen sida räknar fram en egen siffra som granskningen inte har sett.",
      "Summor och kumulativa summor som omfattar sekretessbelagda celler lämnar dem utanför och säger det: de är nedre gränser."
    ],
    policyUsed: (policy: string): string =>
      policy === "round5"
        ? "Den här publiceringen har gjorts med avrundningsprincipen (round5): inget tal publiceras exakt."
        : "Den här publiceringen har gjorts med sekretessprincipen: små tal, och tal som kunde avslöja dem, är sekretessbelagda.",
    rounding: [
      "Varje tal som gäller 7 eller färre personer, patientuppgifter eller kontakter är sekretessbelagt, även 0.",
      "Alla andra tal avrundas till närmaste multipel av 5: 8–12 visas som 10, 13 som 15.",
      "En summa är summan av sina avrundade delar, där en sekretessbelagd del räknas som 0, så den kan avvika från den verkliga summan med mer än 2, och summorna för olika indelningar (kön, ålder) behöver inte stämma överens.",
      "Eftersom inget tal är exakt avslöjar det inget tal exakt att dra en tabell eller publicering från en annan. Principen är OpenSAFELYs.",
      "Byggets granskning ställer alla publicerade tabeller mot varandra med en lösare, så som en läsare kunde: inget tal kan ringas in till färre än 5 möjliga värden (10 kan fortfarande vara allt från 8 till 12), och inget sekretessbelagt tal kan visas vara 1–7 i stället för möjligen 0.",
      "Där en tabell som avrundats för sig (som personer efter kön) eller ett tal för hela landet (som antalet patientuppgifter) skulle ringa in ett tal bredvid den, lämnas den helt utanför publiceringen: dess fil har inga rader, eller så saknas talet. Den visas aldrig som sekretessbelagd, eftersom sekretessbelagd betyder 7 eller färre."
    ],
    withheld: (...tables: string[]): string =>
      tables.length
        ? `Utelämnat ur den här publiceringen så att inget tal ringas in: ${tables.join(", ")}.`
        : "Inget behövde utelämnas ur den här publiceringen.",
    ledgerHeading: "Successiva publiceringar",
    ledger: [
      "Varje publicering granskas tillsammans med den föregående. Den som har sparat den tidigare publiceringen kan dra den ena från den andra; granskningen säkerställer att detta inte snävar in något sekretessbelagt tal i någon av dem till ett intervall som är smalare än tröskeln. Där det skulle ske sekretessbeläggs mer i den här publiceringen; den tidigare ändras aldrig, eftersom den redan är ute.",
      "Granskningen utgår från det som man vet gäller mellan två uttag: personer har bara tagits bort, eller bara lagts till, när uttaget säger det, och då är krishjälpskontakterna under veckor som hade tagit slut desamma i båda; annars kan talen ha ändrats åt båda hållen.",
      "Endast den närmast föregående publiceringen granskas. Den som har sparat flera äldre publiceringar, eller vet från annat håll vilka som lagts till eller tagits bort, kan få veta mer än granskningen tar hänsyn till.",
      "En publicering som gjorts med avrundning granskas på samma sätt mot den föregående, vare sig den var avrundad eller exakt: inget tal i någon av dem får kunna snävas in till färre än fem möjliga värden eller visas ligga mellan 1 och 7. En avrundad publicering efter en exakt klarar oftast inte detta när personer har tagits bort (ett exakt 10 och sedan ett avrundat 10 lämnar 8 till 10), och publiceras då inte.",
      "En publicering som gjorts genom sekretessbeläggning efter en avrundad granskas också mot den, var och en efter sitt eget löfte: inget tal i den avrundade får kunna snävas in till färre än fem möjliga värden eller visas ligga mellan 1 och 7, och inget sekretessbelagt tal i den här till ett smalare intervall än tröskeln. Ett avrundat 10 och sedan ett exakt 9, när personer bara har tagits bort, lämnar 9 till 12 för det tidigare talet: en sådan publicering publiceras inte, och kan i stället göras med avrundning, som granskas mot den avrundade publiceringen och utelämnar uppdelningar där det behövs.",
      "När personer bara har tagits bort anger båda publiceringarna det totala antalet personer, så vem som helst ser hur många som togs bort. Är de färre än tröskeln kan ett tal som den föregående publiceringen angav inte vara sekretessbelagt i den här: även sekretessbelagt skulle det ligga högst så många under sitt tidigare värde. En sådan publicering kan ges ut när varje tal som den måste dölja (ett tal under tröskeln, eller en del av en dold grupp som är ingen eller alla) var dolt även i den föregående publiceringen; den döljer då bara det som den föregående dolde, eller tal som är nya.",
      "När ett tal som den här publiceringen måste dölja angavs i den föregående publiceringen kan ingen sekretessbeläggning skydda det, och att vänta hjälper inte så länge personer bara tas bort: ingenting publiceras, och utgivaren får genast veta vilket tal i vilken publicering som är orsaken och att den tidigare publiceringen ska fortsätta gälla.",
      "De tidigare publiceringarna förvaras konfidentiellt bredvid materialet för den här granskningen och publiceras aldrig."
    ],
    limitsHeading: "Vad materialet inte kan berätta",
    limits: [
      "Exakt vilka som berördes: endast antal publiceras, aldrig en person, en patientuppgift eller något som kan identifiera någon.",
      "Små områden: siffrorna gäller sjukvårdsdistrikt (gränserna 2020–2022), inte kommuner.",
      "Orsak: ökningen av kontakter till krishjälp sammanfaller med dataintrånget; materialet kan inte visa att varje kontakt gällde det.",
      "Personer som inte sökte hjälp, eller sökte hjälp utanför de angivna tjänsterna, ingår inte i siffrorna om krishjälp."
    ],
    definitionsHeading: "Definitioner",
    definitions: [
      [
        "Berörd person",
        "någon med minst en patientuppgift i den stulna databasen, räknad en gång oavsett antalet patientuppgifter."
      ],
      [
        "En persons sjukvårdsdistrikt",
        "där personen bodde; om uppgifterna skiljer sig åt, den lägsta distriktskoden; på samma sätt den yngsta åldersgruppen och den tidigaste fasen i dataintrånget."
      ],
      [
        "Publicerad, utpressad, anmäld",
        "en person räknas en gång, det tidigaste datum då någon av personens patientuppgifter publicerades, personen fick ett utpressningsmejl eller gjorde en polisanmälan."
      ],
      [
        "Publicerade patientuppgifter",
        "patientuppgifter som publicerats i en kanal en viss dag (finsk tid), enligt publiceringshändelserna; samma uppgift publicerad två gånger räknas två gånger."
      ],
      [
        "Kontakt till krishjälp",
        "ett samtal, en chatt eller ett besök hos en angiven tjänst, i det sjukvårdsdistrikt där tjänsten gavs."
      ],
      ["Per 100\u00a0000 invånare", "delat med distriktets befolkning vid utgången av 2019."],
      [
        "Datum",
        "datum enligt finsk tid (Europe/Helsinki), skrivna D.M.ÅÅÅÅ; veckorna är ISO-veckor som börjar på måndag."
      ]
    ],
    syntheticHeading: "Syntetiskt material",
    syntheticText:
      "Den här versionen visar ett syntetiskt exempelmaterial: siffrorna är framtagna för att se trovärdiga ut och anpassade till offentliga sammanställda uppgifter, men beskriver ingen verklig person. Där det saknas en offentlig siffra (till exempel andelen minderåriga eller kontakter till krishjälp per distrikt) är värdet en modellparameter.",
    printHeading: "Utskrift",
    printText:
      "Varje sida skrivs ut på A4 utan navigering. `npm run pdf` skriver hela rapporten som PDF-filer i mappen reports/."
  },

  exportFields: {
    export_id: "Materialets identifierare",
    produced_by: "Framställt av",
    produced_at: "Framställt",
    period_start: "Periodens början",
    period_end: "Periodens slut",
    schema_version: "Formatversion",
    loaded_at: "Inläst",
    vuoto_version: "Vuotos version",
    content_hash: "Innehållets kontrollsumma (SHA-256)",
    notes: "Anmärkningar",
    files: "Filer"
  }
};

const figuresFi: Strings["figures"] = {
  auditRows: "Rivit",
  auditChecksHeading: "Tarkistukset, jotka läpäistiin ennen julkaisua",
  auditCheck: "Tarkistus",
  auditRule: "Mitä se takaa",
  auditPassed: "läpäisty",
  auditHeadline: "Valtakunnalliset kokonaisluvut (headline.json)",
  boundLegend:
    "Vaalea palkki ja ”+”: alaraja. Tarkkaa lukua näillä rajauksilla ei julkaista (summan solu on salattu), joten todellinen luku on suurempi.",
  exactLegend: "Täysi palkki: julkaistu tarkka luku.",
  leftOut: (count: string, what: string) => `Ei näytetä: ${count} ${what}.`,
  unknownDistrictPeople: "henkilöä, joiden sairaanhoitopiiri ei ole tiedossa",
  unknownAgePeople: "henkilöä, joiden ikäryhmä ei ole tiedossa",
  ofPublished: "niistä sairaanhoitopiireistä, joiden luvut julkaistaan",
  partialWeek: (days: string) => `vajaa viikko (${days} päivän tiedot)`,
  partialWeeksNote:
    "Ontot palkit ovat aineiston alun tai lopun vajaita viikkoja: niissä on alle 7 päivää, eivätkä ne ole kysynnän laskuja. Niitä ei käytetä vertailutasossa.",
  partialPeriodsLeftOut:
    "Aineiston ensimmäisessä ja viimeisessä jaksossa on alle 7 päivää: ne on jätetty pois näistä kuvista, vertailutasoista ja huipuista.",
  emptyRange: (start: string, end: string) =>
    `Aikavälillä ${start}–${end} ei julkaistu yhtään tietuetta: laajenna aikaväliä nähdäksesi julkaisut.`,
  monthlyOnly: (names: string) =>
    `Viikkolukuja ei julkaista sairaanhoitopiireistä ${names}: ne ovat liian pieniä, ja niiden luvut julkaistaan vain kuukausittain (ks. kriisiapusivu).`,
  asteriskNote: "* Tapahtuman tarkkaa päivää eivät lähteet vahvista: näytetty päivä on oletettu.",
  nationalExact: "Tarkka valtakunnallinen luku, kuten pääluvuissa.",
  emptySeries: "Valitulla aikavälillä ei ole laskettavaa: laajenna aikaväliä.",
  atMost: (value: string) => `enintään ${value}`,
  range: (low: string, high: string) => `${low}–${high}`,
  rangeNote:
    "Vaihteluvälinä näytetty luku on salattu muutaman henkilön suojaamiseksi kunnassa, jonka sairaanhoitopiiri ja hyvinvointialue eroavat; väli on täsmälleen se, minkä julkaistut taulukot antavat kenen tahansa päätellä, joten se ei kerro niitä enempää. Välille ei anneta osuutta väestöstä, eikä sitä sijoiteta järjestykseen.",
  multiplesTitlePublished: (district: string, ratio: string) =>
    `Niistä sairaanhoitopiireistä, joiden luvut julkaistaan, jyrkimmin nousi ${district}: huipussaan ${ratio}× vertailutason viikkotaso`,
  weeksHidden: (weeks: string) =>
    `× ${weeks} viikon summista puuttuu salattuja soluja, joten ne ovat alarajoja; koko jakson valtakunnallinen summa on tarkka.`,
  nationalTotal: (total: string) => `Yhteydenotot koko jaksolla, kaikki sairaanhoitopiirit: ${total}.`
};

const figuresSv: Strings["figures"] = {
  auditRows: "Rader",
  auditChecksHeading: "Kontroller som godkändes innan något publicerades",
  auditCheck: "Kontroll",
  auditRule: "Vad den garanterar",
  auditPassed: "godkänd",
  auditHeadline: "Nationella totaler (headline.json)",
  boundLegend:
    "Ljus stapel med ”+”: en nedre gräns. Den exakta siffran för dessa filter publiceras inte (en cell i summan är sekretessbelagd), så den verkliga siffran är högre.",
  exactLegend: "Hel stapel: den exakta publicerade siffran.",
  leftOut: (count: string, what: string) => `Visas inte: ${count} ${what}.`,
  unknownDistrictPeople: "personer vars sjukvårdsdistrikt inte är känt",
  unknownAgePeople: "personer vars åldersgrupp inte är känd",
  ofPublished: "av de distrikt vars siffror publiceras",
  partialWeek: (days: string) => `ofullständig vecka (${days} dagars data)`,
  partialWeeksNote:
    "Ihåliga staplar är ofullständiga veckor i början eller slutet av data: de har färre än 7 dagar och är inga nedgångar i efterfrågan. De ingår inte i referensnivån.",
  partialPeriodsLeftOut:
    "Den första och den sista perioden i data har färre än 7 dagar: de ingår inte i dessa diagram, referensnivåerna eller topparna.",
  emptyRange: (start: string, end: string) =>
    `Inga poster publicerades mellan ${start} och ${end}: vidga datumintervallet för att se publiceringar.`,
  monthlyOnly: (names: string) =>
    `Veckosiffror publiceras inte för ${names}: distrikten är för små och publiceras endast per månad (se sidan om krisstöd).`,
  asteriskNote: "* Källorna bekräftar inte händelsens exakta dag: det visade datumet är antaget.",
  nationalExact: "Exakt nationell siffra, som i huvudsiffrorna.",
  emptySeries: "Inget att räkna under de valda datumen: vidga datumintervallet.",
  atMost: (value: string) => `högst ${value}`,
  range: (low: string, high: string) => `${low}–${high}`,
  rangeNote:
    "En siffra som visas som ett intervall är sekretessbelagd för att skydda några få personer i en kommun vars sjukvårdsdistrikt och välfärdsområde skiljer sig åt; intervallet är exakt det som de publicerade tabellerna låter vem som helst räkna ut, så det säger inte mer än de. För ett intervall anges ingen andel av befolkningen, och det rangordnas aldrig.",
  multiplesTitlePublished: (district: string, ratio: string) =>
    `Av de distrikt vars siffror publiceras ökade ${district} mest: ${ratio}× referensnivåns veckonivå vid toppen`,
  weeksHidden: (weeks: string) =>
    `× ${weeks} veckosummor saknar sekretessbelagda celler och är nedre gränser; den nationella summan för hela perioden är exakt.`,
  nationalTotal: (total: string) => `Kontakter under hela perioden, alla distrikt: ${total}.`
};

export const strings: Record<Language, Strings> = {
  en,
  fi: {...fi, figures: figuresFi, geo: geoFi},
  sv: {...sv, figures: figuresSv, geo: geoSv}
};
