import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { findAuditHead } from "../../src/audit/chain.js";
import { seedDemoAccounts } from "../../src/seed/demo-accounts.js";
import { seedDemoDebate } from "../../src/seed/demo-debate.js";
import { chromiumAvailable, expectNoAxeViolations, watchPage } from "../helpers/browser.js";
import { testSigner } from "../helpers/checkpoints.js";
import { useBrowserJourney } from "../helpers/journey.js";

/** Chromium's output for an A4 page: 595 × 842 points; the dossier's @page margin is 18 mm. */
const MARGIN_PT = (18 / 25.4) * 72;
/** Before the print stylesheet was reworked, the demo's full dossier took this many pages. */
const PAGES_BEFORE = 9;

interface PrintedPage {
  /** The page's text, whitespace collapsed. */
  text: string;
  /** Text printed in the top and bottom margins (the @page margin boxes). */
  margins: string;
  /** How far down the page the lowest line of body text reaches, as a share of the page height. */
  reach: number;
  /** Addresses of the page's link annotations (internal `#` links have none). */
  links: string[];
}

async function readPdf(data: Uint8Array): Promise<PrintedPage[]> {
  const document = await pdfjs.getDocument({ data, useSystemFonts: true }).promise;
  const pages: PrintedPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const height = page.getViewport({ scale: 1 }).height;
    const items = (await page.getTextContent()).items.flatMap((item) =>
      "str" in item && item.str.trim() !== "" ? [{ text: item.str, y: item.transform[5] as number }] : [],
    );
    const inMargin = (y: number) => y < MARGIN_PT || y > height - MARGIN_PT;
    const body = items.filter((item) => !inMargin(item.y));
    const lowest = Math.min(...body.map((item) => item.y));
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string }[];
    pages.push({
      text: collapse(items.map((item) => item.text).join(" ")),
      margins: collapse(
        items
          .filter((item) => inMargin(item.y))
          .map((item) => item.text)
          .join(" "),
      ),
      reach: body.length === 0 ? 0 : (height - lowest) / height,
      links: annotations.flatMap((a) => (a.subtype === "Link" && a.url ? [a.url] : [])),
    });
  }
  await document.destroy();
  return pages;
}

const collapse = (value: string) => value.replace(/\s+/g, " ").trim();
/**
 * For comparing printed text: extraction splits words at line ends and around ligatures (« o ffi ciel »),
 * and uppercase set by the stylesheet comes out uppercase.
 */
const squeeze = (value: string) => value.replace(/\s+/g, "").toLowerCase();

describe.runIf(chromiumAvailable())("the printed dossier", () => {
  const journey = useBrowserJourney();
  // The demo's state: arguments, one vote open, one closed with its 26 ballots and roll-call.
  beforeAll(async () => {
    await seedDemoAccounts(journey.database.db, { nodeEnv: "development" });
    await seedDemoDebate(journey.database.db, { publicOrigin: journey.server.origin, signer: testSigner });
  });

  it("prints to A4 with a cover, numbered contents, page numbers, the journal head and absolute links", async () => {
    // Read through another name of the same server: a link left relative would resolve to it, not
    // to PUBLIC_ORIGIN (the server's 127.0.0.1 address).
    const origin = journey.server.origin;
    const readAt = origin.replace("127.0.0.1", "localhost");
    const head = await findAuditHead(journey.database.db);
    const page = await (await journey.browser.newContext()).newPage();
    const problems = watchPage(page, readAt);
    await page.goto(`${readAt}/dossier`);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: false });
    const pages = await readPdf(new Uint8Array(pdf));
    const count = pages.length;
    expect(count, "fewer pages than the old stylesheet's").toBeLessThan(PAGES_BEFORE);

    // Page 1 is the cover: the coalition, the title, the date, the head of the journal, and the contents.
    const cover = squeeze(pages[0]?.text ?? "");
    for (const line of [
      "Coalition de 35 organisations pour l'accès aux soins",
      "Quatre propositions communes pour l'accès aux soins",
      `Tête du journal d'audit ${head}`,
      `npm run verify -- ${origin}/journal.json`,
      "Sommaire 1 Stages des étudiants en santé 1.1 Texte officiel 1.2 Résultat et vote nominatif",
      "4 Exercice mixte et partage de compétences 4.1 Texte officiel",
      "4.4 Arguments clés",
    ]) {
      expect(cover).toContain(squeeze(line));
    }
    expect(pages[0]?.text).toMatch(/Document établi le \d{1,2} \S+ \d{4} à \d{2}:\d{2}/);

    pages.forEach((printed, index) => {
      const label = `page ${index + 1} of ${count}`;
      expect(printed.margins, label).toContain(`${index + 1} / ${count}`);
      expect(squeeze(printed.margins), label).toContain(head);
      // Only the last page may be less than a third full.
      if (index < count - 1) expect(printed.reach, label).toBeGreaterThanOrEqual(1 / 3);
    });
    // The running title on every page but the cover.
    expect(pages[0]?.margins).not.toContain("Concertation — Dossier public");
    expect(pages[1]?.margins).toContain("Concertation — Dossier public");

    // Every link leads to the public origin, and every address printed on paper is absolute.
    const links = pages.flatMap((printed) => printed.links);
    expect(links.length).toBeGreaterThan(35);
    for (const link of links) expect(link.startsWith(`${origin}/`), link).toBe(true);
    const printedAddresses = pages.flatMap(
      (printed) => printed.text.match(/https?:\/\/[^\s()]+|(?<![\w.:/])\/[a-z][\w./-]*/g) ?? [],
    );
    expect(printedAddresses).toContain(`${origin}/propositions/stages`);
    for (const address of printedAddresses) expect(address.startsWith(origin), address).toBe(true);
    expect(problems).toEqual([]);
  });

  it("serves the margins' stylesheet only for a head the journal has had, cached for good", async () => {
    const head = await findAuditHead(journey.database.db);
    const response = await fetch(`${journey.server.origin}/dossier/marges.css?tete=${head}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/css");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(await response.text()).toContain(`"Journal d'audit, tête : ${head}"`);
    for (const query of ["", "?tete=abc", `?tete=${"f".repeat(64)}`, `?tete=${head}%22%7D`]) {
      expect((await fetch(`${journey.server.origin}/dossier/marges.css${query}`)).status, query).toBe(404);
    }
  });

  // The result tables' own reflow is the results view's; here, the cover and the contents.
  it.each([360, 1366])("reads well on screen at %i px: cover and contents fit, zero axe violations", async (width) => {
    const page = await journey.browser.newPage({ viewport: { width, height: 900 } });
    const problems = watchPage(page, journey.server.origin);
    await page.goto(`${journey.server.origin}/dossier`);
    await page
      .getByRole("navigation", { name: "Sommaire" })
      .getByRole("link", { name: "4.2 Résultat et vote nominatif" })
      .click();
    expect(new URL(page.url()).hash).toBe("#proposition-exercice-mixte-resultat");
    const widest = await page.evaluate(() =>
      Math.max(
        ...Array.from(document.querySelectorAll(".dossier-cover *, .dossier-contents *")).map(
          (e) => e.getBoundingClientRect().right,
        ),
      ),
    );
    expect(widest).toBeLessThanOrEqual(width);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
});
