import { z } from "zod";
import { parsePrivateKey } from "./ed25519.js";

/**
 * The only reader of process.env. Everything else receives a frozen Config.
 * Invalid values stop the start with one French sentence naming the variable.
 */
export type NodeEnv = "development" | "production" | "test";

export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly publicOrigin: string;
  readonly embeddedPostgresPort: number;
  readonly statementTimeoutMs: number;
  readonly databasePoolSize: number;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** `pretty`: one readable line per event, for a person at a terminal (development); `json`: one JSON object per line. */
  readonly logFormat: "json" | "pretty";
  readonly shutdownTimeoutMs: number;
  /** A client that has not sent its whole request line and headers by then gets a 408 and is cut. */
  readonly httpHeadersTimeoutMs: number;
  /** Same for the whole request, body included (lying Content-Length, stalled upload); responses are not bounded. */
  readonly httpRequestTimeoutMs: number;
  /** smtp(s)://user:pass@host:port — unset: emails are only logged and shown at /dev/courriels (not in production). */
  readonly smtpUrl: string | undefined;
  readonly emailFrom: string;
  readonly emailPollIntervalMs: number;
  readonly sessionInactivityMs: number;
  readonly sessionAbsoluteMs: number;
  /** Trust Fly-Client-IP / X-Forwarded-For for the client address (only behind a proxy that sets them). */
  readonly trustProxy: boolean;
  /** How long an anonymous page may be served from memory at most (0 = no page cache). */
  readonly pageCacheMs: number;
  /** Ed25519 private key (PEM) signing the journal's checkpoints; required in production, else kept in DATA_DIR. */
  readonly checkpointSigningKey: string | undefined;
  /** Who publishes the site, as the legal notice (/mentions-legales) names them. */
  readonly publisherName: string;
  readonly publisherAddress: string;
  readonly publicationDirector: string;
  /** Where visitors write (secretariat, moderation, accessibility, personal data): shown on /contact. */
  readonly contactEmail: string;
  /** Who hosts the site: name, address and telephone, as the legal notice must give them. */
  readonly hostingProvider: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const port = (fallback: number) =>
  z.coerce
    .number({ error: "doit être un nombre entier" })
    .int("doit être un nombre entier")
    .min(1, "doit être compris entre 1 et 65535")
    .max(65535, "doit être compris entre 1 et 65535")
    .default(fallback);

const positiveInt = (fallback: number, max: number) =>
  z.coerce
    .number({ error: "doit être un nombre entier" })
    .int("doit être un nombre entier")
    .min(1, `doit être compris entre 1 et ${max}`)
    .max(max, `doit être compris entre 1 et ${max}`)
    .default(fallback);

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value) && URL.canParse(value), {
    message: "doit être une URL postgres://utilisateur@hôte:port/base",
  });

const origin = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: "doit être une origine http(s)://hôte[:port]",
  })
  .transform((value) => new URL(value).origin);

/** A line shown on the legal pages: one line of text, bounded. */
const legalLine = (fallback: string) =>
  z
    .string()
    .trim()
    .min(1, "ne doit pas être vide")
    .max(300, "doit faire au plus 300 caractères")
    .regex(/^[^\p{Cc}]*$/u, "doit tenir sur une ligne, sans caractère de contrôle")
    .default(fallback);

/** Demo values, saying so: a real deployment sets its own (README, « Configuration »). */
export const DEMO_LEGAL_DETAILS = {
  publisherName: "Coalition pour l'accès aux soins (éditeur de démonstration)",
  publisherAddress: "Adresse de l'éditeur à renseigner (valeur de démonstration)",
  publicationDirector: "Directrice ou directeur de la publication à renseigner (valeur de démonstration)",
  contactEmail: "contact@demo.concertation.localhost",
  hostingProvider:
    "Fly.io, Inc., https://fly.io, région de Paris (cdg) — valeur de démonstration : indiquez l'adresse et le téléphone de l'hébergeur",
} as const;

const envSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], {
      error: "doit valoir development, production ou test",
    })
    .default("development"),
  PORT: port(3000),
  HOST: z.string().trim().min(1, "ne doit pas être vide").optional(),
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  DATA_DIR: z.string().trim().min(1, "ne doit pas être vide").default(".data"),
  PUBLIC_ORIGIN: z.preprocess(emptyToUndefined, origin.optional()),
  EMBEDDED_PG_PORT: port(54329),
  DB_STATEMENT_TIMEOUT_MS: positiveInt(5000, 600_000),
  DB_POOL_SIZE: positiveInt(10, 200),
  SHUTDOWN_TIMEOUT_MS: positiveInt(4500, 60_000),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt(10_000, 600_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(20_000, 600_000),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((value) => /^smtps?:\/\/.+/.test(value) && URL.canParse(value), {
        message: "doit être une URL smtp://utilisateur:motdepasse@hôte:port",
      })
      .optional(),
  ),
  EMAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>]+<)?[^@\s<>]+@[^@\s<>]+>?$/, "doit être une adresse, ex. Concertation <ne-pas-repondre@exemple.fr>")
    .default("Concertation <ne-pas-repondre@concertation.localhost>"),
  EMAIL_POLL_INTERVAL_MS: positiveInt(2000, 600_000),
  SESSION_INACTIVITY_DAYS: positiveInt(7, 365),
  SESSION_ABSOLUTE_DAYS: positiveInt(30, 365),
  PAGE_CACHE_MS: z.coerce
    .number({ error: "doit être un nombre entier" })
    .int("doit être un nombre entier")
    .min(0, "doit être compris entre 0 et 60000")
    .max(60_000, "doit être compris entre 0 et 60000")
    .default(5000),
  CHECKPOINT_SIGNING_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((value) => parsePrivateKey(value) !== undefined, {
        message: "doit être une clé privée Ed25519 (PEM PKCS#8, ou son contenu base64 sur une ligne)",
      })
      .optional(),
  ),
  PUBLISHER_NAME: legalLine(DEMO_LEGAL_DETAILS.publisherName),
  PUBLISHER_ADDRESS: legalLine(DEMO_LEGAL_DETAILS.publisherAddress),
  PUBLICATION_DIRECTOR: legalLine(DEMO_LEGAL_DETAILS.publicationDirector),
  CONTACT_EMAIL: z
    .string()
    .trim()
    .max(254, "doit être une adresse, ex. secretariat@exemple.fr")
    .regex(/^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;".]+$/, "doit être une adresse, ex. secretariat@exemple.fr")
    .default(DEMO_LEGAL_DETAILS.contactEmail),
  HOSTING_PROVIDER: legalLine(DEMO_LEGAL_DETAILS.hostingProvider),
  TRUST_PROXY: z.enum(["true", "false"], { error: "doit valoir true ou false" }).default("false"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "doit valoir fatal, error, warn, info, debug, trace ou silent",
    })
    .optional(),
  LOG_FORMAT: z.enum(["json", "pretty"], { error: "doit valoir json ou pretty" }).optional(),
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** A secret is never echoed back in an error. */
const SECRET_VARIABLES = new Set(["CHECKPOINT_SIGNING_KEY", "SMTP_URL", "DATABASE_URL"]);

function shown(variable: string, value: string | undefined): string {
  if (SECRET_VARIABLES.has(variable) && value) return "(masquée)";
  return JSON.stringify(value ?? "");
}

function emptyToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "?");
    throw new ConfigError(
      `Configuration invalide : la variable ${variable} ${issue?.message ?? "est invalide"} (valeur reçue : ${shown(variable, env[variable])}).`,
    );
  }
  const values = parsed.data;
  if (values.NODE_ENV === "production") requireInProduction(values);
  return Object.freeze({
    nodeEnv: values.NODE_ENV,
    port: values.PORT,
    // Outside production, listen on loopback only: the dev mailbox shows sign-in links.
    host: values.HOST ?? (values.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1"),
    databaseUrl: values.DATABASE_URL,
    dataDir: values.DATA_DIR,
    publicOrigin: values.PUBLIC_ORIGIN ?? `http://localhost:${values.PORT}`,
    embeddedPostgresPort: values.EMBEDDED_PG_PORT,
    statementTimeoutMs: values.DB_STATEMENT_TIMEOUT_MS,
    databasePoolSize: values.DB_POOL_SIZE,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    httpHeadersTimeoutMs: Math.min(values.HTTP_HEADERS_TIMEOUT_MS, values.HTTP_REQUEST_TIMEOUT_MS),
    httpRequestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS,
    logLevel: values.LOG_LEVEL ?? defaultLogLevel(values.NODE_ENV),
    logFormat: values.LOG_FORMAT ?? (values.NODE_ENV === "development" ? "pretty" : "json"),
    smtpUrl: values.SMTP_URL,
    emailFrom: values.EMAIL_FROM,
    emailPollIntervalMs: values.EMAIL_POLL_INTERVAL_MS,
    sessionInactivityMs: values.SESSION_INACTIVITY_DAYS * DAY_MS,
    sessionAbsoluteMs: values.SESSION_ABSOLUTE_DAYS * DAY_MS,
    trustProxy: values.TRUST_PROXY === "true",
    pageCacheMs: values.PAGE_CACHE_MS,
    checkpointSigningKey: values.CHECKPOINT_SIGNING_KEY,
    publisherName: values.PUBLISHER_NAME,
    publisherAddress: values.PUBLISHER_ADDRESS,
    publicationDirector: values.PUBLICATION_DIRECTOR,
    contactEmail: values.CONTACT_EMAIL,
    hostingProvider: values.HOSTING_PROVIDER,
  });
}

/** Production never starts an embedded database and never guesses its public origin (the CSRF check relies on it). */
function requireInProduction(values: z.infer<typeof envSchema>): void {
  if (!values.DATABASE_URL) {
    throw new ConfigError("Configuration invalide : la variable DATABASE_URL est obligatoire en production.");
  }
  if (!values.SMTP_URL) {
    throw new ConfigError(
      "Configuration invalide : la variable SMTP_URL est obligatoire en production (courriels d'invitation).",
    );
  }
  if (!values.PUBLIC_ORIGIN) {
    throw new ConfigError(
      "Configuration invalide : la variable PUBLIC_ORIGIN est obligatoire en production (ex. https://concertation.example.org).",
    );
  }
  if (!values.CHECKPOINT_SIGNING_KEY) {
    throw new ConfigError(
      "Configuration invalide : la variable CHECKPOINT_SIGNING_KEY est obligatoire en production (clé Ed25519 des points de contrôle du journal, créée par « openssl genpkey -algorithm ed25519 »).",
    );
  }
}

function defaultLogLevel(nodeEnv: NodeEnv): Config["logLevel"] {
  return nodeEnv === "test" ? "silent" : "info";
}

/** The legal-page settings still at their demo values (a production deployment should set every one). */
export function demoLegalSettings(config: Config): string[] {
  const variables = {
    publisherName: "PUBLISHER_NAME",
    publisherAddress: "PUBLISHER_ADDRESS",
    publicationDirector: "PUBLICATION_DIRECTOR",
    contactEmail: "CONTACT_EMAIL",
    hostingProvider: "HOSTING_PROVIDER",
  } as const;
  return Object.entries(variables)
    .filter(([key]) => config[key as keyof typeof variables] === DEMO_LEGAL_DETAILS[key as keyof typeof variables])
    .map(([, variable]) => variable);
}

export const isProduction = (config: Config): boolean => config.nodeEnv === "production";
