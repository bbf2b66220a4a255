import { z } from "zod";
import { moderationText as t } from "../../../views/moderation/moderation.text.js";
import { MODERATION_RULES } from "../../domain/moderation.js";

const rule = z.enum(MODERATION_RULES, { error: t.queue.ruleRequired });
const reason = z.string().trim().min(1, t.queue.reasonRequired).max(1000, t.queue.reasonRequired);

export const reportForm = z.object({
  regle: z.enum(MODERATION_RULES, { error: t.report.ruleError }),
  precisions: z.string().trim().max(1000, t.report.noteError).default(""),
});

export const hideForm = z.object({ regle: rule, motif: reason });
export const reasonForm = z.object({ motif: reason });
export const optionalReasonForm = z.object({ "motif-classement": z.string().trim().max(1000).default("") });
export const accountForm = z.object({ "motif-compte": z.string().trim().max(1000).default("") });
export const synthesisForm = z.object({
  synthese: z.string().trim().min(1, "Écrivez la synthèse.").max(20000, "La synthèse fait au plus 20 000 caractères."),
});
export const lockForm = z.object({
  motif: z.string().trim().min(1, t.queue.reasonRequired).max(500, "Le motif fait au plus 500 caractères."),
});
