// The privacy and terms wording, one text per language for the event page's footer and the /privacy and /terms pages.
import type { EventData } from '../../event/schema.ts';
import type { Language } from '../../language/languages.ts';
import { unansweredPrivacyNote } from '../../unanswered/privacyNote.ts';
import { escapeHtml } from './escapeHtml.ts';

/** unansweredPrivacyNote's sentence in French, as the page says it (the assistant in the third person). */
function unansweredNoteFr(retentionDays: number | undefined): string {
  if (retentionDays === undefined) return 'Le texte de vos questions n’est pas conservé.';
  return (
    `Les questions auxquelles l’assistant ne sait pas répondre sont conservées ${retentionDays}\u00a0jours, en texte seul, sans votre nom ni aucun identifiant, les adresses e-mail et les numéros masqués, ` +
    'afin que les organisateurs puissent ajouter les réponses\u202f; rien d’autre de ce que vous demandez n’est conservé.'
  );
}

/** What the assistant keeps and how to see or delete it (HTML). `event` is the event in `lang` (its title). */
export function privacyText(event: EventData, unansweredRetentionDays: number | undefined, lang: Language = 'en'): string {
  if (lang === 'fr')
    return (
      `${escapeHtml(unansweredNoteFr(unansweredRetentionDays))} ` +
      `Lors de votre inscription, l’assistant enregistre les informations que vous lui donnez (nom, e-mail, organisation, pays, catégorie et choix de rappels) pour «\u00a0${escapeHtml(event.title)}\u00a0» uniquement\u202f; ` +
      'les organisateurs s’en servent pour organiser l’événement et vous envoyer vos rappels. Dites <em>montre mon inscription</em> ou <em>annule mon inscription</em> dans la conversation pour les voir ou les supprimer, ou écrivez à la personne à contacter ci-dessus.'
    );
  return (
    `${escapeHtml(unansweredPrivacyNote(unansweredRetentionDays).replace(/^Questions I can't answer/, "Questions the assistant can't answer"))} ` +
    `When you register, the assistant stores the details you give it (name, e-mail, organisation, country, category and reminder choice) for ${escapeHtml(event.title)} only; ` +
    'the organisers use them to run the event and send your reminders. Say <em>show my registration</em> or <em>cancel my registration</em> in the chat to see or delete them, or write to the contact above.'
  );
}

const TERMS: Record<Language, string> = {
  en: 'The assistant answers from the published programme; the official event page prevails where they differ.',
  fr: 'L’assistant répond d’après le programme publié\u202f; la page officielle de l’événement fait foi en cas de différence.',
};

export const termsText = (lang: Language = 'en') => TERMS[lang];

/** The privacy text's pointer to the contact, on a page where the contact comes below it. */
export const contactBelow = (html: string, lang: Language) =>
  lang === 'fr'
    ? html.replace('la personne à contacter ci-dessus', 'la personne à contacter ci-dessous')
    : html.replace('the contact above', 'the contact below');
