"use client";

/** Small labelled inputs for the policy form; each shows the schema's message for its path beneath it. */
const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";

function Problem({ error }: { error?: string }) {
  return error ? <span className="block text-xs text-red-700">{error}</span> : null;
}

export function CheckboxField({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-1" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange, error }: { label: string; value: T; options: readonly (readonly [T, string])[]; onChange: (v: T) => void; error?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      <select className={`${input} w-full bg-white`} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
      <Problem error={error} />
    </label>
  );
}

export function TextField({ label, value, onChange, error, placeholder }: { label: string; value: string; onChange: (v: string) => void; error?: string; placeholder?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      <input className={`${input} w-full`} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      <Problem error={error} />
    </label>
  );
}

/** A number, or the text as typed when it is not one, so the schema can say what is wrong with it. */
export function NumberField({ label, value, onChange, error }: { label: string; value: unknown; onChange: (v: number | string) => void; error?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block text-xs font-medium text-slate-600">{label}</span>
      <input className={`${input} w-full tabular-nums`} inputMode="decimal" value={String(value ?? "")} onChange={(e) => {
        const n = Number(e.target.value);
        onChange(e.target.value.trim() !== "" && Number.isFinite(n) ? n : e.target.value);
      }} />
      <Problem error={error} />
    </label>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
      <div className="space-y-3">{children}</div>
    </fieldset>
  );
}
