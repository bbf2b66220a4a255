import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDailyDigests, unsubscribeToken } from "../../src/features/comments/notifications.service.js";
import { createUser } from "../factories.js";
import { createTestApp, TEST_ORIGIN } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { asWritten } from "../helpers/emails.js";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>["app"];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = createTestApp(database.db));
});
afterAll(() => database.destroy());

let keys = 0;
const key = () => `notif${Date.now()}x${++keys}`;

async function signedIn(organisation: string, name?: string) {
  const user = await createUser(database.db, { organisation, name });
  const client = new TestClient(app);
  await client.signIn(user);
  return { user, client };
}

const idFromLocation = (response: Response) => /#c-(\d+)$/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";

async function emailsTo(recipient: string) {
  const rows = await database.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("recipient", "=", recipient)
    .orderBy("id")
    .execute();
  return rows.map(asWritten);
}

describe("notifications", () => {
  it("emails the author of the comment replied to, with a link and a one-click unsubscribe", async () => {
    const author = await signedIn("apvf", "Anne Autrice");
    const replier = await signedIn("alliance-usagers-soins-proximite", "Rémi Répond");
    const top = idFromLocation(
      await author.client.post("/propositions/stages/commentaires", {
        cle: key(),
        position: "pour",
        body: "Mon argument",
      }),
    );
    const response = await replier.client.post(`/commentaires/${top}/repondre`, { cle: key(), body: "Ma réponse" });
    const replyId = idFromLocation(response);
    const [email] = await emailsTo(author.user.email);
    expect(email?.subject).toContain("Nouvelle réponse à votre commentaire");
    expect(email?.body_text).toContain("Rémi Répond — Alliance des usagers pour des soins de proximité");
    expect(email?.body_text).toContain(`${TEST_ORIGIN}/commentaires/${replyId}#c-${replyId}`);
    expect(email?.body_text).toMatch(/\/notifications\/desabonnement\?jeton=\d+\.[A-Za-z0-9_-]{43}/);
    expect(await emailsTo(replier.user.email)).toEqual([]);
  });

  it("emails the representatives of a mentioned organisation, and the followers of the proposal", async () => {
    const mentioned = await signedIn("voix-des-patients-territoires");
    const follower = await signedIn("reseau-solidaire-patients-chroniques");
    expect((await follower.client.post("/propositions/escap/suivre", { suivre: "oui" })).status).toBe(303);
    const writer = await signedIn("apvf");
    await writer.client.post("/propositions/escap/commentaires", {
      cle: key(),
      position: "nuance",
      body: "Qu'en pense @voix-des-patients-territoires ?",
    });
    expect((await emailsTo(mentioned.user.email))[0]?.subject).toContain("Votre organisation est mentionnée");
    expect((await emailsTo(follower.user.email))[0]?.subject).toContain("Nouveau commentaire");
    const page = await (await writer.client.get("/propositions/escap")).text();
    expect(page).toContain('<a href="/organisations/voix-des-patients-territoires" class="mention"');
  });

  it("gathers the « daily » choice into one digest email", async () => {
    const reader = await signedIn("territoires-en-attente-de-medecin");
    await reader.client.post("/compte/notifications", { frequence: "daily" });
    await reader.client.post("/propositions/guichet-unique/suivre", { suivre: "oui" });
    const writer = await signedIn("apvf");
    for (const body of ["Premier du jour", "Second du jour"]) {
      await writer.client.post("/propositions/guichet-unique/commentaires", { cle: key(), position: "pour", body });
    }
    expect(await emailsTo(reader.user.email)).toEqual([]);
    expect(await sendDailyDigests(database.db, TEST_ORIGIN)).toBeGreaterThanOrEqual(1);
    const digests = await emailsTo(reader.user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toContain("2 nouveautés");
    await sendDailyDigests(database.db, TEST_ORIGIN);
    expect(await emailsTo(reader.user.email)).toHaveLength(1);
  });

  it("unsubscribes in one click with a signed link; a forged link does nothing", async () => {
    const reader = await createUser(database.db, { organisation: "apvf" });
    const token = await unsubscribeToken(database.db, reader.id);
    const client = new TestClient(app);
    expect((await client.get(`/notifications/desabonnement?jeton=${token}`)).status).toBe(200);
    const forged = `${reader.id}.${"A".repeat(43)}`;
    expect((await client.post("/notifications/desabonnement", { jeton: forged })).status).toBe(404);
    const other = await createUser(database.db, {});
    const stolen = `${other.id}.${token.split(".")[1]}`;
    expect((await client.post("/notifications/desabonnement", { jeton: stolen })).status).toBe(404);
    expect((await client.post("/notifications/desabonnement", { jeton: token })).status).toBe(200);
    const setting = await database.db
      .selectFrom("notification_setting")
      .select("frequency")
      .where("user_id", "=", reader.id)
      .executeTakeFirstOrThrow();
    expect(setting.frequency).toBe("off");
  });
});
