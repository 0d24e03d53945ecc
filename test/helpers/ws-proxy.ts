// A WebSocket-to-TCP proxy that stands in for Neon's: the Neon serverless driver speaks the
// PostgreSQL protocol over a WebSocket, and this forwards it to a local PostgreSQL, so the
// production driver's code path runs in the tests. Only allow-listed targets are reachable.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface WsProxy {
  /** The value for NEON_WS_PROXY: host:port/v2 of this proxy. */
  address: string;
  close(): Promise<void>;
}

export async function startWsProxy(allow: string[]): Promise<WsProxy> {
  const http: Server = createServer((_req, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ server: http, path: "/v2" });
  const sockets = new Set<WebSocket>();

  wss.on("connection", (socket, request) => {
    const target = new URL(request.url ?? "", "http://proxy").searchParams.get("address") ?? "";
    if (!allow.includes(target)) {
      socket.close(1008, "target not allowed");
      return;
    }
    sockets.add(socket);
    const [host, port] = target.split(":");
    const tcp = connect({ host, port: Number(port) });
    const pending: Buffer[] = [];
    tcp.on("connect", () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    socket.on("message", (data: Buffer) => (tcp.connecting ? pending.push(data) : tcp.write(data)));
    tcp.on("data", (chunk) => socket.readyState === socket.OPEN && socket.send(chunk));
    const end = () => {
      sockets.delete(socket);
      tcp.destroy();
      if (socket.readyState === socket.OPEN) socket.close();
    };
    socket.on("close", end);
    socket.on("error", end);
    tcp.on("close", end);
    tcp.on("error", end);
  });

  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}/v2`,
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
