import { text } from "../common/text.js";
import { DemoBadge } from "../components/StatusBadge.js";

export interface OrganisationListItem {
  slug: string;
  name: string;
  isDemo: boolean;
}

export interface KindGroup {
  kindSlug: string;
  kindLabel: string;
  organisations: OrganisationListItem[];
}

export interface CollegeGroup {
  collegeSlug: string;
  collegeName: string;
  kinds: KindGroup[];
}

export function OrganisationsPage({ colleges, total }: { colleges: CollegeGroup[]; total: number }) {
  return (
    <>
      <h1>{text.organisations.title}</h1>
      <p class="lead">{text.organisations.lead(total)}</p>
      {colleges.map((college) => (
        <section class="org-group" aria-labelledby={`college-${college.collegeSlug}`}>
          <h2 id={`college-${college.collegeSlug}`}>{college.collegeName}</h2>
          {college.kinds.map((kind) => (
            <>
              <h3 class="org-kind">{kind.kindLabel}</h3>
              <ul class="org-list">
                {kind.organisations.map((organisation) => (
                  <li>
                    <a href={`/organisations/${organisation.slug}`}>{organisation.name}</a>
                    {organisation.isDemo ? (
                      <>
                        {" "}
                        <DemoBadge />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ))}
        </section>
      ))}
    </>
  );
}
