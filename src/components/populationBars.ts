import * as Plot from "@observablehq/plot";

export interface DistrictPopulation {
  code: string;
  name_fi: string;
  population: number;
}

/**
 * A horizontal bar chart of residents per hospital district.
 *
 * **width** – the chart width in pixels; **document** – for rendering outside a browser.
 */
export function PopulationBars(
  data: DistrictPopulation[],
  {width = 640, document, ...options}: {width?: number; document?: Document} & Plot.PlotOptions = {}
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    marginLeft: 140,
    x: {label: "Residents (end of 2019)", grid: true, tickFormat: "s"},
    y: {label: null},
    marks: [
      Plot.barX(data, {y: "name_fi", x: "population", sort: {y: "-x"}, fill: "currentColor", tip: true}),
      Plot.ruleX([0])
    ],
    document,
    ...options
  });
}
