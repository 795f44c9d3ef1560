import type { PolicyChange } from "@/lib/console/policy/diff-policy";

const show = (v: unknown) => (v === undefined ? "" : JSON.stringify(v));

/** What saving would change against the version in force, one line per path. */
export function PolicyDiff({ changes, against }: { changes: PolicyChange[]; against: string }) {
  return (
    <section data-testid="policy-diff" className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="mb-2 text-sm font-semibold text-slate-800">
        What would change against {against} <span className="ml-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{changes.length}</span>
      </h3>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing: this is the policy in force.</p>
      ) : (
        <ul className="space-y-1 font-mono text-xs">
          {changes.map((c) => (
            <li key={c.path} className="break-all">
              <span className="text-slate-700">{c.path}</span>{" "}
              {c.kind !== "added" && <span className="rounded bg-red-50 px-1 text-red-700 line-through">{show(c.before)}</span>}{" "}
              {c.kind !== "removed" && <span className="rounded bg-emerald-50 px-1 text-emerald-800">{show(c.after)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
