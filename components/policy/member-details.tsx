import type { PartnerExplanation } from "@/lib/sync/simulate/types";

/** The Mailchimp member a routed partner becomes: audience, status if new, managed tags and merge fields. */
export function MemberDetails({ member, ruleName }: { member: NonNullable<PartnerExplanation["member"]>; ruleName?: string }) {
  const fields = Object.entries(member.mergeFields).map(([k, v]) => [k, typeof v === "object" ? Object.values(v).join(", ") : String(v)]);
  return (
    <div className="rounded-md bg-slate-50 p-3 text-xs">
      <p className="mb-1">
        Audience <span className="font-mono">{member.audienceId}</span>{ruleName && <> ({ruleName})</>} · {member.email} · a new member would be <span className="font-medium">{member.statusIfNew}</span>
        {member.language && <> · language {member.language}</>}
      </p>
      <p className="mb-2">Tags: {member.tags.map((t) => <span key={t} className="mr-1 rounded bg-white px-1 font-mono ring-1 ring-slate-200">{t}</span>)}</p>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3">
        {fields.map(([k, v]) => (
          <div key={k} className="contents"><dt className="font-mono text-slate-500">{k}</dt><dd>{v || <span className="text-slate-400">(empty)</span>}</dd></div>
        ))}
      </dl>
    </div>
  );
}
