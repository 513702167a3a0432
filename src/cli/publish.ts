// Publishes data/current (private) as data/published: aggregate, suppress, audit, write.
//   tsx src/cli/publish.ts [--data data/current] [--out data/published] [--threshold 5]
// Diagnostics go to stderr; an audit failure names table, cell and rule and exits 1.
import {parseArgs} from "node:util";
import {publish} from "../node/publish/index.js";
import {currentDir, publishedDir} from "../node/publishedFiles.js";

const {values} = parseArgs({
  options: {
    data: {type: "string", default: currentDir()},
    out: {type: "string", default: publishedDir()},
    threshold: {type: "string"}
  }
});

try {
  const result = await publish({data: values.data!, out: values.out!, threshold: values.threshold});
  const {aggregate, suppress, audit, write} = result.timings;
  const suppressed = result.report.tables.reduce((n, t) => n + t.suppressed, 0) + result.report.headline.suppressed;
  const cells = result.report.tables.reduce((n, t) => n + t.cells, 0) + result.report.headline.cells;
  console.warn(
    `publish: threshold ${result.threshold}; ${suppressed} of ${cells} cells suppressed (${result.primary} below the threshold, ${result.complementary} to protect them)`
  );
  console.warn(
    `publish: aggregate ${aggregate} ms, suppress ${suppress} ms, audit ${audit} ms, write ${write} ms → ${values.out}`
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
