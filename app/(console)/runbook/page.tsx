import { ConsolePage, pageMetadata } from "@/components/console-page";
import { RUNBOOK } from "@/lib/console/runbook";

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
    </ConsolePage>
  );
}
