const TONES: Record<string, string> = {
  succeeded: "bg-emerald-50 text-emerald-700",
  synced: "bg-emerald-50 text-emerald-700",
  resolved: "bg-emerald-50 text-emerald-700",
  running: "bg-brand-50 text-brand-700",
  planning: "bg-brand-50 text-brand-700",
  queued: "bg-slate-100 text-slate-600",
  pending: "bg-slate-100 text-slate-600",
  paused: "bg-amber-50 text-amber-700",
  open: "bg-amber-50 text-amber-700",
  cancelled: "bg-slate-100 text-slate-500",
  failed: "bg-red-50 text-red-700",
  exception: "bg-red-50 text-red-700",
};

export function StatusPill({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status] ?? "bg-slate-100 text-slate-600"}`}>
      {status}
    </span>
  );
}
