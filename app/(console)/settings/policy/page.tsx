import { ConsolePage } from "@/components/console-page";
import { PolicyWorkbench } from "@/components/policy/policy-workbench";
import { VersionList } from "@/components/policy/version-list";
import { getPrisma } from "@/lib/db/client";
import { listVersionChanges } from "@/lib/console/policy/list-version-changes";
import { defaultPolicy, getActivePolicy } from "@/lib/sync/policy";

export const metadata = { title: "Sync policy" };

export default function PolicyPage() {
  return (
    <ConsolePage slug="settings">
      <Policy />
    </ConsolePage>
  );
}

async function Policy() {
  const prisma = getPrisma();
  const [active, versions] = await Promise.all([getActivePolicy(prisma), listVersionChanges(prisma)]);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <section>
        <h2 className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-500">
          Sync policy {active ? `· version ${active.version} in force` : "· none saved yet (defaults shown)"}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Who is a marketing contact, which audience they go to, the status new members get, and the tags Bridgeline
          manages. Also kept in git with <code className="rounded bg-slate-100 px-1">npm run config -- export FILE</code>{" "}
          and <code className="rounded bg-slate-100 px-1">import FILE</code>.
        </p>
        <PolicyWorkbench savedJson={JSON.stringify(active?.policy ?? defaultPolicy(), null, 2)} savedLabel={active ? `version ${active.version}` : "the defaults"} />
      </section>
      <aside>
        <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">Versions</h2>
        <VersionList versions={versions} />
      </aside>
    </div>
  );
}
