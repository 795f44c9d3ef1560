import { BlockList, isIP } from "node:net";

/**
 * TRUSTED_PROXIES: the hops whose X-Forwarded-For Bridgeline believes, as IPs or CIDR ranges separated by commas
 * (e.g. `127.0.0.1,::1,10.0.0.0/8`). Empty: no hop is trusted and the client is the TCP peer.
 */
export function parseTrustedProxies(raw: string | undefined): string[] {
  const entries = (raw ?? "").split(/[\s,]+/).filter((e) => e !== "");
  for (const entry of entries) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0) throw new Error(`"${entry}" is not an IP address or CIDR range`);
  }
  return entries;
}

/** IPv4 peers often arrive as IPv4-mapped IPv6 (`::ffff:10.0.0.1`); compare and store them as IPv4. */
export function normaliseIp(ip: string): string {
  const trimmed = ip.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

export function trustedProxyList(entries: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (ip) => {
    const address = normaliseIp(ip);
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
  };
}
