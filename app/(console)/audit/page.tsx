import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { listAuditEvents } from "@/lib/console/list-audit-events";
import { DataTable } from "@/components/data-table";

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
    <DataTable columns={["When (UTC)", "Who", "What", "Target", "Detail"]}>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="px-4 py-2">{e.actor ?? "system"}</td>
              <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-4 py-2">{e.target ?? ""}</td>
              <td className="px-4 py-2 font-mono text-xs text-slate-500">{JSON.stringify(e.detail)}</td>
            </tr>
          ))}
        </DataTable>
  );
}
