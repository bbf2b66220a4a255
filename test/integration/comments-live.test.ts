import { sql } from "kysely";
import { describe, expect } from "vitest";
import { readUntil, withInstances } from "../helpers/live.js";

const test = withInstances();

let keys = 0;
const key = () => `live${Date.now()}x${++keys}`;

describe("live debate across instances", () => {
  test("a comment posted through instance A reaches an SSE client of instance B, with an event id", async ({
    a,
    b,
    as,
  }) => {
    const stream = await b.app.request("/propositions/stages/direct");
    expect(stream.status).toBe(200);
    expect(stream.headers.get("Content-Type")).toContain("text/event-stream");
    const poster = await as("apvf", { app: a.app });
    const posted = await poster.post("/propositions/stages/commentaires", {
      cle: key(),
      position: "contre",
      body: "Arrive en direct sur B",
    });
    expect(posted.status).toBe(303);
    const text = await readUntil(stream, (t) => t.includes("Arrive en direct sur B") && /\nid: \d+/.test(t));
    expect(text).toContain('hx-swap-oob="upsert sort:desc"');
    expect(text).toContain("Nouveau commentaire de");
  });

  test("edits, supports and tombstones arrive too, and missed events are replayed after Last-Event-ID", async ({
    a,
    b,
    db,
    as,
  }) => {
    const poster = await as("apvf", { app: a.app });
    const supporter = await as("alliance-usagers-soins-proximite", { app: a.app });
    const posted = await poster.post("/propositions/escap/commentaires", {
      cle: key(),
      position: "pour",
      body: "Version 1",
    });
    const id = /#c-(\d+)$/.exec(posted.headers.get("Location") ?? "")?.[1] ?? "";
    const before = await db
      .selectFrom("live_event")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    // Nobody is connected while these happen.
    await poster.post(`/commentaires/${id}/modifier`, { body: "Version 2" });
    await supporter.post(`/commentaires/${id}/soutien`);
    await poster.post(`/commentaires/${id}/supprimer`);
    const resumed = await b.app.request("/propositions/escap/direct", {
      headers: { "Last-Event-ID": String(before.id) },
    });
    const text = await readUntil(resumed, (t) => (t.match(/\nid: \d+/g) ?? []).length >= 3);
    const ids = [...text.matchAll(/\nid: (\d+)/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(ids.every((n) => n > Number(before.id))).toBe(true);
    expect(text).toContain(`<article id="c-${id}-contenu"`);
    expect(text).toContain('hx-swap-oob="outerMorph"');
    expect(text).toContain("supprimé par son auteur");
  });

  test("shows only what a visitor may see: no action buttons in a visitor's stream", async ({ a, b, as }) => {
    const stream = await b.app.request("/propositions/guichet-unique/direct");
    const poster = await as("apvf", { app: a.app });
    await poster.post("/propositions/guichet-unique/commentaires", {
      cle: key(),
      position: "question",
      body: "Pour tous",
    });
    const text = await readUntil(stream, (t) => t.includes("Pour tous"));
    expect(text).not.toContain("/soutien");
    expect(text).not.toContain("/modifier");
  });

  test("re-LISTENs after losing its connection and lets streams catch up", async ({ a, b, db, as }) => {
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where application_name = 'concertation-live' and datname = current_database()`.execute(db);
    const stream = await b.app.request("/propositions/exercice-mixte/direct");
    const poster = await as("apvf", { app: a.app });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await poster.post("/propositions/exercice-mixte/commentaires", {
      cle: key(),
      position: "pour",
      body: "Après coupure",
    });
    expect(await readUntil(stream, (t) => t.includes("Après coupure"))).toContain("Après coupure");
  });

  test("answers 404 for an unknown proposal", async ({ b }) => {
    expect((await b.app.request("/propositions/inconnue/direct")).status).toBe(404);
  });
});
