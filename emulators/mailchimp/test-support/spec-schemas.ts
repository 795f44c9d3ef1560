import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

// Compiles response schemas from the published OpenAPI document (v3.0.55) for ajv.
// Adaptations for OpenAPI 3.0 -> JSON Schema: nullable -> type|null, example/x-* dropped, refs re-rooted.
// merge_fields values: the spec says each value is an object, while its own description and every real response
// carry strings/numbers/address objects; that additionalProperties is relaxed to any value.
// date-time also accepts "": Mailchimp returns empty strings for unset instants (timestamp_signup, completed_at).

const SPEC_PATH = join(process.cwd(), "spec", "mailchimp-openapi-3.0.55.yaml");
type Schema = Record<string, unknown>;

function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (node === null || typeof node !== "object") return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === "example" || key.startsWith("x-") || key === "nullable") continue;
    if (key === "additionalProperties" && isMergeValueSchema(value)) out.additionalProperties = {};
    else if (key === "$ref" && typeof value === "string") out.$ref = value.replace("#/components/schemas/", "spec#/definitions/");
    else out[key] = adapt(value);
  }
  const source = node as Schema;
  if (source.nullable === true && typeof source.type === "string") out.type = [source.type, "null"];
  return out;
}

function isMergeValueSchema(value: unknown): boolean {
  const description = (value as Schema | null)?.description;
  return typeof description === "string" && description.startsWith("This object's keys are merge tags");
}

// Parsing 1.6 MB of YAML costs seconds; every test file needs it, so the adapted schemas are cached by mtime.
function loadDefinitions(): Record<string, Schema> {
  const cache = join(tmpdir(), `mailchimp-spec-${statSync(SPEC_PATH).mtimeMs}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as Record<string, Schema>;
  const doc = parse(readFileSync(SPEC_PATH, "utf8")) as { components: { schemas: Record<string, Schema> } };
  const definitions = adapt(doc.components.schemas) as Record<string, Schema>;
  writeFileSync(`${cache}.${process.pid}`, JSON.stringify(definitions));
  renameSync(`${cache}.${process.pid}`, cache);
  return definitions;
}

export interface SpecValidator {
  schema(name: string): Schema;
  validate(schema: Schema | string, value: unknown): string[];
}

export function loadSpecValidator(): SpecValidator {
  const definitions = loadDefinitions();
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat("date-time", { validate: (s: string) => s === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) });
  ajv.addSchema({ $id: "spec", definitions });
  const cache = new Map<string, ValidateFunction>();
  return {
    schema: (name) => {
      const s = definitions[name];
      if (!s) throw new Error(`no schema ${name} in the spec`);
      return s;
    },
    validate(schema, value) {
      const key = typeof schema === "string" ? schema : JSON.stringify(schema);
      let fn = cache.get(key);
      if (!fn) {
        fn = ajv.compile(typeof schema === "string" ? { $ref: `spec#/definitions/${schema}` } : schema);
        cache.set(key, fn);
      }
      return fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
    },
  };
}
