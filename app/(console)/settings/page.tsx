import Link from "next/link";
import { ConnectionCards } from "@/components/connection-cards";
import { ConsolePage, pageMetadata } from "@/components/console-page";
import { NewUserForm } from "@/components/settings/new-user-form";
import { ToggleUserButton } from "@/components/settings/toggle-user-button";
import { connectionStatuses } from "@/lib/console/connections";
import { listConsoleUsers } from "@/lib/console/manage-users";
import { DataTable } from "@/components/data-table";
import { CsvLink } from "@/components/csv-link";

export const metadata = pageMetadata("settings");

export default function SettingsPage() {
  return (
    <ConsolePage slug="settings">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">Connections</h2>
      <ConnectionCards connections={connectionStatuses({ details: true })} />
      <p className="mt-2 text-xs text-slate-500">
        Connections are configured through environment variables (README, Configuration); secrets are never shown here.
      </p>
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Sync policy</h2>
      <p className="text-sm text-slate-600">
        Eligibility, routing to audiences, consent for new members and managed tags.{" "}
        <Link href="/settings/policy" className="font-medium text-brand-700 hover:underline">
          View and edit the policy
        </Link>
      </p>
      <h2 className="mb-3 mt-8 flex items-baseline text-sm font-semibold uppercase tracking-wide text-slate-500">Console users <span className="ml-auto normal-case tracking-normal"><CsvLink table="users" /></span></h2>
      <UsersTable />
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
        <NewUserForm />
      </div>
    </ConsolePage>
  );
}

async function UsersTable() {
  const users = await listConsoleUsers();
  return (
    <DataTable columns={["Email", "Name", "Role", "Sign-in", "Last signed in (UTC)", ""]}>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? "" : "text-slate-400"}>
              <td className="px-4 py-2">{u.email}</td>
              <td className="px-4 py-2">{u.name}</td>
              <td className="px-4 py-2">{u.role}</td>
              <td className="px-4 py-2">{u.passwordHash ? "password" : "SSO only"}</td>
              <td className="px-4 py-2">{u.lastSignInAt?.toISOString().replace("T", " ").slice(0, 16) ?? "never"}</td>
              <td className="px-4 py-2 text-right">
                <ToggleUserButton userId={u.id} active={u.active} />
              </td>
            </tr>
          ))}
        </DataTable>
  );
}
