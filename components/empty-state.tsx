/** What a page shows before there is data: says why it is empty and what fills it, never a fake number. */
export function EmptyState({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-slate-800">{title}</h2>
      <div className="mx-auto mt-2 max-w-xl text-sm text-slate-500">{children}</div>
    </section>
  );
}
