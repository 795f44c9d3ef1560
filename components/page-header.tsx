export function PageHeader({ title, summary, children }: { title: string; summary: string; children?: React.ReactNode }) {
  return (
    <header className="mb-6 flex items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-slate-500">{summary}</p>
      </div>
      {children}
    </header>
  );
}
