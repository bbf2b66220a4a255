import pg from "pg";
import type { Logger } from "../platform/logger.js";
import { LIVE_CHANNEL } from "./live.queries.js";

/** What a NOTIFY carries: enough to find the event row; the row itself is read from the database. */
export interface LiveNotice {
  id: string;
  kind: string;
  proposalId: string;
}

/**
 * A listener is called with a notice, or with null when notices may have been
 * missed (the LISTEN connection was lost and is back): it should catch up from the database.
 */
export type LiveListener = (notice: LiveNotice | null) => void;

export interface LiveBroker {
  /** Returns the function that unsubscribes. */
  subscribe(proposalId: string, listener: LiveListener): () => void;
  /** Called when the broker stops (shutdown): open streams end. */
  onClose(listener: () => void): () => void;
  /** Every notice, whatever the proposal (the public page cache forgets its pages on each). */
  onAnyNotice(listener: LiveListener): () => void;
}

export interface RunningBroker extends LiveBroker {
  /** Resolves once LISTEN is in place (tests wait for it). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface BrokerOptions {
  /** A direct connection string (never a transaction pooler: LISTEN needs a session). */
  connectionString: string;
  logger: Logger;
  reconnectDelayMs?: number;
}

const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * One dedicated LISTEN connection per instance. It reconnects with backoff,
 * LISTENs again, and tells every subscriber to catch up from the database, so an
 * outage costs a delay, never a lost event.
 */
export function startLiveBroker(options: BrokerOptions): RunningBroker {
  return new ListenConnection(options);
}

class ListenConnection implements RunningBroker {
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly closeListeners = new Set<() => void>();
  private readonly anyListeners = new Set<LiveListener>();
  private readonly log: Logger;
  private client: pg.Client | undefined;
  private stopped = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: BrokerOptions) {
    this.log = options.logger.child({ component: "live-broker" });
    this.ready = new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
    void this.connect();
  }

  subscribe(proposalId: string, listener: LiveListener): () => void {
    const set = this.listeners.get(proposalId) ?? new Set();
    set.add(listener);
    this.listeners.set(proposalId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(proposalId);
    };
  }

  onAnyNotice(listener: LiveListener): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const listener of this.closeListeners) listener();
    await this.client?.end().catch(() => undefined);
  }

  private dispatch(proposalId: string | undefined, notice: LiveNotice | null): void {
    const sets = proposalId
      ? [this.listeners.get(proposalId) ?? new Set<LiveListener>()]
      : [...this.listeners.values()];
    for (const set of sets) for (const listener of set) listener(notice);
    for (const listener of this.anyListeners) listener(notice);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: "concertation-live",
    });
    this.watch(client);
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      this.log.warn({ err: error, attempt: this.attempt }, "LISTEN impossible, nouvel essai");
      await client.end().catch(() => undefined);
      return this.scheduleReconnect();
    }
    if (this.stopped) return void (await client.end().catch(() => undefined));
    this.client = client;
    // Back after an outage: whatever was notified meanwhile is in live_event; streams read it.
    if (this.attempt > 0) this.dispatch(undefined, null);
    this.attempt = 0;
    this.markReady();
  }

  private watch(client: pg.Client): void {
    client.on("notification", (message) => {
      const notice = parseNotice(message.payload);
      if (notice) this.dispatch(notice.proposalId, notice);
    });
    client.on("error", (error) => {
      this.log.warn({ err: error }, "connexion LISTEN perdue");
      void client.end().catch(() => undefined);
    });
    client.on("end", () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.timer) return;
    const delay = Math.min((this.options.reconnectDelayMs ?? 500) * 2 ** this.attempt, MAX_RECONNECT_DELAY_MS);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay);
    this.timer.unref();
  }
}

function parseNotice(payload: string | undefined): LiveNotice | null {
  try {
    const value = JSON.parse(payload ?? "") as Partial<LiveNotice>;
    if (typeof value.id === "string" && typeof value.proposalId === "string" && typeof value.kind === "string") {
      return { id: value.id, kind: value.kind, proposalId: value.proposalId };
    }
  } catch {
    // A payload that is not ours: ignore it.
  }
  return null;
}
