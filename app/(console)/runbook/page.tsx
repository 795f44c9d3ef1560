import { ConsolePage, pageMetadata } from "@/components/console-page";
import { ALERT_KIND_NAMES, ALERT_KINDS, runbookAnchor } from "@/lib/alerts/kinds";
import { ALERT_RUNBOOK, RUNBOOK } from "@/lib/console/runbook";

export const metadata = pageMetadata("runbook");

export default function RunbookPage() {
  return (
    <ConsolePage slug="runbook">
      <div className="space-y-3">
        {RUNBOOK.map((e) => (
          <details key={e.q} className="rounded-lg border border-slate-200 bg-white p-4 open:shadow-sm">
            <summary className="cursor-pointer font-medium">{e.q}</summary>
            <p className="mt-2 text-sm leading-6 text-slate-600">{e.a}</p>
          </details>
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-slate-900">Alerts</h2>
      <div className="space-y-3">
        {ALERT_KIND_NAMES.map((kind) => (
          <section key={kind} id={runbookAnchor(kind)} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 target:border-brand-500 target:shadow-sm">
            <h3 className="font-medium">{ALERT_KINDS[kind].title}</h3>
            <p className="mt-1 text-xs text-slate-500">owner by default: {ALERT_KINDS[kind].team} · {ALERT_KINDS[kind].severity}</p>
            <p className="mt-2 text-sm leading-6 text-slate-600">{ALERT_RUNBOOK[kind].means}</p>
            <ol className="mt-2 list-decimal pl-5 text-sm leading-6 text-slate-600">
              {ALERT_RUNBOOK[kind].steps.map((s) => <li key={s}>{s}</li>)}
            </ol>
          </section>
        ))}
      </div>
    </ConsolePage>
  );
}
