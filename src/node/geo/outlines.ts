// The dissolved outlines from the reference files: what the outlines loader writes and the tests check.
import {readFile} from "node:fs/promises";
import type {Topology} from "topojson-specification";
import {openNodeDatabase} from "../duckdbNode.js";
import {referenceMunicipalitiesTopology} from "../paths.js";
import {municipalitiesSelect} from "../reference.js";
import {dissolveOutlines, type MunicipalityArea, type OutlineTopology} from "./dissolve.js";

export async function readMunicipalityKey(): Promise<MunicipalityArea[]> {
  const db = await openNodeDatabase();
  try {
    return await db.query<MunicipalityArea>(municipalitiesSelect());
  } finally {
    db.close();
  }
}

export async function readMunicipalityOutlines(path = referenceMunicipalitiesTopology): Promise<Topology> {
  return JSON.parse(await readFile(path, "utf8")) as Topology;
}

export async function referenceOutlines(): Promise<OutlineTopology> {
  return dissolveOutlines(await readMunicipalityOutlines(), await readMunicipalityKey());
}
