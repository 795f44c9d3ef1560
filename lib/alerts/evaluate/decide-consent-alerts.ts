import type { AlertCondition } from "../types";

export interface ConsentSignals {
  /** Write-backs left failed (not those an admin rejected) or still retrying after several attempts. */
  failing: number;
  lastError: string | null;
  /** Batches of consent changes waiting for an admin. */
  waitingApprovals: number;
  waitingPeople: number;
}

/** Retrying this often means Odoo keeps refusing or is unreachable: worth a person's look before the retries run out. */
export const FAILING_AFTER_ATTEMPTS = 3;

export function decideConsentAlerts(s: ConsentSignals): AlertCondition[] {
  const out: AlertCondition[] = [];
  if (s.failing > 0) {
    out.push({
      kind: "consent_writebacks_failed", subject: "writebacks", title: `${s.failing} consent write-backs to Odoo failing`,
      message: `${s.failing} opt-outs from Mailchimp could not be written to Odoo's blacklist${s.lastError ? `; last error: ${s.lastError}` : ""}.`,
      action: "Open Consent → pending and failed write-backs: check that Odoo is reachable and that Bridgeline's Odoo user may write mail.blacklist. Until then these people may still get Odoo mailings.",
      facts: { failing: s.failing },
    });
  }
  if (s.waitingApprovals > 0) {
    out.push({
      kind: "consent_approval_waiting", subject: "approvals", title: `${s.waitingPeople} consent changes wait for an admin`,
      message: `${s.waitingApprovals} batch(es) of consent changes (${s.waitingPeople} people) are held until an admin approves or rejects them.`,
      action: "An admin opens Consent → approvals, checks the sample and approves (applied at once) or rejects (Odoo keeps its state).",
      facts: { approvals: s.waitingApprovals, people: s.waitingPeople },
    });
  }
  return out;
}
