/** Display helpers shared by the console tables; times are shown in UTC, like Odoo's and Mailchimp's. */
export function formatUtc(date: Date | null | undefined): string {
  return date ? `${date.toISOString().replace("T", " ").slice(0, 19)}` : "—";
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** An amount in its currency, two decimals, without the symbol (the currency is its own column). */
export function formatMoney(n: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
