// All user-facing text, keyed by language (English first), so that Finnish and Swedish versions can
// follow without touching components or pages. Components take a `lang` option and look text up here.
const en = {
  appName: "Vuoto",
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
    tableNote: "People in the selected age groups; contacts for the selected services and weeks. Hidden cells: how many suppressed cells each sum leaves out.",
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
    sqlHelp: "Read-only SQL (DuckDB) over the published tables: SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN. Ctrl+Enter runs.",
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
  }
};

export type Strings = typeof en;
export type Language = "en" | "fi" | "sv";

// Finnish and Swedish fall back to English until translated.
export const strings: Record<Language, Strings> = {en, fi: {...en}, sv: {...en}};
