import { ApiProblem } from "../http/problem.js";
import type { WritableStatus } from "../core/types.js";

// Consent rules that Mailchimp enforces whatever endpoint the write comes through.
// Unsubscribed people may only come back through double opt-in (pending); cleaned (bounced) addresses
// can neither be subscribed nor sent a confirmation (see README.md for why cleaned -> pending is refused).

export function complianceProblem(email: string): ApiProblem {
  return new ApiProblem(
    400,
    "Member In Compliance State",
    `${email} is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed.`,
  );
}

export function forgottenProblem(email: string): ApiProblem {
  return new ApiProblem(
    400,
    "Forgotten Email Not Subscribed",
    `${email} was permanently deleted and cannot be re-imported. The contact must re-subscribe to get back on the list.`,
  );
}

export function assertTransitionAllowed(email: string, from: WritableStatus, to: WritableStatus): void {
  if (from === to) return;
  if (to === "subscribed" && (from === "unsubscribed" || from === "cleaned")) throw complianceProblem(email);
  if (to === "pending" && from === "cleaned") throw complianceProblem(email);
}

export function assertNotForgotten(email: string, forgotten: boolean, to: WritableStatus): void {
  if (forgotten && (to === "subscribed" || to === "pending")) throw forgottenProblem(email);
}
