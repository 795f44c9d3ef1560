"use client";

import { useState, useTransition } from "react";
import { searchPartnersAction, simulateRoutingAction } from "@/app/(console)/settings/policy/actions";
import type { RoutingSimulation } from "@/lib/console/simulate/simulate-routing";
import type { PartnerHit } from "@/lib/sync/simulate/search-partners";
import { SimulationCard } from "./simulation-card";

/**
 * Pick an Odoo partner (name, email or id) and see what the engine would do with it, under the saved policy
 * and, once edited, under the policy being edited. Reads Odoo for that partner and its family only.
 */
export function RoutingSimulator({ policyJson }: { policyJson?: string }) {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<PartnerHit[]>();
  const [result, setResult] = useState<RoutingSimulation>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const search = () => startTransition(async () => {
    const r = await searchPartnersAction({ query });
    setError(r.ok ? undefined : r.error);
    setHits(r.ok ? r.data : undefined);
  });
  const simulate = (partnerId: number) => startTransition(async () => {
    const r = await simulateRoutingAction({ partnerId, policyJson });
    setError(r.ok ? undefined : r.error);
    setResult(r.ok ? r.data : undefined);
  });

  return (
    <section data-testid="routing-simulator" className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-slate-800">Routing simulator</h3>
      <p className="mb-3 text-xs text-slate-500">
        Would an Odoo partner reach Mailchimp, in which audience, with which tags and merge fields, and if not, why? Decided by the engine&apos;s own rules on Odoo&apos;s data as it is now
        {policyJson ? ", under the saved policy and the one you are editing." : "."}
      </p>
      <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); search(); }}>
        <input aria-label="Partner name, email or id" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, email or partner id" className="flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        <button type="submit" disabled={pending || !query.trim()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-50">Find in Odoo</button>
      </form>
      {error && <p role="status" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      {hits && (
        <ul aria-label="Partners found" className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
          {hits.length === 0 && <li className="px-3 py-2 text-slate-500">No partner in Odoo matches.</li>}
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" onClick={() => simulate(h.id)} disabled={pending} className={`w-full px-3 py-1.5 text-left hover:bg-slate-50 ${result?.partnerId === h.id ? "bg-brand-50" : ""}`}>
                <span className="font-medium">{h.name}</span> <span className="text-xs text-slate-500">#{h.id}{h.email ? ` · ${h.email}` : ""}{h.commercialName ? ` · of ${h.commercialName}` : h.isCompany ? " · company" : ""}{h.active ? "" : " · archived"}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending && <p className="mt-2 text-xs text-slate-500">Asking Odoo…</p>}
      {result && (
        <div className={`mt-4 grid gap-4 ${result.edited ? "xl:grid-cols-2" : ""}`}>
          <SimulationCard title={result.saved.version ? `Saved policy (version ${result.saved.version})` : "Saved policy (none yet: defaults)"} sim={result.saved} />
          {result.edited && <SimulationCard title="Edited policy (not saved)" sim={result.edited} />}
          {result.editedError && <p className="text-sm text-red-700">The edited policy cannot be simulated: {result.editedError}</p>}
        </div>
      )}
    </section>
  );
}
