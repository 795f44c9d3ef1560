import { normaliseIp, trustedProxyList } from "@/lib/net/trusted-proxies";

/**
 * The TCP peer of a request, stamped by our own HTTP server (scripts/serve-next.ts) over whatever the client sent
 * under that name. Next's `next start` keeps a client's X-Forwarded-For as sent, so without this the peer is lost.
 */
export const PEER_HEADER = "x-bridgeline-peer";

type Headers = Record<string, unknown>;

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : undefined;
};

/**
 * Who is signing in, for throttling and the audit log. X-Forwarded-For is believed only as far as trusted hops
 * vouch for it: starting from the peer, each hop that is a trusted proxy hands over to the address it says it
 * received from (right to left); the first address that is not a trusted proxy is the client. A client that sends
 * its own X-Forwarded-For therefore only adds entries to the left of the one our proxy appends, which are never
 * reached. Without a peer (`next dev`, a host other than ours) the answer is "unknown": one shared bucket.
 */
export function resolveClientIp(headers: Headers, trustedProxies: readonly string[]): string {
  const peer = header(headers, PEER_HEADER);
  if (!peer) return "unknown";
  const trusted = trustedProxyList(trustedProxies);
  let client = normaliseIp(peer);
  if (!trusted(client)) return client;
  const hops = (header(headers, "x-forwarded-for") ?? "").split(",").map((h) => normaliseIp(h)).filter((h) => h !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    client = hops[i] as string;
    if (!trusted(client)) return client.slice(0, 64);
  }
  return client;
}
