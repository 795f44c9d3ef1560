import type { Route } from "./route.js";

// Matches a path to a route template; tells 404 (no template) apart from 405 (template, wrong method).

interface Compiled {
  route: Route;
  parts: string[];
}

export type Match =
  | { kind: "route"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allow: string[]; template: string }
  | { kind: "none" };

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, parts: splitPath(route.template) }));
  }

  match(method: string, path: string): Match {
    const parts = splitPath(path);
    const allow = new Set<string>();
    let template = "";
    for (const entry of this.compiled) {
      const params = matchParts(entry.parts, parts);
      if (!params) continue;
      if (entry.route.method === method) return { kind: "route", route: entry.route, params };
      allow.add(entry.route.method);
      template = entry.route.template;
    }
    return allow.size > 0 ? { kind: "wrong-method", allow: [...allow], template } : { kind: "none" };
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter((p) => p.length > 0);
}

function matchParts(template: string[], actual: string[]): Record<string, string> | null {
  if (template.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    const a = actual[i] as string;
    if (t.startsWith("{")) params[t.slice(1, -1)] = decodeSegment(a);
    else if (t !== a) return null;
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    // A malformed %-escape cannot name any resource; keep the raw text so lookups simply miss (404).
    if (error instanceof URIError) return segment;
    throw error;
  }
}
