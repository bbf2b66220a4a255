import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_LEGAL_DETAILS, demoLegalSettings, loadConfig } from "../../src/platform/config.js";
import { TEST_CHECKPOINT_KEY_PEM } from "../helpers/checkpoints.js";

describe("loadConfig", () => {
  it("applies documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: "development",
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: ".data",
      publicOrigin: "http://localhost:3000",
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("gives the legal pages demo values that say so, and takes a deployment's own", () => {
    const demo = loadConfig({});
    expect(demo).toMatchObject(DEMO_LEGAL_DETAILS);
    for (const value of [demo.publisherName, demo.publisherAddress, demo.publicationDirector, demo.hostingProvider]) {
      expect(value).toContain("démonstration");
    }
    expect(demo.contactEmail).toMatch(/@demo\.concertation\.localhost$/);
    const own = loadConfig({
      PUBLISHER_NAME: " Association Exemple ",
      PUBLISHER_ADDRESS: "1 rue de l'Exemple, 75001 Paris",
      PUBLICATION_DIRECTOR: "Camille Martin",
      CONTACT_EMAIL: "secretariat@exemple.fr",
      HOSTING_PROVIDER: "Hébergeur Exemple, 2 rue de l'Hôte, 59000 Lille, 01 23 45 67 89",
    });
    expect(demoLegalSettings(demo)).toEqual([
      "PUBLISHER_NAME",
      "PUBLISHER_ADDRESS",
      "PUBLICATION_DIRECTOR",
      "CONTACT_EMAIL",
      "HOSTING_PROVIDER",
    ]);
    expect(demoLegalSettings(own)).toEqual([]);
    expect(demoLegalSettings(loadConfig({ CONTACT_EMAIL: "secretariat@exemple.fr" }))).not.toContain("CONTACT_EMAIL");
    expect(own).toMatchObject({
      publisherName: "Association Exemple",
      publicationDirector: "Camille Martin",
      contactEmail: "secretariat@exemple.fr",
    });
  });

  it("derives the public origin from PORT and normalises an explicit one", () => {
    expect(loadConfig({ PORT: "8080" }).publicOrigin).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_ORIGIN: "https://concertation.example.org/" }).publicOrigin).toBe(
      "https://concertation.example.org",
    );
  });

  it("logs readable lines in development and JSON elsewhere, unless LOG_FORMAT says otherwise", () => {
    expect(loadConfig({}).logFormat).toBe("pretty");
    expect(loadConfig({ NODE_ENV: "test" }).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(() => loadConfig({ LOG_FORMAT: "xml" })).toThrow("la variable LOG_FORMAT doit valoir json ou pretty");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it("bounds how long a client may take to send its headers and its request", () => {
    expect(loadConfig({})).toMatchObject({ httpHeadersTimeoutMs: 10_000, httpRequestTimeoutMs: 20_000 });
    // Node refuses a headers timeout longer than the request timeout.
    expect(loadConfig({ HTTP_HEADERS_TIMEOUT_MS: "30000", HTTP_REQUEST_TIMEOUT_MS: "5000" }).httpHeadersTimeoutMs).toBe(
      5000,
    );
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "0" })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
  });

  it("requires DATABASE_URL, SMTP_URL and PUBLIC_ORIGIN in production", () => {
    expect(() =>
      loadConfig({ NODE_ENV: "production", PUBLIC_ORIGIN: "https://c.example", SMTP_URL: "smtp://h:25" }),
    ).toThrow(/DATABASE_URL est obligatoire en production/);
    expect(() =>
      loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db", SMTP_URL: "smtp://h:25" }),
    ).toThrow(/PUBLIC_ORIGIN est obligatoire en production/);
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u@h/db",
      PUBLIC_ORIGIN: "https://c.example",
      SMTP_URL: "smtp://h:25",
      CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY_PEM,
    });
    expect(config.publicOrigin).toBe("https://c.example");
    expect(() =>
      loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db", PUBLIC_ORIGIN: "https://c.example" }),
    ).toThrow(/SMTP_URL est obligatoire en production/);
  });

  it("requires the checkpoint signing key in production, refuses a bad one and never echoes it", () => {
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u@h/db",
      PUBLIC_ORIGIN: "https://c.example",
      SMTP_URL: "smtp://h:25",
    };
    expect(() => loadConfig(production)).toThrow(/CHECKPOINT_SIGNING_KEY est obligatoire en production/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" });
    for (const bad of ["pas une clé", String(rsa)]) {
      const attempt = () => loadConfig({ ...production, CHECKPOINT_SIGNING_KEY: bad });
      expect(attempt).toThrow(/CHECKPOINT_SIGNING_KEY doit être une clé privée Ed25519/);
      expect(attempt).not.toThrow(bad.slice(0, 20));
    }
    const oneLine = TEST_CHECKPOINT_KEY_PEM.replace(/-----[A-Z ]+-----|\s/g, "");
    expect(loadConfig({ ...production, CHECKPOINT_SIGNING_KEY: oneLine }).checkpointSigningKey).toBe(oneLine);
  });

  it.each([
    ["PORT", "abc", /PORT doit être un nombre entier/],
    ["PORT", "70000", /PORT doit être compris entre 1 et 65535/],
    ["NODE_ENV", "staging", /NODE_ENV doit valoir development, production ou test/],
    ["DATABASE_URL", "mysql://localhost/db", /DATABASE_URL doit être une URL postgres/],
    ["PUBLIC_ORIGIN", "concertation.fr", /PUBLIC_ORIGIN doit être une origine/],
    ["DATA_DIR", "  ", /DATA_DIR ne doit pas être vide/],
    ["CONTACT_EMAIL", "secretariat", /CONTACT_EMAIL doit être une adresse/],
    ["CONTACT_EMAIL", "a@b.fr\r\nBcc: c@d.fr", /CONTACT_EMAIL doit être une adresse/],
    ["PUBLISHER_NAME", "Éditeur\nDeuxième ligne", /PUBLISHER_NAME doit tenir sur une ligne/],
    ["HOSTING_PROVIDER", "x".repeat(301), /HOSTING_PROVIDER doit faire au plus 300 caractères/],
  ])("refuses %s=%s with one French sentence naming it", (variable, value, message) => {
    const attempt = () => loadConfig({ [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });
});
