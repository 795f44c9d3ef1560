"use client";

import { Fieldset } from "./form-fields";
import { parseList, type SetPath } from "./policy-draft";

interface RuleDraft {
  name?: string;
  audienceId?: string;
  companyIds?: unknown[];
  customerType?: string;
  tags?: unknown[];
}

const cell = "rounded-md border border-slate-300 px-2 py-1 text-sm w-full";
const TYPES = [["", "any"], ["b2b", "B2B"], ["b2c", "B2C"]] as const;

/** Audiences and the ordered rules that route to them: first match wins, no match is a no_route exception. */
export function RoutingRulesForm({ rules, set, errorAt }: { rules: RuleDraft[]; set: SetPath; errorAt: (path: string) => string | undefined }) {
  const setRules = (next: RuleDraft[]) => set(["routing", "rules"], next);
  const move = (i: number, by: -1 | 1) => {
    const next = [...rules];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setRules(next);
  };
  return (
    <Fieldset legend="Audiences and routing rules">
      <p className="text-xs text-slate-500">Tried in order, the first match wins. A contact no rule matches becomes a no_route exception, never a guess. Companies are Odoo res.company ids.</p>
      <table className="w-full table-fixed text-left text-sm" aria-label="Routing rules">
        <colgroup><col className="w-6" /><col /><col className="w-28" /><col className="w-24" /><col className="w-20" /><col className="w-20" /><col className="w-14" /></colgroup>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="py-1">#</th><th>Name</th><th>Audience id</th><th>Companies</th><th>Type</th><th>Tags (any)</th><th /></tr>
        </thead>
        <tbody>
          {rules.map((r, i) => {
            const err = ["name", "audienceId", "companyIds", "customerType", "tags"].map((k) => errorAt(`routing.rules.${i}.${k}`)).find(Boolean);
            return (
              <tr key={i} className="align-top">
                <td className="py-1 pr-2 tabular-nums text-slate-500">{i + 1}</td>
                <td className="pr-1"><input aria-label={`Rule ${i + 1} name`} className={cell} value={r.name ?? ""} onChange={(e) => set(["routing", "rules", i, "name"], e.target.value)} /></td>
                <td className="pr-1"><input aria-label={`Rule ${i + 1} audience`} className={`${cell} font-mono`} value={r.audienceId ?? ""} onChange={(e) => set(["routing", "rules", i, "audienceId"], e.target.value)} /></td>
                <td className="pr-1"><input aria-label={`Rule ${i + 1} companies`} className={cell} value={(r.companyIds ?? []).join(", ")} placeholder="any" onChange={(e) => set(["routing", "rules", i, "companyIds"], parseList(e.target.value, true))} /></td>
                <td className="pr-1">
                  <select aria-label={`Rule ${i + 1} type`} className={`${cell} bg-white`} value={r.customerType ?? ""} onChange={(e) => set(["routing", "rules", i, "customerType"], e.target.value || undefined)}>
                    {TYPES.map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                  </select>
                </td>
                <td className="pr-1"><input aria-label={`Rule ${i + 1} tags`} className={cell} value={(r.tags ?? []).join(", ")} placeholder="any" onChange={(e) => set(["routing", "rules", i, "tags"], parseList(e.target.value, false))} /></td>
                <td className="whitespace-nowrap text-xs">
                  <button type="button" className="px-1 disabled:opacity-30" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move rule ${i + 1} up`}>↑</button>
                  <button type="button" className="px-1 disabled:opacity-30" disabled={i === rules.length - 1} onClick={() => move(i, 1)} aria-label={`Move rule ${i + 1} down`}>↓</button>
                  <button type="button" className="px-1 text-red-700" onClick={() => setRules(rules.filter((_, j) => j !== i))} aria-label={`Remove rule ${i + 1}`}>✕</button>
                  {err && <span className="block whitespace-normal text-red-700">{err}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="text-sm font-medium text-brand-700" onClick={() => setRules([...rules, { name: `Rule ${rules.length + 1}`, audienceId: "" }])}>
        + Add a rule
      </button>
    </Fieldset>
  );
}
