import { CsvLink } from "@/components/csv-link";

/** A titled block of the Consent page with its count; says plainly when there is nothing to show. */
export function Section({ title, count, empty, csv, children }: { title: string; count: number; empty: string; csv?: string; children: React.ReactNode }) {
  return (
    <section className="mb-8">
      <h2 className="mb-2 flex items-baseline gap-2 text-sm font-semibold text-slate-800">
        {title} <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{count}</span>
        {csv && count > 0 && <span className="ml-auto font-normal"><CsvLink table={csv} /></span>}
      </h2>
      {count === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-500">{empty}</p> : children}
    </section>
  );
}

export function age(from: Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
