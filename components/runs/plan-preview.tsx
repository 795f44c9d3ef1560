import { formatCount } from "@/components/format";

/**
 * The planner's own account of a run (sync_runs.summary.plan.planner): why contacts were left out, which
 * exceptions were raised, and the first examples of each category. For a dry run this is the whole preview.
 */
interface PlannerSummary {
  excludedByReason?: Record<string, number>;
  exceptionsByKind?: Record<string, number>;
  samples?: Record<string, Record<string, unknown>[]>;
}

export function plannerSummaryOf(summary: unknown): PlannerSummary | null {
  const planner = (summary as { plan?: { planner?: PlannerSummary } } | null)?.plan?.planner;
  return planner && typeof planner === "object" ? planner : null;
}

const SAMPLE_LIMIT = 15;
const CATEGORIES: [string, string][] = [
  ["new", "Would be added"],
  ["update", "Would be updated"],
  ["departure", "Leaving scope (managed tags removed)"],
  ["excluded", "Left out, with the reason"],
  ["exception", "Exceptions"],
];

export function PlanPreview({ planner }: { planner: PlannerSummary }) {
  return (
    <section className="mt-8 space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <Counts title="Left out, by reason" counts={planner.excludedByReason ?? {}} />
        <Counts title="Exceptions, by kind" counts={planner.exceptionsByKind ?? {}} />
      </div>
      {CATEGORIES.map(([key, title]) => {
        const rows = planner.samples?.[key] ?? [];
        if (rows.length === 0) return null;
        return (
          <div key={key}>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">
              {title} <span className="font-normal text-slate-500">(first {Math.min(rows.length, SAMPLE_LIMIT)})</span>
            </h3>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
              {rows.slice(0, SAMPLE_LIMIT).map((r, i) => (
                <li key={i} className="flex flex-wrap gap-x-4 px-4 py-1.5">
                  {["email", "name", "reason", "kind", "audienceId", "partnerIds", "partnerId"].map((field) =>
                    r[field] === undefined || r[field] === null || (field === "partnerId" && r.partnerIds) ? null : (
                      <span key={field} className={field === "email" ? "font-mono text-xs text-slate-800" : "text-slate-600"}>
                        {Array.isArray(r[field])
                          ? `partners ${(r[field] as unknown[]).join(", ")}`
                          : field === "partnerId"
                            ? `partner ${String(r[field])}`
                            : String(r[field]).replaceAll("_", " ")}
                      </span>
                    ),
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function Counts({ title, counts }: { title: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="mb-2 text-sm font-semibold text-slate-700">{title}</h3>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          {entries.map(([k, n]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k.replaceAll("_", " ")}</dt>
              <dd className="text-right tabular-nums">{formatCount(n)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
