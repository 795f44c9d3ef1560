import { formatUtc } from "@/components/format";
import type { PolicyVersionChanges } from "@/lib/console/policy/list-version-changes";

/** Saved versions, newest first, each with the diff against the one before it. */
export function VersionList({ versions }: { versions: PolicyVersionChanges[] }) {
  if (versions.length === 0) return <p className="text-sm text-slate-500">No version saved yet.</p>;
  return (
    <ol className="space-y-2 text-sm">
      {versions.map((v) => (
        <li key={v.version} className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <span className="font-medium">v{v.version}</span> <span className="text-xs text-slate-500">{formatUtc(v.createdAt)}</span>
          {v.comment && <p className="text-slate-600">{v.comment}</p>}
          <details className="text-xs">
            <summary className="cursor-pointer text-slate-500">{v.changes.length} change{v.changes.length === 1 ? "" : "s"}</summary>
            <ul className="mt-1 space-y-0.5 font-mono">
              {v.changes.map((c) => <li key={c.path} className="break-all">{c.kind === "added" ? "+" : c.kind === "removed" ? "−" : "~"} {c.path}{c.kind === "changed" && <> → {JSON.stringify(c.after)}</>}</li>)}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
