import { describe, expect } from "vitest";
import { MAX_BODY_BYTES } from "../../src/app.js";
import { createTestApp, TEST_ORIGIN } from "../helpers/app.js";
import { test } from "../helpers/context.js";

describe("request id", () => {
  test("ignores a client's X-Request-Id unless TRUST_PROXY is set", async ({ app }) => {
    const response = await app.request("/", { headers: { "X-Request-Id": "forged-id" } });
    expect(response.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("keeps a well-formed id from the trusted proxy, and replaces a malformed one", async ({ db }) => {
    const { app: proxied } = createTestApp(db, { TRUST_PROXY: "true" });
    const kept = await proxied.request("/", { headers: { "X-Request-Id": "01J9Z.fly-req_42" } });
    expect(kept.headers.get("X-Request-Id")).toBe("01J9Z.fly-req_42");
    for (const malformed of ["a".repeat(65), "id with spaces", "id=injected"]) {
      const replaced = await proxied.request("/", { headers: { "X-Request-Id": malformed } });
      expect(replaced.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("security headers", () => {
  test("sends a CSP without inline script and the usual protections", async ({ app }) => {
    const response = await app.request("/");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(response.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("Strict-Transport-Security")).toBeNull();
  });

  test("adds HSTS for a year in production", async ({ database, db }) => {
    const { app: production } = createTestApp(db, {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    const response = await production.request("/");
    expect(response.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("origin check on state-changing requests", () => {
  const crossSite = [
    ["a form", "application/x-www-form-urlencoded", "a=1"],
    ["JSON", "application/json", '{"a":1}'],
    ["text/plain", "text/plain", "a=1"],
    ["no content type", undefined, "a=1"],
  ] as const;

  test.for(crossSite)("refuses a cross-site POST with %s, in French", async ([_label, contentType, body], { app }) => {
    const headers: Record<string, string> = { Origin: "https://evil.example" };
    if (contentType) headers["Content-Type"] = contentType;
    const response = await app.request("/a-propos", { method: "POST", headers, body });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Cette action doit être envoyée depuis une page de Concertation.");
  });

  test("refuses a POST without Origin unless the browser says it is same-origin", async ({ app }) => {
    expect((await app.request("/a-propos", { method: "POST", body: "a=1" })).status).toBe(403);
    const sameSite = await app.request("/a-propos", { method: "POST", headers: { "Sec-Fetch-Site": "same-site" } });
    expect(sameSite.status).toBe(403);
    const sameOrigin = await app.request("/a-propos", { method: "POST", headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(sameOrigin.status).toBe(404);
  });

  test("lets a same-origin POST through to routing", async ({ app }) => {
    const response = await app.request("/a-propos", { method: "POST", headers: { Origin: TEST_ORIGIN } });
    expect(response.status).toBe(404);
  });
});

describe("body size limit", () => {
  test("refuses an oversized chunked body without reading it all", async ({ app }) => {
    const chunk = new Uint8Array(64 * 1024).fill(97);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES * 4) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const init = {
      method: "POST",
      headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half", // required by Node's Request for a streamed body
    } as RequestInit;
    const response = await app.request("/a-propos", init);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Contenu trop volumineux");
  });
});
