import { pagesFor, type Role } from "@/lib/auth/roles";
import { NavLink } from "./nav-link";

/** Shows only the pages the role may open; the pages themselves enforce the same table on the server. */
export function Sidebar({ role }: { role: Role }) {
  return (
    <nav aria-label="Console" className="flex w-56 shrink-0 flex-col gap-1 border-r border-slate-200 bg-white px-3 py-5">
      <div className="mb-5 px-3">
        <span className="text-lg font-semibold tracking-tight text-slate-900">Bridgeline</span>
        <p className="text-xs text-slate-500">Odoo → Mailchimp</p>
      </div>
      {pagesFor(role).map((p) => (
        <NavLink key={p.slug} href={p.href} title={p.title} />
      ))}
    </nav>
  );
}
