import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { listAuditEvents } from "@/lib/console/list-audit-events";

export const metadata = pageMetadata("audit");

export default function AuditPage() {
  return (
    <ConsolePage slug="audit">
      <AuditTable />
    </ConsolePage>
  );
}

async function AuditTable() {
  const events = await listAuditEvents();
  if (events.length === 0) {
    return <EmptyState title="Nothing recorded yet">Sign-ins, user changes, runs and approvals are recorded here.</EmptyState>;
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">When (UTC)</th>
            <th className="px-4 py-2">Who</th>
            <th className="px-4 py-2">What</th>
            <th className="px-4 py-2">Target</th>
            <th className="px-4 py-2">Detail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="px-4 py-2">{e.actor ?? "system"}</td>
              <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-4 py-2">{e.target ?? ""}</td>
              <td className="px-4 py-2 font-mono text-xs text-slate-500">{JSON.stringify(e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
