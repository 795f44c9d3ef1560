import { ConsolePage, pageMetadata } from "@/components/console-page";
import { readRunbookHtml } from "@/lib/console/read-runbook";
import { RUNBOOK } from "@/lib/console/runbook";

export const metadata = pageMetadata("runbook");

const heading = "mb-3 mt-10 text-lg font-semibold text-slate-900";

/**
 * The operating reference: docs/runbook.md (origins, data flow, owners, checks, keys, restore, one entry per alert
 * and exception kind, each under the anchor its alerts or exceptions link to), then answers to common questions.
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
    </ConsolePage>
  );
}
