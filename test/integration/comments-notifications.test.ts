import type { Kysely } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { sendDailyDigests, unsubscribeToken } from "../../src/features/comments/notifications.service.js";
import { createUser } from "../factories.js";
import { TEST_ORIGIN } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";
import { asWritten } from "../helpers/emails.js";

let keys = 0;
const key = () => `notif${Date.now()}x${++keys}`;

const idFromLocation = (response: Response) => /#c-(\d+)$/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";

async function emailsTo(db: Kysely<Database>, recipient: string) {
  const rows = await db
    .selectFrom("email_outbox")
    .selectAll()
    .where("recipient", "=", recipient)
    .orderBy("id")
    .execute();
  return rows.map(asWritten);
}

describe("notifications", () => {
  test("emails the author of the comment replied to, with a link and a one-click unsubscribe", async ({ db, as }) => {
    const author = await as({ organisation: "apvf", name: "Anne Autrice" });
    const replier = await as({ organisation: "alliance-usagers-soins-proximite", name: "Rémi Répond" });
    const top = idFromLocation(
      await author.post("/propositions/stages/commentaires", {
        cle: key(),
        position: "pour",
        body: "Mon argument",
      }),
    );
    const response = await replier.post(`/commentaires/${top}/repondre`, { cle: key(), body: "Ma réponse" });
    const replyId = idFromLocation(response);
    const [email] = await emailsTo(db, author.user.email);
    expect(email?.subject).toContain("Nouvelle réponse à votre commentaire");
    expect(email?.body_text).toContain("Rémi Répond — Alliance des usagers pour des soins de proximité");
    expect(email?.body_text).toContain(`${TEST_ORIGIN}/commentaires/${replyId}#c-${replyId}`);
    expect(email?.body_text).toMatch(/\/notifications\/desabonnement\?jeton=\d+\.[A-Za-z0-9_-]{43}/);
    expect(await emailsTo(db, replier.user.email)).toEqual([]);
  });

  test("emails the representatives of a mentioned organisation, and the followers of the proposal", async ({
    db,
    as,
  }) => {
    const mentioned = await as("voix-des-patients-territoires");
    const follower = await as("reseau-solidaire-patients-chroniques");
    expect((await follower.post("/propositions/escap/suivre", { suivre: "oui" })).status).toBe(303);
    const writer = await as("apvf");
    await writer.post("/propositions/escap/commentaires", {
      cle: key(),
      position: "nuance",
      body: "Qu'en pense @voix-des-patients-territoires ?",
    });
    expect((await emailsTo(db, mentioned.user.email))[0]?.subject).toContain("Votre organisation est mentionnée");
    expect((await emailsTo(db, follower.user.email))[0]?.subject).toContain("Nouveau commentaire");
    const page = await (await writer.get("/propositions/escap")).text();
    expect(page).toContain('<a href="/organisations/voix-des-patients-territoires" class="mention"');
  });

  test("gathers the « daily » choice into one digest email", async ({ db, as }) => {
    const reader = await as("territoires-en-attente-de-medecin");
    await reader.post("/compte/notifications", { frequence: "daily" });
    await reader.post("/propositions/guichet-unique/suivre", { suivre: "oui" });
    const writer = await as("apvf");
    for (const body of ["Premier du jour", "Second du jour"]) {
      await writer.post("/propositions/guichet-unique/commentaires", { cle: key(), position: "pour", body });
    }
    expect(await emailsTo(db, reader.user.email)).toEqual([]);
    expect(await sendDailyDigests(db, TEST_ORIGIN)).toBeGreaterThanOrEqual(1);
    const digests = await emailsTo(db, reader.user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toContain("2 nouveautés");
    await sendDailyDigests(db, TEST_ORIGIN);
    expect(await emailsTo(db, reader.user.email)).toHaveLength(1);
  });

  test("unsubscribes in one click with a signed link; a forged link does nothing", async ({ db, app }) => {
    const reader = await createUser(db, { organisation: "apvf" });
    const token = await unsubscribeToken(db, reader.id);
    const client = new TestClient(app);
    expect((await client.get(`/notifications/desabonnement?jeton=${token}`)).status).toBe(200);
    const forged = `${reader.id}.${"A".repeat(43)}`;
    expect((await client.post("/notifications/desabonnement", { jeton: forged })).status).toBe(404);
    const other = await createUser(db, {});
    const stolen = `${other.id}.${token.split(".")[1]}`;
    expect((await client.post("/notifications/desabonnement", { jeton: stolen })).status).toBe(404);
    expect((await client.post("/notifications/desabonnement", { jeton: token })).status).toBe(200);
    const setting = await db
      .selectFrom("notification_setting")
      .select("frequency")
      .where("user_id", "=", reader.id)
      .executeTakeFirstOrThrow();
    expect(setting.frequency).toBe("off");
  });
});
