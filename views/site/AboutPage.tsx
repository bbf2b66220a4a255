import { text } from "../common/text.js";

/** The coalition and the platform, in plain French. Facts come from the coalition's public statement. */
export function AboutPage({ organisationCount }: { organisationCount: number }) {
  return (
    <article>
      <h1>{text.about.title}</h1>
      <section aria-labelledby="coalition">
        <h2 id="coalition">La coalition</h2>
        <p>
          Un groupe de 35 organisations représentant les acteurs de l'accès aux soins — patients, citoyens sans médecin,
          infirmiers, médecins, urgentistes, internes et étudiants, pharmaciens, sages-femmes, kinésithérapeutes,
          chirurgiens-dentistes, biologistes, orthophonistes, ambulanciers, pompiers, hôpitaux de proximité, centres de
          santé, mutuelles et élus — a publié quatre propositions communes adressées aux candidats à l'élection
          présidentielle, lors d'une conférence de presse tenue le 9 mars 2022.
        </p>
        <p>
          L'Association des petites villes de France (APVF) fait partie de ces organisations. Les autres organisations
          présentées ici ({organisationCount} au total) sont, dans cette démonstration, des organisations fictives ; la
          liste réelle est chargée par un administrateur.
        </p>
      </section>
      <section aria-labelledby="propositions">
        <h2 id="propositions">Les quatre propositions</h2>
        <ol>
          <li>
            <a href="/propositions/stages">Stages des étudiants en santé hors du lieu de formation</a>
          </li>
          <li>
            <a href="/propositions/escap">ESCAP : équipes de soins coordonnées autour du patient</a>
          </li>
          <li>
            <a href="/propositions/guichet-unique">Guichet unique d'accompagnement à l'installation</a>
          </li>
          <li>
            <a href="/propositions/exercice-mixte">Exercice mixte ville-hôpital et partage de compétences</a>
          </li>
        </ol>
      </section>
      <section aria-labelledby="plateforme">
        <h2 id="plateforme">La plateforme</h2>
        <p>
          Concertation permet aux organisations, et non seulement aux individus, de délibérer puis de décider : chaque
          organisation s'exprime par ses représentants mandatés et dispose d'une voix par proposition. Tout ce qui n'est
          pas masqué par la modération est lisible sans compte, et les résultats sont vérifiables par chacun.
        </p>
        <p>
          Elle suit les principes des services publics numériques : accessibilité, sobriété (pages légères, aucune
          ressource tierce), sécurité, interopérabilité et réversibilité des données.
        </p>
      </section>
    </article>
  );
}
