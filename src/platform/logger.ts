import { type DestinationStream, type Logger, pino } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config.js";

export type { Logger };

type LoggerConfig = Pick<Config, "logLevel"> & Partial<Pick<Config, "logFormat">>;

/**
 * Structured logs on stdout, one event per line, request id attached by the request middleware:
 * JSON in production and tests, readable lines in development (`logFormat`, pino-pretty, written
 * synchronously so nothing is lost at exit). `destination` lets tests read the very lines
 * production would write.
 */
export function createLogger(config: LoggerConfig, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: "concertation" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.cookie", "req.headers.authorization"], remove: true },
  };
  if (destination) return pino(options, destination);
  if (config.logFormat === "pretty") return pino(options, readableLines(process.stdout));
  return pino(options);
}

/** The request line in words (« GET /propositions/stages → 200 (12 ms) »), anything else inline after its message. */
export function readableLines(output: NodeJS.WritableStream & { isTTY?: boolean }): DestinationStream {
  return pretty({
    destination: output,
    sync: true,
    colorize: Boolean(output.isTTY),
    translateTime: "SYS:HH:MM:ss",
    singleLine: true,
    ignore: "pid,hostname,service,requestId,method,path,status,durationMs",
    messageFormat: (log, messageKey) =>
      typeof log.method === "string" && typeof log.path === "string"
        ? `${log.method} ${log.path} → ${String(log.status)} (${String(log.durationMs)} ms)`
        : String(log[messageKey] ?? ""),
  });
}
