// Where things live, resolved from this file so loaders work whatever their working directory.
import {fileURLToPath} from "node:url";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const referenceDistrictsCsv = fileURLToPath(
  new URL("../../data/reference/hospital-districts.csv", import.meta.url)
);
