import { Field, Flash, Select, TextArea } from "../components/Form.js";
import { organisationsAdminText as t } from "./organisations-admin.text.js";

export interface Choice {
  value: string;
  label: string;
}

export interface OrganisationFormPageProps {
  mode: "create" | "edit";
  /** Name shown in the title when editing (as stored, not as typed). */
  currentName?: string | undefined;
  action: string;
  /** What the person typed, field by field (slug, name, kind, college, description, website, demo). */
  values: Record<string, string>;
  errors: Record<string, string>;
  kinds: Choice[];
  colleges: Choice[];
}

export function OrganisationFormPage(props: OrganisationFormPageProps) {
  const { values, errors } = props;
  const title = props.mode === "create" ? t.form.createTitle : t.form.editTitle(props.currentName ?? values.name ?? "");
  return (
    <section class="narrow" aria-labelledby="titre-organisation">
      <p>
        <a href="/admin/organisations">{t.form.back}</a>
      </p>
      <h1 id="titre-organisation">{title}</h1>
      {Object.keys(errors).length > 0 ? <Flash kind="error">{t.form.errorSummary}</Flash> : null}
      <form method="post" action={props.action}>
        <Field label={t.form.name} name="name" value={values.name} error={errors.name} required maxLength={160} />
        <Field
          label={t.form.slug}
          name="slug"
          value={values.slug}
          error={errors.slug}
          hint={t.form.slugHint}
          required
          maxLength={60}
        />
        <Select
          label={t.form.kind}
          name="kind"
          value={values.kind}
          error={errors.kind}
          options={props.kinds}
          placeholder={t.form.kindPlaceholder}
          required
        />
        <Select
          label={t.form.college}
          name="college"
          value={values.college}
          error={errors.college}
          options={props.colleges}
          placeholder={t.form.collegePlaceholder}
          required
        />
        <TextArea
          label={t.form.description}
          name="description"
          value={values.description}
          error={errors.description}
          hint={t.form.descriptionHint}
          maxLength={500}
          rows={4}
        />
        <Field
          label={t.form.website}
          name="website"
          type="url"
          value={values.website}
          error={errors.website}
          hint={t.form.websiteHint}
        />
        <DemoCheckbox checked={values.demo === "true"} />
        <button type="submit">{props.mode === "create" ? t.form.submitCreate : t.form.submitEdit}</button>
      </form>
    </section>
  );
}

function DemoCheckbox({ checked }: { checked: boolean }) {
  return (
    <div class="field">
      <label>
        <input type="checkbox" name="demo" value="true" checked={checked} /> {t.form.demo}
      </label>
    </div>
  );
}
