// Wellbeing services counties of Finland (2023): codes, names and population (summed from municipalities).
import {openNodeDatabase, selectToParquet} from "../node/duckdbNode.js";
import {wellbeingCountiesSelect} from "../node/reference.js";

const db = await openNodeDatabase();
process.stdout.write(await selectToParquet(db, wellbeingCountiesSelect()));
