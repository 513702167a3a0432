// Plays the attacker against many random small datasets, thresholds 3, 5 and 10, half of them with
// everyone e-mailed: tsx test/bench/fuzz.ts [count]. Prints any recovery or failure, then the total.
import {join} from "node:path";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {publish} from "../../src/node/publish/index.js";
import {attack} from "../publish/attacker.js";
import {tempFolder, writeDataset} from "../publish/dataset.js";
import {randomDataset} from "../publish/randomDataset.js";
const db = await openNodeDatabase();
let failures = 0;
for (let seed = 1000; seed < 1000 + Number(process.argv[2] ?? 100); seed++) {
  const threshold = [3, 5, 10][seed % 3];
  const folder = await tempFolder();
  const data = randomDataset(seed);
  if (seed % 2) for (const p of data.people) p.emailed = "2020-10-24";
  await writeDataset(db, folder, data);
  try {
    await publish({data: folder, out: join(folder, "p"), threshold});
    const {findings: found} = await attack(join(folder, "p"), {threshold});
    if (found.length) (failures++, console.log(seed, threshold, found.slice(0, 3)));
  } catch (e) {
    failures++;
    console.log(seed, threshold, (e as Error).message);
  }
}
console.log("failures", failures);
db.close();
