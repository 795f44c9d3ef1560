import Link from "next/link";
import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { ExceptionCard } from "@/components/exceptions/exception-card";
import { audienceNames } from "@/lib/console/audience-names";
import { listExceptions } from "@/lib/console/exceptions/list-exceptions";
import { describeKind } from "@/lib/console/exceptions/kinds";
import { getEnv } from "@/lib/env";
import { CsvLink } from "@/components/csv-link";

export const metadata = pageMetadata("exceptions");

type Search = Promise<{ status?: string; kind?: string }>;

export default async function ExceptionsPage({ searchParams }: { searchParams: Search }) {
  return (
    <ConsolePage slug="exceptions">
      <Exceptions searchParams={await searchParams} />
    </ConsolePage>
  );
}

async function Exceptions({ searchParams }: { searchParams: Awaited<Search> }) {
  const status = searchParams.status === "resolved" ? "resolved" : "open";
  const kind = searchParams.kind && /^[a-z_]+$/.test(searchParams.kind) ? searchParams.kind : undefined;
  const [{ rows, counts, owners }, names] = await Promise.all([listExceptions({ status, kind }), audienceNames()]);
  const href = (s: string, k?: string) => `/exceptions?status=${s}${k ? `&kind=${k}` : ""}`;
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-xs font-medium ${active ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-200 bg-white text-slate-600"}`;
  return (
    <>
      <nav className="mb-4 flex flex-wrap gap-2" aria-label="Filter exceptions">
        <Link className={chip(status === "open")} href={href("open", kind)}>Open</Link>
        <Link className={chip(status === "resolved")} href={href("resolved", kind)}>Resolved</Link>
        <span className="mx-1 border-l border-slate-200" />
        <Link className={chip(!kind)} href={href(status)}>All kinds</Link>
        {Object.entries(counts).map(([k, n]) => (
          <Link key={k} className={chip(kind === k)} href={href(status, k)}>
            {describeKind(k).title} · {n}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status === "open" ? "No open exceptions" : "Nothing resolved yet"}>
          Records that cannot be synced (missing or invalid emails, the same email on several customers, rejections by
          Mailchimp) are listed here with their reason and an owner.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          <p className="text-right"><CsvLink table="exceptions" query={{ status, kind }} /></p>
          {rows.map((r) => (
            <ExceptionCard key={r.id} row={r} owners={owners} odooUrl={getEnv().ODOO_URL} audienceName={r.audienceId ? names.get(r.audienceId) : undefined} />
          ))}
        </div>
      )}
    </>
  );
}
