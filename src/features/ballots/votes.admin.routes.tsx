import { Hono } from "hono";
import { ballotsText as t } from "../../../views/ballots/ballots.text.js";
import { VotesAdminPage } from "../../../views/ballots/VotesAdminPage.js";
import { requireCapability, requireUser } from "../../auth/guards.js";
import { ADOPTION_RULES, type AdoptionRule } from "../../db/database.js";
import type { AppDeps, AppEnv, CurrentUser } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import type { ScheduleInput } from "./lifecycle.queries.js";
import { type ManualTransition, scheduleVote, transitionByHand } from "./lifecycle.service.js";
import { formatParisDateTime, parseParisDateTime } from "./paris-time.js";
import { listVoteProposals } from "./results.queries.js";

const MESSAGES: Record<string, string> = { calendrier: t.admin.saved, transition: t.admin.done };

/** Administrators only: vote schedule, rules and manual transitions. */
export function votesAdminRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use("/admin/votes", requireUser, requireCapability("administer"));
  app.use("/admin/votes/*", requireUser, requireCapability("administer"));
  const actor = (c: { get(key: "user"): CurrentUser | undefined }) => (c.get("user") as CurrentUser).id;

  app.get("/admin/votes", async (c) => {
    const rows = (await listVoteProposals(db)).map((p) => ({
      ...p,
      opensAt: formatParisDateTime(p.voteOpensAt),
      closesAt: formatParisDateTime(p.voteClosesAt),
      quorumFraction: String(Number(p.quorumFraction)).replace(".", ","),
      quorumCount: p.quorumCount === null ? "" : String(p.quorumCount),
    }));
    return renderPage(c, <VotesAdminPage rows={rows} message={MESSAGES[c.req.query("message") ?? ""]} />, {
      title: t.admin.title,
    });
  });

  app.post("/admin/votes/:slug/calendrier", async (c) => {
    const body = await c.req.parseBody();
    const field = (name: string) => String(body[`${name}-${String(body.numero ?? "")}`] ?? "").trim();
    await scheduleVote(db, actor(c), c.req.param("slug"), parseSchedule(field));
    return c.redirect("/admin/votes?message=calendrier", 303);
  });

  app.post("/admin/votes/:slug/transition", async (c) => {
    const body = await c.req.parseBody();
    const transition = String(body.transition ?? "");
    const reason = String(body[`motif-${String(body.numero ?? "")}`] ?? "").trim();
    if (!["debat", "ouvrir", "clore"].includes(transition))
      throw new AppError(422, "bad_transition", "Transition inconnue.");
    if (reason.length < 1 || reason.length > 500)
      throw new AppError(422, "reason_required", "Indiquez un motif (500 caractères au plus).");
    await transitionByHand(db, actor(c), c.req.param("slug"), transition as ManualTransition, reason);
    return c.redirect("/admin/votes?message=transition", 303);
  });
  return app;
}

/** Invalid dates or rules are refused with one message (422). */
export function parseSchedule(field: (name: string) => string): ScheduleInput {
  const date = (name: string) => {
    const value = field(name);
    if (value === "") return null;
    const parsed = parseParisDateTime(value);
    if (!parsed) throw new AppError(422, "bad_date", "Date invalide : utilisez le sélecteur de date et d'heure.");
    return parsed;
  };
  const opensAt = date("ouverture");
  const closesAt = date("cloture");
  if (opensAt && closesAt && closesAt <= opensAt) {
    throw new AppError(422, "bad_window", "La clôture doit suivre l'ouverture.");
  }
  const quorumFraction = Number(field("quorum").replace(",", ".") || "0.5");
  if (!(quorumFraction > 0 && quorumFraction <= 1))
    throw new AppError(422, "bad_quorum", "Le quorum est une part entre 0 et 1.");
  const count = field("quorum-nombre");
  const quorumCount = count === "" ? null : Number(count);
  if (quorumCount !== null && !(Number.isInteger(quorumCount) && quorumCount > 0 && quorumCount <= 1000)) {
    throw new AppError(422, "bad_quorum", "Le quorum en nombre est un entier positif.");
  }
  const rule = field("regle") || "majorite_exprimes";
  if (!(ADOPTION_RULES as readonly string[]).includes(rule)) throw new AppError(422, "bad_rule", "Règle inconnue.");
  return {
    opensAt,
    closesAt,
    quorumFraction: Math.round(quorumFraction * 10_000) / 10_000,
    quorumCount,
    adoptionRule: rule as AdoptionRule,
    showRunningTally: field("decomptes") === "true",
  };
}
