import type { Hono } from "hono";
import { type TestUser, unspentTotp } from "../factories.js";
import { TEST_ORIGIN } from "./app.js";

/**
 * A browser-like client over app.request(): keeps cookies, sends our Origin on
 * POSTs, never follows redirects (tests look at them).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: Hono<any>) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.remember(await this.app.request(path, { headers: { ...this.cookieHeader(), ...headers } }));
  }

  async post(path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.remember(
      await this.app.request(path, {
        method: "POST",
        body: new URLSearchParams(form),
        headers: {
          Origin: TEST_ORIGIN,
          "Content-Type": "application/x-www-form-urlencoded",
          ...this.cookieHeader(),
          ...headers,
        },
      }),
    );
  }

  /** A multipart POST (a file upload), the boundary chosen by FormData. */
  async postMultipart(path: string, form: FormData): Promise<Response> {
    return this.remember(
      await this.app.request(path, {
        method: "POST",
        body: form,
        headers: { Origin: TEST_ORIGIN, ...this.cookieHeader() },
      }),
    );
  }

  /** Signs in with the password, then the TOTP code when the account has one. */
  async signIn(user: TestUser): Promise<void> {
    const response = await this.post("/connexion", { email: user.email, password: user.password });
    if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
    if (user.totpKey) {
      const verified = await this.post("/connexion/verification", { code: unspentTotp(user.totpKey) });
      if (verified.status !== 303) throw new Error(`second factor failed: ${verified.status}`);
    }
  }

  sessionToken(): string | undefined {
    return this.cookies.get("session");
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
  }

  private remember(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
    return response;
  }
}
