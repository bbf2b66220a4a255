import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser journeys need Debian's Chromium. Locally they may skip, loudly;
 * on CI (CI=true) a missing browser is a failure, never a silent skip.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium introuvable à ${CHROMIUM_PATH} : la CI doit l'installer.`);
  process.stderr.write(
    `\n!!! Tests navigateur IGNORÉS : Chromium introuvable à ${CHROMIUM_PATH} (apt-get install chromium, ou CHROMIUM_PATH=...) !!!\n\n`,
  );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Runs axe-core in the page, with the page's own CSP in force; one line per violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run();
    return result.violations as { id: string; help: string; nodes: { target: string[] }[] }[];
  });
  return violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects console errors (CSP violations show there) and requests leaving our origin. */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(origin)) problems.push(`third-party request: ${request.url()}`);
  });
  return problems;
}

/**
 * Opens a header menu (a <details>) by its summary's accessible name, as a person does: « Menu »
 * below 1024 px, « Menu de <name> » for the signed-in person's own links. Links inside a closed
 * menu are neither visible nor clickable.
 */
export async function openMenu(page: Page, name: string | RegExp): Promise<void> {
  const summary = page.locator("summary").filter({ hasText: name });
  await summary.click();
  await expect.poll(() => summary.evaluate((element) => element.parentElement?.hasAttribute("open"))).toBe(true);
}
