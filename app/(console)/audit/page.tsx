import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { listAuditEvents } from "@/lib/console/list-audit-events";
import { DataTable } from "@/components/data-table";
import { CsvLink } from "@/components/csv-link";

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
    return <EmptyState title="Nothing recorded yet">Sign-ins (failed ones and lockouts too), user changes, runs, exceptions and approvals are recorded here.</EmptyState>;
  }
  return (
    <>
    <p className="mb-2 text-right"><CsvLink table="audit" /></p>
    <DataTable columns={["When (UTC)", "Who", "What", "Target", "Detail"]}>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="px-4 py-2">
                {e.who.name}
                {e.who.email && <span className="block text-xs text-slate-500">{e.who.email}</span>}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-4 py-2">{e.target ?? ""}</td>
              <td className="px-4 py-2 text-xs text-slate-600">
                {e.detail.map((d) => (
                  <span key={d.label} className="mr-3 inline-block">
                    <span className="text-slate-400">{d.label}</span> {d.value}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
    </>
  );
}
