import { createHash } from "node:crypto";
import { startMailchimpEmulator, type EmulatorOptions, type RunningMailchimpEmulator } from "../server.js";

// A thin fetch wrapper for tests: Basic auth with the emulator's key, JSON in and out.

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface TestApi {
  emu: RunningMailchimpEmulator;
  call(method: string, path: string, body?: unknown, key?: string | null): Promise<ApiResponse>;
  control(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  newList(name?: string): Promise<string>;
}

export const md5 = (email: string): string => createHash("md5").update(email.toLowerCase()).digest("hex");

async function toResponse(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export async function startTestApi(options: EmulatorOptions = {}): Promise<TestApi> {
  const emu = await startMailchimpEmulator({ port: 0, ...options });
  const call = async (method: string, path: string, body?: unknown, key: string | null = emu.apiKey): Promise<ApiResponse> => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key !== null) headers.authorization = `Basic ${Buffer.from(`anystring:${key}`).toString("base64")}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    return toResponse(await fetch(`${emu.url}${path}`, init));
  };
  const control = async (method: string, path: string, body?: unknown): Promise<ApiResponse> =>
    toResponse(await fetch(`${emu.baseUrl}/_emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }));
  const newList = async (name = "Test audience"): Promise<string> => {
    const res = await call("POST", "/lists", listBody(name));
    if (res.status !== 200) throw new Error(`list creation failed: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  return { emu, call, control, newList };
}

export function listBody(name: string): Record<string, unknown> {
  return {
    name,
    contact: { company: "Acme", address1: "1 Main St", city: "Atlanta", state: "GA", zip: "30308", country: "US" },
    permission_reminder: "You bought from us.",
    campaign_defaults: { from_name: "Acme", from_email: "news@acme.io", subject: "News", language: "en" },
    email_type_option: false,
  };
}
