import type { AlertKind, Severity } from "./kinds";

/** A condition an evaluator found holding: becomes (or updates) the open alert of kind + subject. */
export interface AlertCondition {
  kind: AlertKind;
  subject: string;
  title: string;
  /** What was seen, in words, naming the thing (field, run, audience). */
  message: string;
  /** What to do about it. */
  action: string;
  severity?: Severity;
  facts?: Record<string, unknown>;
}

/**
 * An evaluation covers some kinds (and within them, optionally, some subjects): open alerts of those kinds that
 * the evaluation did not find again are resolved. A scope never resolves what it did not look at.
 */
export interface AlertScope {
  kinds: readonly AlertKind[];
  /** Only subjects this predicate accepts are resolved when missing (e.g. one audience's). Default: all. */
  covers?: (subject: string) => boolean;
}

export interface AlertChange {
  id: bigint;
  kind: AlertKind;
  event: "opened" | "resolved";
}
