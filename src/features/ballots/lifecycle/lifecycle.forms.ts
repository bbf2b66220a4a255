import { z } from "zod";
import { ballotsText as t } from "../../../../views/ballots/ballots.text.js";
import { ADOPTION_RULES } from "../../../domain/ballots.js";
import type { ReadFormOptions } from "../../../http/forms.js";
import type { ScheduleInput } from "./lifecycle.queries.js";
import type { ManualTransition } from "./lifecycle.service.js";
import { parseParisDateTime } from "./paris-time.js";

/**
 * The votes page has one schedule form and one transition form per proposal; their fields carry
 * the proposal's number (`ouverture-3`, `motif-3`, with `numero=3`). The schemas read base names,
 * and the errors come back under them.
 */
export const perProposalFields: ReadFormOptions = {
  fieldNames: (sent) => {
    const suffix = `-${sent.numero ?? ""}`;
    const named: Record<string, string> = {};
    for (const [name, value] of Object.entries(sent)) {
      if (name.endsWith(suffix)) named[name.slice(0, -suffix.length)] = value;
      else named[name] ??= value;
    }
    return named;
  },
};

const text = () => z.string().trim().default("");

/** An empty field is "not set"; anything else must be a Paris date and time. */
const parisDateTime = text().transform((value, ctx): Date | null => {
  if (value === "") return null;
  const parsed = parseParisDateTime(value);
  if (!parsed) ctx.addIssue({ code: "custom", message: t.admin.badDate });
  return parsed ?? null;
});

const quorumFraction = text()
  .transform((value) => Number(value.replace(",", ".") || "0.5"))
  .refine((fraction) => fraction > 0 && fraction <= 1, t.admin.badQuorumFraction)
  .transform((fraction) => Math.round(fraction * 10_000) / 10_000);

function quorumCount(organisations: number) {
  return text()
    .refine(
      (value) => value === "" || (/^\d{1,6}$/.test(value) && Number(value) > 0 && Number(value) <= organisations),
      {
        message: t.admin.badQuorumCount(organisations),
      },
    )
    .transform((value) => (value === "" ? null : Number(value)));
}

const adoptionRule = text()
  .transform((value) => value || "majorite_exprimes")
  .pipe(z.enum(ADOPTION_RULES, { error: t.admin.badRule }));

/** Each unreadable value is refused beside its own field (422), never with a generic page. */
export function scheduleForm(organisations: number) {
  return z
    .object({
      ouverture: parisDateTime,
      cloture: parisDateTime,
      quorum: quorumFraction,
      "quorum-nombre": quorumCount(organisations),
      regle: adoptionRule,
      decomptes: text(),
    })
    .superRefine((values, ctx) => {
      if (values.ouverture && values.cloture && values.cloture <= values.ouverture)
        ctx.addIssue({ code: "custom", path: ["cloture"], message: t.admin.badWindow });
    })
    .transform(
      (values): ScheduleInput => ({
        opensAt: values.ouverture,
        closesAt: values.cloture,
        quorumFraction: values.quorum,
        quorumCount: values["quorum-nombre"],
        adoptionRule: values.regle,
        showRunningTally: values.decomptes === "true",
      }),
    );
}

const TRANSITIONS = ["debat", "ouvrir", "clore"] as const satisfies readonly ManualTransition[];

/** A manual transition, with its public reason. */
export const transitionForm = z.object({
  transition: z.enum(TRANSITIONS, { error: t.admin.badTransition }),
  motif: text().pipe(z.string().min(1, t.admin.reasonRequired).max(500, t.admin.reasonRequired)),
});
