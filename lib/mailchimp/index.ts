export { MailchimpClient } from "./client";
export type { AcquireSlot, MailchimpCall, MailchimpClientOptions, MailchimpPriority } from "./core";
export { mailchimpConfigFromEnv, resolveBasePath, serverFromKey, type MailchimpConfig } from "./config";
export { MailchimpRequestCounter } from "./counter";
export { MailchimpError, isRetryableKind, type MailchimpErrorKind, type MailchimpFieldError } from "./errors";
export { classifyMailchimpError, classifyHttpFailure, toProblem, type ProblemBody } from "./classify";
export {
  classifyMemberError,
  classifyOperationResult,
  type MemberError,
  type OperationResult,
  type RawMemberError,
  type RawOperationResult,
} from "./batch-errors";
export { withRetry, DEFAULT_RETRY, type RetryPolicy } from "./retry";
export { parseTar, type TarEntry } from "./tar";
export { subscriberHash, MAX_MEMBERS_PAGE, type ListMembersOptions, type MembersPage } from "./members";
export { MAX_BATCH_SUBSCRIBE, type BatchSubscribeOptions, type BatchSubscribeResult } from "./batch-subscribe";
export type { BatchOperationInput, PollOptions } from "./batches";
export type { BatchObservation, PollDecision, WaitReason } from "./batch-poll-plan";
export type * from "./types";
export type * from "./ecommerce-types";
