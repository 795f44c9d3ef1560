import { randomUUID } from "node:crypto";

// One error type for every failure the emulator answers; rendered as application/problem+json like Mailchimp.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${title}: ${detail}`);
  }
}

export const INVALID_RESOURCE_DETAIL =
  "The resource submitted could not be validated. For field-specific details, see the 'errors' array.";

export function problemBody(problem: ApiProblem): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: "https://mailchimp.com/developer/marketing/docs/errors/",
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: randomUUID(),
  };
  if (problem.errors) body.errors = problem.errors;
  return body;
}

export const notFound = (): ApiProblem =>
  new ApiProblem(404, "Resource Not Found", "The requested resource could not be found.");

export const invalidResource = (errors: FieldError[], detail = INVALID_RESOURCE_DETAIL): ApiProblem =>
  new ApiProblem(400, "Invalid Resource", detail, errors);

export const badRequest = (detail: string): ApiProblem => new ApiProblem(400, "Bad Request", detail);

export const tooManyRequests = (max: number): ApiProblem =>
  new ApiProblem(429, "Too Many Requests", `You have exceeded the limit of ${max} simultaneous connections.`);

export const methodNotAllowed = (allow: string[]): ApiProblem =>
  new ApiProblem(
    405,
    "Method Not Allowed",
    "The requested method and resource are not compatible. See the Allow header for this resource's available methods.",
    undefined,
    { Allow: allow.join(", ") },
  );
