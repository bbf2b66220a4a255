import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Choice } from "../../../views/admin/OrganisationFormPage.js";
import { OrganisationFormPage, type OrganisationFormPageProps } from "../../../views/admin/OrganisationFormPage.js";
import { OrganisationImportPage } from "../../../views/admin/OrganisationImportPage.js";
import { OrganisationsAdminPage } from "../../../views/admin/OrganisationsAdminPage.js";
import { organisationsAdminText as t } from "../../../views/admin/organisations-admin.text.js";
import { text } from "../../../views/common/text.js";
import { requireCapability } from "../../auth/guards.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { type FieldErrors, formRefusal, hasControlCharacters, readBody, readForm } from "../../http/forms.js";
import { renderPage } from "../../http/render.js";
import { listOrganisations } from "./organisations.queries.js";
import {
  createOrganisation,
  findOrganisationForEdit,
  importOrganisationsCsv,
  listOrganisationChoices,
  type OrganisationInput,
  updateOrganisation,
} from "./organisations.service.js";

const MAX_CSV_BYTES = 200 * 1024;
const LIST = "/admin/organisations";

const organisationForm = z
  .object({
    slug: z
      .string({ error: t.errors.slugRequired })
      .trim()
      .min(1, t.errors.slugRequired)
      .max(60, t.errors.slugLength)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, t.errors.slugFormat),
    name: z.string({ error: t.errors.nameLength }).trim().min(2, t.errors.nameLength).max(160, t.errors.nameLength),
    kind: z.string({ error: t.errors.kindRequired }).trim().min(1, t.errors.kindRequired).max(60),
    college: z.string({ error: t.errors.collegeRequired }).trim().min(1, t.errors.collegeRequired).max(60),
    description: z.string().trim().max(500, t.errors.descriptionLength).default(""),
    website: z
      .string()
      .trim()
      .max(300, t.errors.websiteFormat)
      .refine((value) => value === "" || /^https?:\/\/\S+$/.test(value), t.errors.websiteFormat)
      .default(""),
    demo: z.string().optional(),
  })
  .transform(
    (value): OrganisationInput => ({
      slug: value.slug,
      name: value.name,
      kindSlug: value.kind,
      collegeSlug: value.college,
      description: value.description,
      website: value.website === "" ? null : value.website,
      isDemo: value.demo === "true",
    }),
  );

type Ctx = Context<ActorEnv>;
type FormProps = Omit<OrganisationFormPageProps, "kinds" | "colleges">;

/** Administrators only (`/admin/organisations`), two-factor verified: the area guard redirects or refuses. */
export function organisationAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>().use(requireCapability("administer"));
  app.get("/", (c) => showOrganisations(c, deps));
  app.get("/nouvelle", (c) => newOrganisationPage(c, deps));
  app.post("/nouvelle", (c) => addOrganisation(c, deps));
  app.get("/:slug/modifier", (c) => editOrganisationPage(c, deps));
  app.post("/:slug/modifier", (c) => saveOrganisation(c, deps));
  app.get("/import", (c) => importOrganisationsPage(c, deps));
  app.post("/import", (c) => importOrganisations(c, deps));
  return app;
}

async function showOrganisations(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const organisations = await listOrganisations(db);
  return renderPage(c, <OrganisationsAdminPage organisations={organisations} message={flashMessage(c)} />, {
    title: t.list.title,
  });
}

async function newOrganisationPage(c: Ctx, deps: AppDeps) {
  return formPage(c, deps, { mode: "create", action: `${LIST}/nouvelle`, values: {}, errors: {} });
}

async function addOrganisation(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const input = await readForm(c, organisationForm);
  const retry = (errors: FieldErrors) =>
    formPage(c, deps, { mode: "create", action: `${LIST}/nouvelle`, values: input.values, errors }, 422);
  if (!input.ok) return retry(input.errors);
  const outcome = await attempt(createOrganisation(db, c.var.actor.id, input.data));
  if (!outcome.ok) return retry(outcome.errors);
  return c.redirect(`${LIST}?message=organisation-creee`, 303);
}

async function editOrganisationPage(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const organisation = await findOrganisationForEdit(db, c.req.param("slug") ?? "");
  if (!organisation) throw notFound(t.errors.notFound);
  const action = `${LIST}/${organisation.slug}/modifier`;
  return formPage(c, deps, {
    mode: "edit",
    currentName: organisation.name,
    action,
    values: toValues(organisation),
    errors: {},
  });
}

async function saveOrganisation(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const slug = c.req.param("slug") ?? "";
  const input = await readForm(c, organisationForm);
  const retry = async (errors: FieldErrors) => {
    const current = await findOrganisationForEdit(db, slug);
    if (!current) throw notFound(t.errors.notFound);
    const action = `${LIST}/${current.slug}/modifier`;
    return formPage(c, deps, { mode: "edit", currentName: current.name, action, values: input.values, errors }, 422);
  };
  if (!input.ok) return retry(input.errors);
  const outcome = await attempt(updateOrganisation(db, c.var.actor.id, slug, input.data));
  if (!outcome.ok) return retry(outcome.errors);
  return c.redirect(`${LIST}?message=organisation-modifiee`, 303);
}

async function importOrganisationsPage(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  return importPage(c, await listOrganisationChoices(db), "", {});
}

async function importOrganisations(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const source = await readCsvSource(c);
  const retry = async (errors: FieldErrors) =>
    importPage(c, await listOrganisationChoices(db), source.pasted, errors, 422);
  if ("error" in source) return retry({ [source.field]: source.error });
  // A refused file is reported beside whichever source was sent, the text area or the file input.
  const outcome = await attempt(importOrganisationsCsv(db, c.var.actor.id, source.text), source.field);
  if (!outcome.ok) return retry(outcome.errors);
  const { created, updated } = outcome.value;
  return c.redirect(`${LIST}?message=import&creees=${created}&modifiees=${updated}`, 303);
}

/** The form page with its kind and college lists, filled from the database on every render. */
async function formPage(c: Ctx, deps: AppDeps, props: FormProps, status: 200 | 422 = 200) {
  const { kinds, colleges } = await listOrganisationChoices(deps.db);
  const title = props.mode === "create" ? t.form.createTitle : t.form.editTitle(props.currentName ?? "");
  return renderPage(
    c,
    <OrganisationFormPage {...props} kinds={kindChoices(kinds)} colleges={collegeChoices(colleges)} />,
    { title },
    status,
  );
}

function importPage(
  c: Ctx,
  choices: Awaited<ReturnType<typeof listOrganisationChoices>>,
  csv: string,
  errors: FieldErrors,
  status: 200 | 422 = 200,
) {
  const page = (
    <OrganisationImportPage
      csv={csv}
      errors={errors}
      kinds={kindChoices(choices.kinds)}
      colleges={collegeChoices(choices.colleges)}
    />
  );
  return renderPage(c, page, { title: t.import.title }, status);
}

const kindChoices = (kinds: { slug: string; label: string }[]): Choice[] =>
  kinds.map((kind) => ({ value: kind.slug, label: kind.label }));

const collegeChoices = (colleges: { slug: string; name: string }[]): Choice[] =>
  colleges.map((college) => ({ value: college.slug, label: college.name }));

type Attempt<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Runs a service call; a refusal tied to a field becomes that field's error (or `field`'s, when given). */
async function attempt<T>(action: Promise<T>, field?: string): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await action };
  } catch (error) {
    const refusal = formRefusal(error);
    if (!refusal) throw error;
    return { ok: false, errors: field ? { [field]: refusal.message } : refusal.errors };
  }
}

type CsvSource =
  | { field: "csv" | "file"; pasted: string; text: string }
  | { field: "csv" | "file"; pasted: string; error: string };

/** The pasted text or the uploaded file (never both), each held to 200 KB. */
async function readCsvSource(c: Ctx): Promise<CsvSource> {
  const body = await readBody(c);
  const pasted = typeof body.csv === "string" ? body.csv : "";
  if (hasControlCharacters(pasted)) return { field: "csv", pasted: "", error: text.errors.controlCharacters };
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  const hasText = pasted.trim() !== "";
  if (file && hasText) return { field: "csv", pasted, error: t.errors.csvBoth };
  if (file) {
    if (file.size > MAX_CSV_BYTES) return { field: "file", pasted, error: t.errors.csvTooLarge };
    const content = await file.text();
    if (hasControlCharacters(content)) return { field: "file", pasted, error: text.errors.controlCharacters };
    return { field: "file", pasted, text: content };
  }
  if (!hasText) return { field: "csv", pasted, error: t.errors.csvMissing };
  if (Buffer.byteLength(pasted, "utf8") > MAX_CSV_BYTES) return { field: "csv", pasted, error: t.errors.csvTooLarge };
  return { field: "csv", pasted, text: pasted };
}

function toValues(organisation: OrganisationInput): Record<string, string> {
  return {
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kindSlug,
    college: organisation.collegeSlug,
    description: organisation.description,
    website: organisation.website ?? "",
    demo: organisation.isDemo ? "true" : "",
  };
}

function flashMessage(c: Ctx): string | undefined {
  const key = c.req.query("message") ?? "";
  if (key !== "import") return t.messages[key];
  const count = (name: string) => Math.max(0, Number.parseInt(c.req.query(name) ?? "", 10) || 0);
  return t.importDone(count("creees"), count("modifiees"));
}
