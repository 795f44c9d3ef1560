import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import YAML from "yaml";

const SPEC_PATH = resolve("spec", "mailchimp-openapi-3.0.55.yaml");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Json }> };
}

/** OpenAPI 3.0 `nullable: true` is not JSON Schema; turn it into a type union ajv understands. */
function adaptNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(adaptNullable);
  if (node === null || typeof node !== "object") return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) out[k] = adaptNullable(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
  }
  return out;
}

/**
 * The published spec types every merge field value as an object, yet Mailchimp's own docs and every real call send
 * {"FNAME": "Ada"}: only ADDRESS values are objects. Relax exactly that, nothing else.
 */
function fixMergeFieldValues(node: Json): Json {
  if (Array.isArray(node)) return node.map(fixMergeFieldValues);
  if (node === null || typeof node !== "object") return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) out[k] = fixMergeFieldValues(v);
  const extra = out.additionalProperties;
  if (out.title === "Merge Fields" && extra && typeof extra === "object" && !Array.isArray(extra) && extra.type === "object") {
    out.additionalProperties = { ...extra, type: ["object", "string", "number"] };
  }
  return out;
}

/** Validates request bodies against the Mailchimp Marketing API spec, looking the operation up by method + path. */
export function loadMailchimpSpec() {
  const spec = YAML.parse(readFileSync(SPEC_PATH, "utf8")) as { paths: Record<string, Record<string, Operation>>; components: Json };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(fixMergeFieldValues(adaptNullable({ components: spec.components })) as object, "mc");
  const templates = Object.keys(spec.paths).map((t) => ({ template: t, parts: t.split("/").filter(Boolean) }));
  const cache = new Map<string, ValidateFunction>();

  function templateFor(path: string): string | undefined {
    const parts = path.split("/").filter(Boolean);
    const matches = templates.filter(
      (t) => t.parts.length === parts.length && t.parts.every((p, i) => p.startsWith("{") || p === parts[i]),
    );
    // Prefer the most literal match: /lists/{id}/members over /lists/{id}/{anything}.
    matches.sort((a, b) => b.parts.filter((p) => !p.startsWith("{")).length - a.parts.filter((p) => !p.startsWith("{")).length);
    return matches[0]?.template;
  }

  function validator(method: string, template: string): ValidateFunction {
    const key = `${method} ${template}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const schema = spec.paths[template]?.[method.toLowerCase()]?.requestBody?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`No request body schema for ${key}`);
    const rewritten = JSON.parse(JSON.stringify(fixMergeFieldValues(adaptNullable(schema))).replaceAll('"#/components/', '"mc#/components/')) as object;
    const compiled = ajv.compile(rewritten);
    cache.set(key, compiled);
    return compiled;
  }

  return {
    templateFor,
    /** Errors as readable strings; empty when the body matches the spec. */
    check(method: string, apiPath: string, body: unknown): { template: string; errors: string[] } {
      const template = templateFor(apiPath);
      if (!template) throw new Error(`No spec path for ${apiPath}`);
      const validate = validator(method, template);
      const ok = validate(body);
      return { template, errors: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`) };
    },
  };
}
