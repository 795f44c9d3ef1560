import type { Finding } from "@/lib/audit/types";
import { SeverityBadge } from "./severity-badge";

/** One finding: what was checked, how many, a few of the records behind it and the fix. Kept whole on paper. */
export function FindingCard({ finding }: { finding: Finding }) {
  const f = finding;
  const found = f.severity !== "ok";
  return (
    <article data-testid="audit-finding" data-kind={f.kind} className="break-inside-avoid rounded-lg border border-slate-200 bg-white px-5 py-4 print:border-slate-300">
      <header className="flex items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-2">
            <SeverityBadge severity={f.severity} />
            <h3 className="text-sm font-semibold text-slate-900">{f.title}</h3>
          </div>
          <p className="mt-1 text-xs text-slate-500">{f.checks}</p>
        </div>
        <p className="shrink-0 text-right">
          <span className="block text-2xl font-semibold tabular-nums text-slate-900" data-testid="audit-count">{f.count.toLocaleString("en-US")}</span>
          <span className="text-xs text-slate-500">{f.unit}</span>
        </p>
      </header>
      {f.examples.length > 0 ? (
        <table className="mt-3 w-full text-left text-xs">
          <tbody className="divide-y divide-slate-100">
            {f.examples.map((e, i) => (
              <tr key={i}>
                <td className="py-1 pr-3 font-mono text-slate-600">{e.label}</td>
                <td className="py-1 pr-3 text-slate-800">{[e.name, e.email].filter(Boolean).join(" · ")}</td>
                <td className="py-1 text-slate-500">{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {found && f.count > f.examples.length && f.examples.length > 0 ? <p className="mt-1 text-xs text-slate-400">First {f.examples.length} of {f.count.toLocaleString("en-US")}.</p> : null}
      {found ? (
        <p className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700 print:bg-white print:px-0">
          <span className="font-semibold">Fix: </span>
          {f.fix}
        </p>
      ) : null}
    </article>
  );
}
