export { OdooClient, type OdooClientOptions, type RawCallOptions } from "./client";
export { odooConfigFromEnv, type OdooConfig, type OdooProtocol } from "./config";
export { OdooRequestCounter } from "./counter";
export { DEFAULT_BACKOFF, fullJitterDelay, type BackoffPolicy } from "./backoff";
export {
  OdooError,
  OdooAuthError,
  OdooAccessError,
  OdooValidationError,
  OdooMissingError,
  OdooTransientError,
} from "./errors";
export { mapOdooFault, mapHttpStatus } from "./error-mapping";
export type { KeysetOptions } from "./paging";
export type { ChangedPage, ChangedSinceOptions } from "./cursor";
export type { CallOptions, FieldMeta, OdooContext, OdooDomain, OdooDomainTerm, OdooRecord, SearchPageOptions } from "./types";
export * from "./values";
