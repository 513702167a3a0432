// Hospital districts of Finland (2020–2022): codes, names, population and tile-map positions.
import {openNodeDatabase, selectToParquet} from "../node/duckdbNode.js";
import {hospitalDistrictsSelect} from "../node/reference.js";

const db = await openNodeDatabase();
process.stdout.write(await selectToParquet(db, hospitalDistrictsSelect()));
