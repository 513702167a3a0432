// @vitest-environment jsdom
// Below-the-fold charts wait for the page's first chart: nothing is drawn while no chart is on the page,
// and what waits is drawn once one is.
import {expect, test} from "vitest";
import {AfterFirstChart} from "../../src/components/afterFirstChart.js";

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : setTimeout(resolve, 0));
    step(n);
  });

test("AfterFirstChart draws only after a chart is on the page, then once", async () => {
  let drawn = 0;
  const holder = AfterFirstChart(() => {
    drawn += 1;
    return document.createElement("figure");
  });
  document.body.append(holder);
  await frames(3);
  expect([drawn, holder.children.length]).toEqual([0, 0]);
  document.body.insertAdjacentHTML("beforeend", '<div data-chart="x"><svg></svg></div>');
  await frames(3);
  expect([drawn, holder.querySelector("figure") !== null]).toEqual([1, true]);
});
