"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { assignExceptionAction, commentExceptionAction, resolveExceptionAction } from "@/app/(console)/exceptions/actions";
import { formatUtc } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { ExceptionRow } from "@/lib/console/exceptions/list-exceptions";
import { describeKind, exceptionAnchor } from "@/lib/console/exceptions/kinds";

type Owner = { id: string; name: string };

export function ExceptionCard({ row, owners, odooUrl, audienceName }: { row: ExceptionRow; owners: Owner[]; odooUrl?: string; audienceName?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [comment, setComment] = useState("");
  const kind = describeKind(row.kind);
  const detail = row.detail as Record<string, unknown>;

  function run(action: () => Promise<{ ok: boolean; error?: string }>) {
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? undefined : result.error);
      if (result.ok) router.refresh();
    });
  }

  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4" data-testid="exception">
      <div className="flex flex-wrap items-center gap-2">
        <StatusPill status={row.status} />
        <h3 className="font-semibold">{kind.title}</h3>
        {row.email && <span className="font-mono text-sm text-slate-700">{row.email}</span>}
        {typeof detail.name === "string" && <span className="text-sm text-slate-700">{detail.name}</span>}
        <span className="ml-auto text-xs text-slate-500">
          seen {row.occurrences}× · last {formatUtc(row.lastSeenAt)}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {kind.fix}{" "}
        <a className="text-brand-700 hover:underline" href={`/runbook#${exceptionAnchor(row.kind)}`}>Runbook</a>
      </p>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
        {row.partnerIds.length > 0 && (
          <span>
            Odoo partners:{" "}
            {row.partnerIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ", "}
                {odooUrl ? (
                  <a className="text-brand-700 hover:underline" href={`${odooUrl}/web#id=${id}&model=res.partner&view_type=form`}>
                    {id}
                  </a>
                ) : (
                  id
                )}
              </span>
            ))}
          </span>
        )}
        {row.audienceId && (
          <span>
            Audience {audienceName && <span className="text-slate-700">{audienceName} </span>}
            <span className="font-mono">{row.audienceId}</span>
          </span>
        )}
        {typeof detail.rawEmail === "string" && (
          <span>
            Odoo has <span className="rounded bg-slate-100 px-1 font-mono text-slate-700">“{detail.rawEmail}”</span>
          </span>
        )}
        {typeof detail.reason === "string" && <span className="text-slate-700">{detail.reason}</span>}
        {Array.isArray(detail.staff) && (
          <span className="text-slate-700" data-testid="staff-members">
            Staff: {(detail.staff as { partnerId: number; name: string | null }[]).map((m) => `${m.name ?? "unnamed"} (${m.partnerId})`).join(", ")}
          </span>
        )}
        {typeof detail.message === "string" && <span className="text-slate-700">{detail.message}</span>}
        {typeof detail.detail === "string" && <span className="text-slate-700">Mailchimp: {detail.detail}</span>}
      </div>
      {row.comments.length > 0 && (
        <ul className="mt-3 space-y-1 border-l-2 border-slate-200 pl-3 text-sm">
          {row.comments.map((c) => (
            <li key={c.id}>
              <span className="font-medium">{c.author}</span> <span className="text-xs text-slate-400">{formatUtc(c.at)}</span>
              <p className="text-slate-700">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label className="text-xs text-slate-600">
          Owner{" "}
          <select
            className="rounded-md border border-slate-300 px-2 py-1 text-xs"
            value={row.ownerId ?? ""}
            disabled={pending}
            onChange={(e) => run(() => assignExceptionAction({ id: row.id, ownerId: e.target.value || null }))}
          >
            <option value="">nobody</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <input
          className="min-w-48 flex-1 rounded-md border border-slate-300 px-2 py-1 text-xs"
          placeholder="Add a comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <button
          type="button"
          disabled={pending || comment.trim() === ""}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium disabled:opacity-50"
          onClick={() =>
            run(async () => {
              const result = await commentExceptionAction({ id: row.id, body: comment });
              if (result.ok) setComment("");
              return result;
            })
          }
        >
          Comment
        </button>
        <button
          type="button"
          disabled={pending}
          className="rounded-md bg-brand-600 px-2.5 py-1 text-xs font-medium text-white disabled:opacity-50"
          onClick={() => run(() => resolveExceptionAction({ id: row.id, resolved: row.status === "open" }))}
        >
          {row.status === "open" ? "Resolve" : "Reopen"}
        </button>
      </div>
      {error && <p className="mt-2 text-xs text-red-700">{error}</p>}
    </article>
  );
}
