"use client";

import { useMemo, useState } from "react";
import { diffPolicies } from "@/lib/console/policy/diff-policy";
import { policySchema } from "@/lib/sync/policy/schema";
import { PolicyDiff } from "./policy-diff";
import { PolicyForm } from "./policy-form";
import { writePath, type Draft } from "./policy-draft";
import { RoutingSimulator } from "./routing-simulator";
import { SavePolicyBar } from "./save-policy-bar";

function parseDraft(text: string): { draft: Draft } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? { draft: value as Draft } : { error: "The policy must be a JSON object." };
  } catch (err) {
    return { error: `Not valid JSON: ${(err as Error).message}` };
  }
}

/**
 * Settings → Policy: the policy as a form (common settings) or as JSON (everything), both editing one JSON
 * text; validated with the engine's own schema as you type, a diff against the version in force, the save
 * flow, and the routing simulator under the saved and the edited policy.
 */
export function PolicyWorkbench({ savedJson, savedLabel }: { savedJson: string; savedLabel: string }) {
  const [text, setText] = useState(savedJson);
  const [tab, setTab] = useState<"form" | "json">("form");
  const saved = useMemo(() => policySchema.parse(JSON.parse(savedJson)), [savedJson]);
  const parsed = useMemo(() => parseDraft(text), [text]);
  const checked = useMemo(() => ("draft" in parsed ? policySchema.safeParse(parsed.draft) : null), [parsed]);
  const issues = checked && !checked.success ? checked.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(policy)", message: i.message })) : [];
  const errorAt = (path: string) => issues.find((i) => i.path === path)?.message;
  const changes = checked?.success ? diffPolicies(saved, checked.data) : [];
  const tabClass = (on: boolean) => `rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium ${on ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500"}`;

  return (
    <div className="space-y-4">
      <div role="tablist" className="flex gap-1 border-b border-slate-200">
        <button role="tab" aria-selected={tab === "form"} className={tabClass(tab === "form")} onClick={() => setTab("form")}>Form</button>
        <button role="tab" aria-selected={tab === "json"} className={tabClass(tab === "json")} onClick={() => setTab("json")}>JSON (advanced)</button>
      </div>
      {tab === "json" ? (
        <textarea aria-label="Policy JSON" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} className="h-[28rem] w-full rounded-md border border-slate-300 bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100" />
      ) : "draft" in parsed ? (
        <PolicyForm view={checked?.success ? (checked.data as unknown as Draft) : parsed.draft} set={(path, value) => setText(JSON.stringify(writePath(parsed.draft, path, value), null, 2))} errorAt={errorAt} />
      ) : (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{parsed.error}. Fix it in the JSON tab to use the form.</p>
      )}
      {"error" in parsed && tab === "json" && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{parsed.error}</p>}
      {issues.length > 0 && (
        <ul data-testid="policy-issues" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {issues.map((i) => <li key={`${i.path} ${i.message}`}><span className="font-mono">{i.path}</span>: {i.message}</li>)}
        </ul>
      )}
      {checked?.success && <PolicyDiff changes={changes} against={savedLabel} />}
      <SavePolicyBar policyJson={text} changes={changes.length} valid={!!checked?.success} />
      <RoutingSimulator policyJson={checked?.success && changes.length > 0 ? text : undefined} />
    </div>
  );
}
