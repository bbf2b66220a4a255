import type { Server as HttpServer, IncomingMessage, ServerOptions, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";
import type { Config } from "../platform/config.js";

/**
 * Node checks the header and request deadlines only every `connectionsCheckingInterval`
 * (30 s by default), so a lying client would outlive them: check every second.
 * requestTimeout bounds the reception of the request only (Node stops timing a
 * connection once its request is complete), so long SSE responses are not cut.
 */
export function httpServerOptions(config: Config): ServerOptions {
  return {
    headersTimeout: config.httpHeadersTimeoutMs,
    requestTimeout: config.httpRequestTimeoutMs,
    connectionsCheckingInterval: 1000,
  };
}

export interface DrainTimings {
  /** An idle keep-alive connection stays open this long for a request its client may be writing. */
  idleGraceMs: number;
  /** After this, every connection still open is cut. */
  deadlineMs: number;
}

interface ConnectionState {
  inFlight: number;
  idleSince: number;
  bytesReadWhenIdle: number;
}

/**
 * Knows, per connection, whether a request is under way and since when it has been idle.
 * Attach it as soon as the server exists; `drain` is then the graceful half of a shutdown.
 */
export class ConnectionTracker {
  private readonly connections = new Map<Socket, ConnectionState>();

  constructor(private readonly server: HttpServer) {
    server.on("connection", (socket: Socket) => {
      this.connections.set(socket, { inFlight: 0, idleSince: Date.now(), bytesReadWhenIdle: 0 });
      socket.once("close", () => this.connections.delete(socket));
    });
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      const state = this.connections.get(request.socket);
      if (!state) return;
      state.inFlight += 1;
      response.once("close", () => {
        state.inFlight -= 1;
        state.idleSince = Date.now();
        state.bytesReadWhenIdle = request.socket.bytesRead;
      });
    });
  }

  /**
   * Stops accepting connections and resolves once every open one has ended.
   *
   * Not `server.close()`: since Node 19 it also destroys idle keep-alive sockets at
   * once, and a request a client has just written on one is then lost (ECONNRESET:
   * the kernel resets a socket closed with unread bytes). Here a request arriving
   * on an idle socket is answered (with `Connection: close`, see the shutdown
   * middleware, so the client leaves); only a socket idle for the whole grace after
   * the signal, with no byte received since its last response, is closed; the rest
   * are cut at the deadline. A client that keeps a socket idle through the whole
   * grace and writes on it just as it closes can still lose that request: HTTP/1.1
   * leaves that case to the client (RFC 9112 §9.3.1, retry on a fresh connection).
   */
  drain(timings: DrainTimings): Promise<"drained" | "forced"> {
    const startedAt = Date.now();
    return new Promise((resolve) => {
      const sweep = setInterval(() => this.closeLongIdle(startedAt, timings.idleGraceMs), 100);
      const force = setTimeout(() => {
        clearInterval(sweep);
        this.server.closeAllConnections();
        resolve("forced");
      }, timings.deadlineMs);
      NetServer.prototype.close.call(this.server, () => {
        clearInterval(sweep);
        clearTimeout(force);
        resolve("drained");
      });
    });
  }

  /** Every socket gets the whole grace after the signal, however long it was idle before. */
  private closeLongIdle(drainStartedAt: number, graceMs: number): void {
    const now = Date.now();
    for (const [socket, state] of this.connections) {
      const quiet = state.inFlight === 0 && socket.bytesRead === state.bytesReadWhenIdle;
      if (quiet && now - Math.max(state.idleSince, drainStartedAt) >= graceMs) socket.destroy();
    }
  }
}

/** Resolves with the task's outcome, or "timeout" once `ms` have passed: no step of a shutdown may hang it. */
export function withinMs<T>(task: Promise<T> | undefined, ms: number): Promise<T | "timeout" | undefined> {
  if (!task) return Promise.resolve(undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), Math.max(0, ms));
  });
  return Promise.race([task, timeout]).finally(() => clearTimeout(timer));
}
