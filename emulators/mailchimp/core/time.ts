// Mailchimp renders instants as ISO 8601 with seconds precision and an explicit +00:00 offset.

export function mailchimpTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

// Webhook payloads use a different, offset-less format: "YYYY-MM-DD HH:MM:SS".
export function webhookTime(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "");
}

// Query parameters such as since_last_changed accept ISO 8601; anything Date cannot read is a 400.
export function parseIsoParam(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return null;
  const ms = Date.parse(value.replace(" ", "T"));
  return Number.isNaN(ms) ? null : ms;
}
