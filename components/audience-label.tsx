/** An audience shown by its routing-rule name, with the Mailchimp id beside it for searching in Mailchimp. */
export function AudienceLabel({ id, names }: { id: string; names: Map<string, string> }) {
  const name = names.get(id);
  return (
    <span>
      {name && <span className="mr-2">{name}</span>}
      <span className="font-mono text-xs text-slate-500">{id}</span>
    </span>
  );
}
