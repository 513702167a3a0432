// Where things live, resolved from this file so loaders work whatever their working directory.
import {fileURLToPath} from "node:url";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const referenceDistrictsCsv = fileURLToPath(
  new URL("../../data/reference/hospital-districts.csv", import.meta.url)
);
export const referenceMunicipalitiesCsv = fileURLToPath(
  new URL("../../data/reference/municipalities.csv", import.meta.url)
);
export const referenceCountiesCsv = fileURLToPath(
  new URL("../../data/reference/wellbeing-services-counties.csv", import.meta.url)
);
export const referenceMunicipalitiesTopology = fileURLToPath(
  new URL("../../data/reference/finland-municipalities-2017.topo.json", import.meta.url)
);
