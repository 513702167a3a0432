// A page's charts are drawn in the same frame when their data arrive together, so the first chart on
// screen waited for the maps, panels and tables below it (the overview's tile map and key dates, the
// crisis page's 21 district panels and table: 0.2–0.5 s of CPU). What is below the fold is drawn in the
// task after the page's first chart has been painted.

let painted: Promise<void> | undefined;

/** Resolves once a chart ([data-chart] svg) is on the page and a frame with it has been painted. */
export function firstChartPainted(): Promise<void> {
  return (painted ??= new Promise((resolve) => {
    // At a frame's start, a chart already in the page was painted in an earlier frame.
    const check = () =>
      document.querySelector("[data-chart] svg") ? setTimeout(resolve, 0) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  }));
}

/** An element that holds *draw*'s element once the page's first chart has been painted. */
export function AfterFirstChart(draw: () => Node): HTMLElement {
  const holder = document.createElement("div");
  holder.className = "vuoto-after-first-chart";
  void firstChartPainted().then(() => holder.append(draw()));
  return holder;
}
