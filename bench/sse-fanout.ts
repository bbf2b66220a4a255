import { request } from "node:http";

export interface FanoutResult {
  clients: number;
  events: number;
  /** Per event: milliseconds from the commit (POST answered) to the LAST client receiving it. */
  lastClientMs: { p50: number; p99: number; max: number };
  /** Every single delivery, all clients and events together. */
  deliveryMs: { p50: number; p99: number };
  missed: number;
}

interface Listener {
  close(): void;
  waitFor(marker: string): Promise<number>;
}

/** One SSE client on a raw HTTP connection; resolves each awaited marker with the time it arrived. */
function openListener(url: URL): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const waiting = new Map<string, (at: number) => void>();
    let buffer = "";
    const req = request(url, { headers: { Accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE status ${res.statusCode}`));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        for (const [marker, done] of waiting) {
          if (buffer.includes(marker)) {
            waiting.delete(marker);
            done(at);
          }
        }
        if (buffer.length > 200_000) buffer = buffer.slice(-50_000);
      });
      resolve({
        close: () => req.destroy(),
        waitFor: (marker) => new Promise((done) => waiting.set(marker, done)),
      });
    });
    req.on("error", reject);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] as number) * 10) / 10;
}

/**
 * Connects `clients` SSE listeners, then publishes `events` times through `publish`
 * (which resolves once the write is committed, and writes `marker` into what the
 * event carries), and measures how long each delivery takes.
 */
export async function measureFanout(
  streamUrl: URL,
  clients: number,
  events: number,
  publish: (marker: string) => Promise<void>,
  timeoutMs = 10_000,
): Promise<FanoutResult> {
  const listeners: Listener[] = [];
  for (let i = 0; i < clients; i += 50) {
    listeners.push(
      ...(await Promise.all(Array.from({ length: Math.min(50, clients - i) }, () => openListener(streamUrl)))),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const last: number[] = [];
  const all: number[] = [];
  let missed = 0;
  for (let index = 0; index < events; index++) {
    const marker = `bench-marker-${Date.now()}-${index}`;
    const arrivals = listeners.map((listener) => listener.waitFor(marker));
    await publish(marker);
    const committedAt = performance.now();
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), timeoutMs));
    const times = await Promise.all(arrivals.map((arrival) => Promise.race([arrival, timeout])));
    const delays = times.map((t) => t - committedAt);
    missed += delays.filter(Number.isNaN).length;
    const received = delays.filter((d) => !Number.isNaN(d)).map((d) => Math.max(0, d));
    all.push(...received);
    last.push(Math.max(0, ...received));
  }
  for (const listener of listeners) listener.close();
  last.sort((a, b) => a - b);
  all.sort((a, b) => a - b);
  return {
    clients,
    events,
    lastClientMs: { p50: percentile(last, 50), p99: percentile(last, 99), max: percentile(last, 100) },
    deliveryMs: { p50: percentile(all, 50), p99: percentile(all, 99) },
    missed,
  };
}
