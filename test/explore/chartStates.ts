// The filter states that the explorer's chart answers are checked in, shared by the test of chartsQuery
// against each chart's own query and the test of chartsAnswer against chartsQuery.
import {emptyState, type ExploreState} from "../../src/lib/exploreState.js";

export const state = (overrides: Partial<ExploreState>): ExploreState => ({...emptyState, ...overrides});

export const chartStates: ExploreState[] = [
  emptyState,
  state({measure: "contacts"}),
  state({districts: ["25"], services: ["chat"], from: "2020-10-19", to: "2020-11-01", measure: "contacts"}),
  state({districts: ["03", "25"], ageGroups: ["18-24"], services: ["chat", "parish"]}),
  state({services: ["crisis_helpline"], from: "2020-08-03", to: "2020-12-27", measure: "contacts"}),
  // Nothing to answer: a district no table holds, and a range with no rows.
  state({districts: ["99"], measure: "contacts"}),
  state({from: "1999-01-04", to: "1999-01-10"})
];
