import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";

/**
 * Describes a schema as a flat set of facts ("column users.email text NOT NULL", "index users(email)
 * unique", ...) twice: once from schema.prisma (through Prisma's own schema parser, compiled to wasm) and
 * once from a migrated database's catalogue. Equal sets mean the hand-written SQL matches the schema.
 */
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: { name?: string } | unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[]; dbName?: string | null }[];
  };
}

export function factsFromSchema(schemaPath: string): string[] {
  const wasm = createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: readFileSync(schemaPath, "utf8") }))) as Dmmf;
  const facts: string[] = [];
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const table = (m: DmmfModel) => m.dbName ?? m.name;
  const column = (m: DmmfModel, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    return f?.dbName ?? f?.name ?? fieldName;
  };
  for (const e of dmmf.datamodel.enums) {
    facts.push(`enum ${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(", ")})`);
  }
  for (const m of dmmf.datamodel.models) {
    facts.push(`table ${table(m)}`);
    for (const f of m.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          const target = models.get(f.type)!;
          const onDelete = (f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")).replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
          facts.push(
            `fk ${table(m)}(${f.relationFromFields.map((x) => column(m, x)).join(",")}) -> ${table(target)}(${(f.relationToFields ?? []).map((x) => column(target, x)).join(",")}) on delete ${onDelete}`,
          );
        }
        continue;
      }
      const type = f.kind === "enum" ? `enum ${f.type}` : pgTypeOf(f);
      const dbDefault = f.hasDefaultValue && !CLIENT_SIDE_DEFAULTS.has(defaultName(f));
            // Prisma's own migrations leave scalar-list columns nullable, whatever the schema says.
      const nullable = f.isList || !f.isRequired;
      facts.push(`column ${table(m)}.${f.dbName ?? f.name} ${type}${f.isList ? "[]" : ""} ${nullable ? "NULL" : "NOT NULL"} ${dbDefault ? "DEFAULT" : "NO DEFAULT"}`);
    }
  }
  for (const idx of dmmf.datamodel.indexes) {
    const m = models.get(idx.model)!;
    const kind = idx.type === "id" ? "primary" : idx.type === "unique" ? "unique" : "index";
    facts.push(`${kind} ${table(m)}(${idx.fields.map((f) => column(m, f.name)).join(",")})`);
  }
  return facts.sort();
}

/** Defaults Prisma's client fills in itself: the column has none in the database. */
const CLIENT_SIDE_DEFAULTS = new Set<string | undefined>(["uuid", "cuid", "nanoid", "ulid"]);

function defaultName(f: DmmfField): string | undefined {
  const d = f.default;
  return typeof d === "object" && d !== null && "name" in d && typeof d.name === "string" ? d.name : undefined;
}

function pgTypeOf(f: DmmfField): string {
  const [native, args] = f.nativeType ?? [undefined, []];
  switch (f.type) {
    case "String":
      return native === "Uuid" ? "uuid" : native === "VarChar" ? `varchar(${args[0]})` : "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "Float":
      return "double precision";
    case "Decimal":
      return native === "Decimal" ? `numeric(${args.join(",")})` : "numeric(65,30)";
    case "DateTime":
      return `${native === "Timestamptz" ? "timestamptz" : native === "Date" ? "date" : "timestamp"}${native === "Date" ? "" : `(${args[0] ?? 3})`}`;
    case "Json":
      return native === "Json" ? "json" : "jsonb";
    case "Bytes":
      return "bytea";
    default:
      throw new Error(`No mapping for Prisma type ${f.type}`);
  }
}

export async function factsFromDatabase(url: string, ignoreTables: string[] = ["_prisma_migrations"]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
    const ignored = (t: string) => ignoreTables.includes(t);
    const facts: string[] = [];
    for (const e of await q<{ name: string; values: string }>(ENUMS_SQL)) facts.push(`enum ${e.name} (${e.values})`);
    for (const t of await q<{ table_name: string }>(TABLES_SQL)) if (!ignored(t.table_name)) facts.push(`table ${t.table_name}`);
    for (const c of await q<ColumnRow>(COLUMNS_SQL)) {
      if (ignored(c.table_name)) continue;
      facts.push(`column ${c.table_name}.${c.column_name} ${columnType(c)} ${c.is_nullable === "YES" ? "NULL" : "NOT NULL"} ${c.column_default === null ? "NO DEFAULT" : "DEFAULT"}`);
    }
    for (const i of await q<{ table_name: string; cols: string; kind: string }>(INDEXES_SQL)) {
      if (!ignored(i.table_name)) facts.push(`${i.kind} ${i.table_name}(${i.cols})`);
    }
    for (const f of await q<{ table_name: string; cols: string; ref_table: string; ref_cols: string; on_delete: string }>(FKS_SQL)) {
      if (!ignored(f.table_name)) facts.push(`fk ${f.table_name}(${f.cols}) -> ${f.ref_table}(${f.ref_cols}) on delete ${f.on_delete}`);
    }
    return facts.sort();
  } finally {
    await client.end();
  }
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

function columnType(c: ColumnRow): string {
  if (c.data_type === "USER-DEFINED") return `enum ${c.udt_name}`;
  if (c.data_type === "ARRAY") {
    const element: Record<string, string> = { _int4: "integer", _int8: "bigint", _text: "text", _bool: "boolean", _uuid: "uuid" };
    return `${element[c.udt_name] ?? c.udt_name}[]`;
  }
  const map: Record<string, string> = {
    text: "text",
    uuid: "uuid",
    integer: "integer",
    bigint: "bigint",
    boolean: "boolean",
    "double precision": "double precision",
    jsonb: "jsonb",
    json: "json",
    bytea: "bytea",
    date: "date",
  };
  if (c.data_type === "character varying") return `varchar(${c.character_maximum_length})`;
  if (c.data_type === "numeric") return `numeric(${c.numeric_precision},${c.numeric_scale})`;
  if (c.data_type === "timestamp with time zone") return `timestamptz(${c.datetime_precision})`;
  if (c.data_type === "timestamp without time zone") return `timestamp(${c.datetime_precision})`;
  return map[c.data_type] ?? c.data_type;
}

const ENUMS_SQL = `
SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS values
FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = 'public' GROUP BY t.typname`;

const TABLES_SQL = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;

const COLUMNS_SQL = `
SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length,
       numeric_precision, numeric_scale, datetime_precision
FROM information_schema.columns WHERE table_schema = 'public'`;

const INDEXES_SQL = `
SELECT c.relname AS table_name,
       string_agg(a.attname, ',' ORDER BY k.ord) AS cols,
       CASE WHEN i.indisprimary THEN 'primary' WHEN i.indisunique THEN 'unique' ELSE 'index' END AS kind
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
WHERE n.nspname = 'public'
GROUP BY c.relname, i.indexrelid, i.indisprimary, i.indisunique`;

const FKS_SQL = `
SELECT c.conrelid::regclass::text AS table_name,
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
       c.confrelid::regclass::text AS ref_table,
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_cols,
       CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                          WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS on_delete
FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
WHERE c.contype = 'f' AND n.nspname = 'public'`;
