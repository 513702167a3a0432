// An export's own manifest.json: read in any encoding a text editor writes (a UTF-8 byte order mark,
// UTF-16), scanned field by field like a cell (keys, values and nested values alike: an identifier
// anywhere refuses the export), and checked so that what is later printed or published is safe: an
// export_id of a safe shape, no control characters, `synthetic` a boolean.
import {readFile} from "node:fs/promises";
import {MANIFEST_FIELDS, READABLE_SCHEMA_VERSIONS} from "../../lib/schema.js";
import {identifierKindLabel} from "../privacy/identifierPatterns.js";
import {fileProblem} from "./discover.js";
import type {Problem} from "./report.js";
import {decodeText, hasUnprintable} from "./textEncoding.js";

const FILE = "manifest.json";
/** The shape an export_id must have: it is printed after a load and shown on every page. */
export const EXPORT_ID_SHAPE = /^[A-Za-z0-9._-]{1,64}$/;

/** Every text in a JSON value (object keys included), with the top-level field it sits under. */
function* texts(value: unknown, field: string): Generator<{field: string; text: string}> {
  if (typeof value === "string") yield {field, text: value};
  else if (typeof value === "number" || typeof value === "bigint") yield {field, text: String(value)};
  else if (Array.isArray(value)) for (const item of value) yield* texts(item, field);
  else if (typeof value === "object" && value !== null)
    for (const [key, item] of Object.entries(value)) {
      yield {field, text: key};
      yield* texts(item, field);
    }
}

/** A field is named in messages only when it is one of the format's: any other key is input. */
const fieldLabel = (field: string) =>
  (MANIFEST_FIELDS as readonly string[]).includes(field) ? `field ${field}` : "a field outside format v1";

export async function readExportManifest(path: string, problems: Problem[]): Promise<Record<string, unknown> | null> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(decodeText(await readFile(path)).text);
  } catch {
    problems.push(fileProblem(FILE, "invalid manifest.json: not JSON", "fix it or leave it out"));
    return null;
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    problems.push(fileProblem(FILE, "invalid manifest.json: not a JSON object"));
    return null;
  }
  // The verifiers' libraries take a while to load, as in the cell scan; a manifest is always scanned.
  const {findIdentifierKinds} = await import("../privacy/identifiers.js");
  const refused = new Set<string>();
  for (const [key, value] of Object.entries(manifest)) {
    for (const {field, text} of [{field: key, text: key}, ...texts(value, key)]) {
      for (const kind of findIdentifierKinds(text)) {
        const label = `${fieldLabel(field)}: ${identifierKindLabel[kind]}`;
        if (refused.has(label)) continue;
        refused.add(label);
        problems.push({
          ...fileProblem(FILE, `${fieldLabel(field)}: identifier: ${identifierKindLabel[kind]}; the export is refused`),
          kind: "identifier",
          hint: "remove identifiers from the manifest: it names the export, not the people in it"
        });
      }
    }
  }
  if (refused.size > 0) return null;
  const fields = Object.fromEntries(
    Object.entries(manifest).filter(([key]) => (MANIFEST_FIELDS as readonly string[]).includes(key))
  );
  for (const [key, value] of Object.entries(fields)) {
    if ([...texts(value, key)].some(({text}) => hasUnprintable(text)))
      problems.push(
        fileProblem(FILE, `invalid ${key}: holds control characters`, "write it as plain text on one line or several")
      );
  }
  if (
    fields.export_id !== undefined &&
    !(typeof fields.export_id === "string" && EXPORT_ID_SHAPE.test(fields.export_id))
  )
    problems.push(
      fileProblem(
        FILE,
        "invalid export_id: not a safe name",
        "use letters, digits, -, _ and . only, at most 64 characters (e.g. hus-2021-04-01)"
      )
    );
  if (fields.synthetic !== undefined && typeof fields.synthetic !== "boolean")
    problems.push(
      fileProblem(
        FILE,
        "invalid synthetic: not true or false",
        'write "synthetic": true for made-up data, or leave it out'
      )
    );
  const version = fields.schema_version;
  if (version !== undefined && !READABLE_SCHEMA_VERSIONS.includes(String(version))) {
    problems.push(
      fileProblem(FILE, "unknown schema_version", `this Vuoto reads format v${READABLE_SCHEMA_VERSIONS.join(" and v")}`)
    );
  }
  return fields;
}
