import type { PolicySimulation } from "@/lib/console/simulate/simulate-routing";
import { MemberDetails } from "./member-details";

const VERDICT = {
  reaches_mailchimp: ["Reaches Mailchimp", "bg-emerald-50 text-emerald-700"],
  excluded: ["Excluded", "bg-slate-100 text-slate-700"],
  exception: ["Exception", "bg-amber-50 text-amber-800"],
} as const;

const mark = (ok: boolean | null) => (ok === true ? "✓" : ok === false ? "✗" : "·");

/** One partner explained under one policy: verdict, the rule that decided, the steps, the rules tried, the member. */
export function SimulationCard({ title, sim }: { title: string; sim: PolicySimulation }) {
  const e = sim.explanation;
  const [label, tone] = VERDICT[e.verdict];
  const f = e.facts;
  return (
    <article data-testid="simulation" className="rounded-lg border border-slate-200 p-4 text-sm">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
      <p className="mb-2">
        <span className={`mr-2 rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>{label}</span>
        <span className="font-medium">{e.name ?? `partner ${e.partnerId}`}</span> <span className="text-xs text-slate-500">#{e.partnerId}</span>
      </p>
      <p data-testid="simulation-headline" className="mb-2">{e.headline}</p>
      <p className="mb-3 text-xs text-slate-600">
        Decided by <span className="font-mono">{e.decidedBy.code}</span>{e.decidedBy.rule && <> · <span className="font-mono">{e.decidedBy.rule}</span></>}
      </p>
      <dl className="mb-3 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">Commercial partner</dt><dd>{f.commercial.name} (#{f.commercial.id}, {f.commercial.isCompany ? "a company" : "an individual"})</dd>
        <dt className="text-slate-500">Customer type</dt><dd>{f.customerType.toUpperCase()}</dd>
        <dt className="text-slate-500">Company for routing</dt><dd>{f.company.name ?? "unknown"}{f.company.source === "last_purchase" ? " (of the latest purchase)" : f.company.source === "partner" ? " (the partner's own)" : ""}</dd>
        <dt className="text-slate-500">Buying</dt><dd>{f.buys ? `${f.orders} confirmed order${f.orders === 1 ? "" : "s"}${f.orders === 0 ? " (a posted invoice)" : ""}` : "none"}</dd>
        <dt className="text-slate-500">Odoo tags</dt><dd>{f.tags.join(", ") || "none"}</dd>
      </dl>
      <ol className="mb-3 space-y-1">
        {e.steps.map((s) => (
          <li key={s.step} className={s.ok === false ? "text-red-700" : ""}><span className="mr-1 font-mono">{mark(s.ok)}</span><span className="text-xs uppercase text-slate-500">{s.step.replace("_", " ")}</span> {s.text}</li>
        ))}
      </ol>
      {e.rules.length > 0 && (
        <p className="mb-3 text-xs text-slate-600">
          Rules tried: {e.rules.map((r) => `${r.index + 1}. ${r.name} ${r.matched === true ? "✓" : r.matched === false ? "✗" : "(not reached)"}`).join(" · ")}
        </p>
      )}
      {e.member && <MemberDetails member={e.member} ruleName={e.rules.find((r) => r.matched)?.name} />}
      {sim.family.length > 0 && (
        <details className="mt-3 text-xs">
          <summary className="cursor-pointer text-slate-600">The rest of {f.commercial.name} ({sim.family.length})</summary>
          <ul className="mt-1 space-y-1">
            {sim.family.map((m) => <li key={m.partnerId}><span className="font-medium">{m.name ?? `#${m.partnerId}`}</span> #{m.partnerId}: {m.headline}</li>)}
          </ul>
        </details>
      )}
    </article>
  );
}
