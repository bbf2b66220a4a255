/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { ecoindexGrade, ecoindexScore } from "./ecoindex.js";

export interface PageMetrics {
  name: string;
  path: string;
  transferKb: number;
  requests: number;
  domNodes: number;
  ecoindex: number;
  grade: string;
}

/** Loads a page in a fresh Chromium context (empty cache) and measures what Ecoindex uses. */
export async function measurePage(
  browser: Browser,
  origin: string,
  name: string,
  path: string,
  cookie?: string,
): Promise<PageMetrics> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  if (cookie) {
    const [cookieName = "", value = ""] = cookie.split("=");
    await context.addCookies([{ name: cookieName, value, url: origin }]);
  }
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: "load" });
  await page.waitForTimeout(500);
  const measured = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const entries = [...navigation, ...resources];
    const bytes = entries.reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize), 0);
    return { bytes, requests: entries.length, domNodes: document.getElementsByTagName("*").length };
  });
  await context.close();
  const transferKb = Math.round((measured.bytes / 1024) * 10) / 10;
  const score = ecoindexScore(measured.domNodes, measured.requests, transferKb);
  return {
    name,
    path,
    transferKb,
    requests: measured.requests,
    domNodes: measured.domNodes,
    ecoindex: score,
    grade: ecoindexGrade(score),
  };
}
