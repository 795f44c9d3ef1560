import { ConsolePage } from "@/components/console-page";
import { formatUtc } from "@/components/format";
import { PolicyEditor } from "@/components/settings/policy-editor";
import { getPrisma } from "@/lib/db/client";
import { defaultPolicy, getActivePolicy, listPolicyVersions } from "@/lib/sync/policy";

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
  const [active, versions] = await Promise.all([getActivePolicy(prisma), listPolicyVersions(prisma)]);
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
        <PolicyEditor initial={JSON.stringify(active?.policy ?? defaultPolicy(), null, 2)} />
      </section>
      <aside>
        <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">Versions</h2>
        {versions.length === 0 ? (
          <p className="text-sm text-slate-500">No version saved yet.</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {versions.map((v) => (
              <li key={v.version} className="rounded-md border border-slate-200 bg-white px-3 py-2">
                <span className="font-medium">v{v.version}</span>{" "}
                <span className="text-xs text-slate-500">{formatUtc(v.createdAt)}</span>
                {v.comment && <p className="text-slate-600">{v.comment}</p>}
              </li>
            ))}
          </ol>
        )}
      </aside>
    </div>
  );
}
