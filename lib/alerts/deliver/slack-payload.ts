import { ALERT_KINDS, isAlertKind, runbookAnchor } from "../kinds";

export interface AlertForDelivery {
  id: bigint;
  kind: string;
  severity: string;
  team: string;
  title: string;
  detail: unknown;
  occurrences: number;
  firstSeenAt: Date;
  resolvedAt: Date | null;
}

export interface SlackPayload {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

const ICON: Record<string, string> = { critical: ":red_circle:", warning: ":large_orange_circle:", info: ":large_blue_circle:" };

/**
 * Slack-compatible JSON ({text, blocks}): `text` is the notification line (and what non-Slack receivers show),
 * blocks add what was seen, what to do and links to the alert and its runbook entry. No secrets, no emails.
 */
export function buildSlackPayload(a: AlertForDelivery, event: "opened" | "resolved", consoleUrl: string | undefined): SlackPayload {
  const d = (typeof a.detail === "object" && a.detail !== null ? a.detail : {}) as { message?: string; action?: string };
  const kindTitle = isAlertKind(a.kind) ? ALERT_KINDS[a.kind].title : a.kind;
  const head = event === "opened"
    ? `${ICON[a.severity] ?? ""} [${a.severity}] ${a.title} (owner: ${a.team})`.trim()
    : `:white_check_mark: Resolved: ${a.title} (owner: ${a.team})`;
  const base = consoleUrl?.replace(/\/+$/, "");
  const links = base
    ? [`<${base}/alerts?id=${a.id}|Open alert #${a.id}>`, ...(isAlertKind(a.kind) ? [`<${base}/runbook#${runbookAnchor(a.kind)}|Runbook: ${kindTitle}>`] : [])]
    : [];
  const lines = event === "opened"
    ? [d.message, d.action ? `*What to do:* ${d.action}` : undefined]
    : [`Cleared after ${a.occurrences} check${a.occurrences === 1 ? "" : "s"} (first seen ${a.firstSeenAt.toISOString()}).`];
  return {
    text: `Bridgeline: ${head}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `${event === "opened" ? "Alert" : "Resolved"}: ${kindTitle}`.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: [head, ...lines.filter(Boolean)].join("\n") } },
      ...(links.length > 0 ? [{ type: "context", elements: links.map((l) => ({ type: "mrkdwn", text: l })) }] : []),
    ],
  };
}
