import { AudienceLabel } from "@/components/audience-label";
import { formatCount } from "@/components/format";
import type { SampleHeadings } from "@/lib/console/run-wording";

/**
 * The planner's own account of a run (sync_runs.summary.plan.planner): why contacts were left out, which
 * exceptions were raised, and the first examples of each category. For a dry run this is the whole preview.
 */
interface PlannerSummary {
  excludedByReason?: Record<string, number>;
  exceptionsByKind?: Record<string, number>;
  samples?: Record<string, Record<string, unknown>[]>;
  sampleDetails?: Record<string, Record<string, unknown>[]>;
}

/** The planner's summary, its samples with emails and names only for a role that may see them (and while kept). */
export function plannerSummaryOf(summary: unknown, showDetails: boolean): PlannerSummary | null {
  const planner = (summary as { plan?: { planner?: PlannerSummary } } | null)?.plan?.planner;
  if (!planner || typeof planner !== "object") return null;
  return { ...planner, samples: (showDetails ? planner.sampleDetails : undefined) ?? planner.samples, sampleDetails: undefined };
}

const SAMPLE_LIMIT = 15;

/** One example as the planner recorded it: who (name, email, partner ids), why, and where it goes. */
function SampleItem({ sample, names }: { sample: Record<string, unknown>; names: Map<string, string> }) {
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  const ids = Array.isArray(sample.partnerIds) ? (sample.partnerIds as unknown[]) : typeof sample.partnerId === "number" ? [sample.partnerId] : [];
  const audienceId = text(sample.audienceId);
  const why = text(sample.reason) ?? text(sample.kind);
  return (
    <li className="flex flex-wrap gap-x-4 px-4 py-1.5">
      {text(sample.email) && <span className="font-mono text-xs text-slate-800">{text(sample.email)}</span>}
      {text(sample.name) && <span className="text-slate-800">{text(sample.name)}</span>}
      {ids.length > 0 && <span className="text-slate-500">{ids.length === 1 ? "partner" : "partners"} {ids.join(", ")}</span>}
      {why && <span className="text-slate-600">{why.replaceAll("_", " ")}</span>}
      {text(sample.kind) && text(sample.reason) && <span className="text-slate-600">{String(sample.kind).replaceAll("_", " ")}</span>}
      {audienceId && <AudienceLabel id={audienceId} names={names} />}
    </li>
  );
}

export function PlanPreview({ planner, headings, names }: { planner: PlannerSummary; headings: SampleHeadings; names: Map<string, string> }) {
  const categories: [string, string][] = [
    ["new", headings.new],
    ["update", headings.update],
    ["departure", headings.departure],
    ["excluded", "Left out, with the reason"],
    ["exception", "Exceptions"],
  ];
  return (
    <section className="mt-8 space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <Counts title="Left out, by reason" counts={planner.excludedByReason ?? {}} />
        <Counts title="Exceptions, by kind" counts={planner.exceptionsByKind ?? {}} />
      </div>
      {categories.map(([key, title]) => {
        const rows = planner.samples?.[key] ?? [];
        if (rows.length === 0) return null;
        return (
          <div key={key} data-testid={`plan-sample-${key}`}>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">
              {title} <span className="font-normal text-slate-500">(first {Math.min(rows.length, SAMPLE_LIMIT)})</span>
            </h3>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
              {rows.slice(0, SAMPLE_LIMIT).map((r, i) => (
                <SampleItem key={i} sample={r} names={names} />
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
