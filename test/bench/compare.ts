// Two builds of the site compared page by page, interleaved: each round measures every report page on
// both builds back to back (in alternating order), so that both see the same load on a shared machine,
// where a whole run of site.ts on one build and then on the other can differ by half from load alone.
//   npx tsx test/bench/compare.ts <before dist> <after dist> [rounds, default 5] [/fi/crisis …]
import {readFile} from "node:fs/promises";
import {reportPages} from "../../observablehq.config.js";
import {launchChromium} from "../../src/node/chromium.js";
import {serveStatic} from "../../src/node/staticServer.js";
import {measureReportPage} from "./browser.js";

const [before, after, roundsArg, ...chosen] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 5);
if (!before || !after || !(rounds >= 1))
  throw new Error("usage: npx tsx test/bench/compare.ts <before dist> <after dist> [rounds] [/fi/crisis …]");
const paths = chosen.length > 0 ? chosen : reportPages.filter((p) => !p.path.endsWith("methods")).map((p) => p.path);
const load = async () => (await readFile("/proc/loadavg", "utf8").catch(() => "")).split(" ").slice(0, 3).join(" ");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const servers = [await serveStatic(before), await serveStatic(after)];
const browser = await launchChromium();
const times = paths.map(() => [[] as number[], [] as number[]]);
try {
  console.log(`load before: ${await load()}`);
  for (let round = 0; round < rounds; ++round)
    for (const [i, path] of paths.entries())
      for (const side of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const timing = await measureReportPage(browser, servers[side]!.url, path);
        if (timing.firstChartMs !== null) times[i]![side]!.push(timing.firstChartMs);
      }
  console.log(`load after: ${await load()}`);
  console.log(`first chart, median of ${rounds} (ms): page, before, after, after / before`);
  const ratios: number[] = [];
  for (const [i, path] of paths.entries()) {
    const [a, b] = times[i]!.map(median) as [number, number];
    ratios.push(b / a);
    console.log(`  ${path.padEnd(14)} ${a.toFixed(0).padStart(6)} ${b.toFixed(0).padStart(6)}   ${(b / a).toFixed(2)}`);
  }
  console.log(`median after / before: ${median(ratios).toFixed(2)}`);
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
