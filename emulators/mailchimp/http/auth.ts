import type { ResolvedOptions } from "../core/options.js";
import { ApiProblem } from "./problem.js";

// HTTP Basic auth with any username and the API key "<hex>-<dc>" as password, checked the way Mailchimp does:
// no key -> 401, a key for another datacenter -> 403, an unknown key -> 401.

export function authenticate(header: string | undefined, options: ResolvedOptions): string {
  const key = keyFrom(header);
  if (!key) throw new ApiProblem(401, "API Key Missing", "Your request did not include an API key.");
  const dc = /-([a-z]+\d+)$/.exec(key)?.[1];
  if (dc && dc !== options.dc) {
    throw new ApiProblem(403, "Wrong Datacenter", "The API key provided is linked to a different datacenter. Are you sure you're using the right key?");
  }
  if (!options.apiKeys.includes(key)) {
    throw new ApiProblem(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter.");
  }
  return key;
}

function keyFrom(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "bearer") return value.trim() || null;
  if (scheme?.toLowerCase() !== "basic") return null;
  const decoded = Buffer.from(value.trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const password = colon >= 0 ? decoded.slice(colon + 1) : "";
  return password || null;
}
