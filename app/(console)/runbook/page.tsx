import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EXCEPTION_KIND_NAMES, EXCEPTION_KINDS, exceptionAnchor } from "@/lib/console/exceptions/kinds";
import { readRunbookHtml } from "@/lib/console/read-runbook";
import { RUNBOOK } from "@/lib/console/runbook";

export const metadata = pageMetadata("runbook");

const entry = "scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 target:border-brand-500 target:shadow-sm";
const heading = "mb-3 mt-10 text-lg font-semibold text-slate-900";

/**
 * The operating reference: docs/runbook.md (origins, data flow, owners, checks, keys, restore, one entry per alert
 * kind), then the answers to common questions and one entry per exception kind, each entry under the anchor its
 * alert or exception links to.
 */
export default async function RunbookPage() {
  const html = await readRunbookHtml();
  return (
    <ConsolePage slug="runbook">
      <article className="runbook-md" dangerouslySetInnerHTML={{ __html: html }} />
      <h2 className={heading}>Common questions</h2>
      <div className="space-y-3">
        {RUNBOOK.map((e) => (
          <details key={e.q} className="rounded-lg border border-slate-200 bg-white p-4 open:shadow-sm">
            <summary className="cursor-pointer font-medium">{e.q}</summary>
            <p className="mt-2 text-sm leading-6 text-slate-600">{e.a}</p>
          </details>
        ))}
      </div>
      <h2 className={heading}>Exceptions</h2>
      <p className="mb-3 text-sm text-slate-600">Records that could not be synced. Ops owns them: assign, fix at the source, resolve.</p>
      <div className="space-y-3">
        {EXCEPTION_KIND_NAMES.map((kind) => (
          <section key={kind} id={exceptionAnchor(kind)} className={entry}>
            <h3 className="font-medium">{EXCEPTION_KINDS[kind].title}</h3>
            <p className="mt-1 text-xs text-slate-500">kind <code>{kind}</code> · owner: ops</p>
            <p className="mt-2 text-sm leading-6 text-slate-600">{EXCEPTION_KINDS[kind].fix}</p>
          </section>
        ))}
      </div>
    </ConsolePage>
  );
}
