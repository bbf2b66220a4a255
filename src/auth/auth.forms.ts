import { z } from "zod";
import { passwordProblem } from "./password.js";

const email = z
  .string({ error: "Indiquez votre adresse électronique." })
  .trim()
  .min(1, "Indiquez votre adresse électronique.")
  .max(254, "Cette adresse est trop longue.")
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "Cette adresse électronique n'est pas valide.");

export const signInForm = z.object({
  email,
  password: z
    .string({ error: "Indiquez votre mot de passe." })
    .min(1, "Indiquez votre mot de passe.")
    .max(128, "Mot de passe trop long."),
  suite: z.string().optional(),
});

export const secondFactorForm = z.object({
  code: z.string({ error: "Indiquez un code." }).trim().min(6, "Indiquez un code.").max(20, "Code trop long."),
  suite: z.string().optional(),
});

export const forgotPasswordForm = z.object({ email });

/** New password and its confirmation; `context` (the email) lets us refuse a password containing it. */
export const newPasswordFields = {
  password: z.string({ error: "Choisissez un mot de passe." }).max(1000, "Mot de passe trop long."),
  confirmation: z.string({ error: "Confirmez le mot de passe." }),
};

export function checkNewPassword(
  values: { password: string; confirmation: string },
  ctx: z.RefinementCtx,
  emailAddress?: string,
) {
  const problem = passwordProblem(values.password, emailAddress);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  else if (values.password !== values.confirmation) {
    ctx.addIssue({ code: "custom", path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });
  }
}

export const resetPasswordForm = z
  .object(newPasswordFields)
  .superRefine((values, ctx) => checkNewPassword(values, ctx));

export function invitationForm(emailAddress: string) {
  return z
    .object({
      displayName: z
        .string({ error: "Indiquez votre nom." })
        .trim()
        .min(2, "Indiquez votre nom (2 caractères au moins).")
        .max(120, "Le nom fait au plus 120 caractères."),
      ...newPasswordFields,
    })
    .superRefine((values, ctx) => checkNewPassword(values, ctx, emailAddress));
}
