import type { ConnectionStatus } from "@/lib/console/connections";

export function ConnectionCards({ connections }: { connections: ConnectionStatus[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {connections.map((c) => (
        <section key={c.name} className="rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex items-center justify-between">
            <h2 className="font-semibold">{c.name}</h2>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                c.configured ? "bg-emerald-50 text-emerald-700" : "bg-amber-50 text-amber-700"
              }`}
            >
              {c.configured ? "Configured" : "Not configured"}
            </span>
          </div>
          {c.target !== undefined && <p className="mt-2 break-all text-sm text-slate-600">{c.target}</p>}
          {c.missing.length > 0 && (
            <p className="mt-2 text-xs text-slate-500">Missing: {c.missing.join(", ")} (see README, Configuration).</p>
          )}
        </section>
      ))}
    </div>
  );
}
