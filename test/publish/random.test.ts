// Random small datasets, where small cells are the rule: the attacker must recover nothing from any.
import {join} from "node:path";
import {expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {publish} from "../../src/node/publish/index.js";
import {attack, readPublished} from "./attack/elimination.js";
import {tempFolder, writeDataset} from "./dataset.js";
import {randomDataset} from "./randomDataset.js";

// Seed 67 once pinned four ones by bounds, through a total known only from another table.
test.each([1, 2, 3, 4, 5, 6, 7, 8, 67])(
  "random dataset %i: nothing recoverable from what is published",
  async (seed) => {
    const db = await openNodeDatabase();
    const folder = await tempFolder();
    await writeDataset(db, folder, randomDataset(seed));
    db.close();
    const out = join(folder, "published");
    await publish({data: folder, out, threshold: 5});
    const published = await readPublished(out);
    expect(
      Object.values(published.tables)
        .flat()
        .some((row) => Object.values(row).includes(null))
    ).toBe(true);
    expect(attack(published)).toEqual([]);
  }
);
