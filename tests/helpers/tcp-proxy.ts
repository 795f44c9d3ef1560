import net from "node:net";

/**
 * A TCP proxy in front of a Postgres server, to take "the database" away and give it back without restarting the
 * real server (others share it). cut() ends every open connection and refuses new ones on the same port, as a
 * stopped Postgres does (ECONNREFUSED); restore() listens again. url() is the server's URL through the proxy.
 */
export interface TcpProxy {
  port: number;
  url(databaseUrl: string): string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const open = (port: number) =>
    new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          // A cut connection errors on both ends: expected here, the clients see it as the database going away.
          s.on("error", () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve(server));
    });
  let server: net.Server | null = await open(0);
  const port = (server.address() as net.AddressInfo).port;
  const cut = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };
  return {
    port,
    url: (databaseUrl) => {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut,
    async restore() {
      server ??= await open(port);
    },
    close: cut,
  };
}
