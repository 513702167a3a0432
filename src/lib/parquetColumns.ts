// Decodes a (small, published) Parquet file into typed columns, in the browser and in Node alike.
import {parquetMetadataAsync, parquetReadObjects, parquetSchema} from "hyparquet/src/index.js";

export type ColumnType = "string" | "int" | "double" | "boolean" | "date";

export interface Column {
  name: string;
  type: ColumnType;
  values: unknown[];
}

export async function readParquetColumns(bytes: ArrayBuffer): Promise<Column[]> {
  const metadata = await parquetMetadataAsync(bytes);
  const schema = parquetSchema(metadata);
  const rows = await parquetReadObjects({file: bytes, metadata});
  return schema.children.map(({element}) => {
    const name = element.name;
    const type = columnType(element);
    const values = rows.map((row) => normalise(row[name], type));
    return {name, type, values};
  });
}

function columnType(element: {type?: string; converted_type?: string; logical_type?: {type: string}}): ColumnType {
  if (element.logical_type?.type === "DATE" || element.converted_type === "DATE") return "date";
  switch (element.type) {
    case "BOOLEAN":
      return "boolean";
    case "INT32":
    case "INT64":
      return "int";
    case "FLOAT":
    case "DOUBLE":
      return "double";
    default:
      return "string";
  }
}

function normalise(value: unknown, type: ColumnType): unknown {
  if (value == null) return null;
  if (typeof value === "bigint") return Number(value);
  if (type === "date" && !(value instanceof Date)) return new Date(value as string);
  return value;
}
