"use client";

const button = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** A table's footer: what it counts (or why it has nothing) on the left, Previous / Page n of m / Next on the right. */
export function Pager({ summary, page, pages, onPage }: { summary: React.ReactNode; page: number; pages: number; onPage: (page: number) => void }) {
  return (
    <div className="flex items-center justify-between text-sm text-slate-600">
      <span>{summary}</span>
      <span className="flex items-center gap-2">
        <button className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>Previous</button>
        Page {page} of {pages}
        <button className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>Next</button>
      </span>
    </div>
  );
}
