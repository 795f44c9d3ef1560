import type { Sdk } from "./sdk";

/** Runs one SDK call with this view's priority; failures arrive as MailchimpError. */
export type Runner = <T>(call: (sdk: Sdk) => Promise<unknown>) => Promise<T>;
