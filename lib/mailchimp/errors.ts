/**
 * The one error type the Mailchimp connector throws. `kind` drives every decision (retry, park, fix data);
 * the rest is kept verbatim for the record-level error view.
 */
export type MailchimpErrorKind =
  | "throttle"
  | "transient"
  | "compliance"
  | "forgotten"
  | "invalid_email"
  | "invalid_merge_field"
  | "member_exists"
  | "missing_product"
  | "not_found"
  | "auth"
  | "bad_request"
  /** Not an HTTP or network failure at all (a bug, a broken response); never retried. */
  | "unexpected";

export interface MailchimpFieldError {
  field: string;
  message: string;
}

export interface MailchimpErrorInit {
  kind: MailchimpErrorKind;
  status?: number;
  title?: string;
  detail?: string;
  type?: string;
  instance?: string;
  errors?: MailchimpFieldError[];
  cause?: unknown;
}

const RETRYABLE: ReadonlySet<MailchimpErrorKind> = new Set(["throttle", "transient"]);

export class MailchimpError extends Error {
  override name = "MailchimpError";
  readonly kind: MailchimpErrorKind;
  readonly status: number | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly instance: string | undefined;
  readonly errors: MailchimpFieldError[];

  constructor(init: MailchimpErrorInit) {
    const head = [init.status, init.title].filter((v) => v !== undefined).join(" ");
    super(`Mailchimp ${init.kind}${head ? ` (${head})` : ""}: ${init.detail ?? "no detail"}`, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.instance = init.instance;
    this.errors = init.errors ?? [];
  }

  /** Throttles and transient failures may succeed later; everything else needs a data or config change. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function isRetryableKind(kind: MailchimpErrorKind): boolean {
  return RETRYABLE.has(kind);
}
