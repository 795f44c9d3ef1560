/**
 * Consent flow-back: Mailchimp is the master of consent. Webhook deliveries (and a polling fallback) are
 * stored, processed once into write-backs, and applied to Odoo; outbound member writes pass the firewall.
 */
export * from "./types";
export { checkMemberWrite, policyAllows, type IntendedMemberWrite, type FirewallDecision, type RefusalCode, type MemberWriteKind, type KnownMemberStatus, type NewMemberStatus } from "./firewall";
export { guardMemberWrite, recordRefusal, type RefusalContext } from "./firewall/record-refusal";
export { receiveWebhookGet, receiveWebhookPost, MAX_WEBHOOK_BODY, type ReceiverDeps } from "./webhook/receive";
export { webhookEventSchema, type WebhookEvent } from "./webhook/event-schema";
export { processWebhookEvents, MAX_EVENT_ATTEMPTS, type ProcessSummary } from "./process/process-events";
export { applyWritebacks, type WritebackSummary } from "./writeback/apply-writebacks";
export { MAX_WRITEBACK_ATTEMPTS, writebackDelayMs } from "./writeback/backoff";
export { runConsentJob, runConsentProcessor, type ConsentJobResult } from "./runner";
export { pollAudienceConsent, pollCursorKey, type PollSummary } from "./poll/poll-audience";
export { ensureAudienceWebhook, type EnsureResult } from "./registration/ensure-webhook";
export { auditAudienceWebhooks, type WebhookAudit, type WebhookAuditStatus } from "./registration/audit-webhooks";
export { desiredWebhook, WEBHOOK_EVENTS, WEBHOOK_SOURCES } from "./registration/webhook-config";
export { needsApproval, type ConsentChange } from "./approval/needs-approval";
export { decideApproval, ApprovalStateError } from "./approval/decide-approval";
