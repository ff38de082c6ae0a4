// The language of the event page, the Teams tab and the legal pages: the visitor's choice (?lang=fr from the page's
// FR/EN switch, then remembered in a cookie), else the browser's Accept-Language, else English. Each language's
// own words for the page, and dates and times as that language writes them ("10 h 20", "mercredi 30 mars 2022").
import { parse, serialize } from 'cookie';
import type { DateTime } from 'luxon';
import { eventDates } from '../../conversation/welcome.ts';
import type { Request } from 'restify';
import { DEFAULT_LANGUAGE, isLanguage, languageOfLocale, type Language } from '../../language/languages.ts';
import { frenchTime } from '../../language/dateTime.ts';
import type { EventData } from '../../event/schema.ts';

export const LANGUAGE_COOKIE = 'page-lang';
const YEAR_SECONDS = 365 * 24 * 3600;

/** The languages in an Accept-Language header, best first (q-values honoured, q=0 dropped). */
export function acceptedLanguage(header: unknown): Language | undefined {
  if (typeof header !== 'string' || header.length > 1024) return undefined;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: languageOfLocale(tag), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x): x is { lang: Language; q: number; i: number } => x.lang !== undefined && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang;
}

export interface PageLanguage {
  lang: Language;
  /** A Set-Cookie value remembering an explicit choice (?lang=…), to send with the page. */
  setCookie?: string;
}

/** The page's language for this request: ?lang=, else the remembered choice, else Accept-Language, else English. */
export function pageLanguage(req: Request, secure: boolean): PageLanguage {
  const asked = new URL(req.url ?? '/', 'http://x').searchParams.get('lang')?.toLowerCase();
  if (isLanguage(asked))
    return { lang: asked, setCookie: serialize(LANGUAGE_COOKIE, asked, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true, secure }) };
  const header = req.headers.cookie;
  if (typeof header === 'string' && header.length <= 8192) {
    try {
      const remembered = parse(header)[LANGUAGE_COOKIE];
      if (isLanguage(remembered)) return { lang: remembered };
    } catch {
      // an unreadable cookie header is no choice
    }
  }
  return { lang: acceptedLanguage(req.headers['accept-language']) ?? DEFAULT_LANGUAGE };
}

/** What the page calls each language in its switch (in that language). */
export const LANGUAGE_NAMES: Record<Language, { short: string; name: string }> = {
  en: { short: 'EN', name: 'English' },
  fr: { short: 'FR', name: 'Français' },
};
/** The switch's order: French first, as the page's heading reads "FR / EN". */
export const LANGUAGES_SHOWN: Language[] = ['fr', 'en'];

/** The locale Web Chat and the browser's date formats use for a page language. */
export const WEB_LOCALE: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };

/** Clock time as the language writes it: 10:20 / 10 h 20. */
export const clock = (lang: Language, t: DateTime) => (lang === 'fr' ? frenchTime(t.hour, t.minute) : t.toFormat('HH:mm'));

/** "30–31 March 2022" / "30–31 mars 2022". */
export const eventDatesIn = (lang: Language, event: EventData) => eventDates(event, lang);

/** The page's own words. Values are plain text (escaped where used) unless the name says Html. */
export interface PageText {
  skip: string;
  switchLabel: string;
  sampleNote: string;
  register: string;
  registerRequired: string;
  /** What the Register button types into the chat (a command the bot reads in this language). */
  registerCommand: string;
  seeAgenda: string;
  addAll: string;
  agenda: string;
  agendaTitle: (title: string) => string;
  dayHeading: (n: number, date: string) => string;
  dayDate: (d: DateTime) => string;
  eventTime: (zone: string) => string;
  yourTime: string;
  session: string;
  calendar: string;
  addToCalendar: string;
  addToCalendarLabel: (title: string) => string;
  zoneNote: (label: string, zone: string) => string;
  sameZone: string;
  /** {zone} is the visitor's zone. */
  otherZone: string;
  askHeading: string;
  askHtml: string;
  chatLabel: string;
  loading: string;
  chatFailed: string;
  chatBusy: string;
  chatUnavailable: string;
  signoutFailed: string;
  remembers: string;
  signout: string;
  noscriptNeedsJs: string;
  noscriptHtml: string;
  noscriptBotHtml: string;
  noscriptPageHtml: (registrationUrl: string) => string;
  askNoRegisterHtml: string;
  askEndedHtml: string;
  endedHeading: string;
  endedText: (title: string, lastDay: string) => string;
  reports: string;
  moreReports: string;
  readReports: string;
  tabFooterNoRegister: string;
  tabFooterEnded: string;
  contactHtml: (name: string, emailHtml: string, pageHtml: string) => string;
  privacy: string;
  terms: string;
  privacyStatement: string;
  tabFooter: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const PAGE_TEXT: Record<Language, PageText> = {
  en: {
    skip: 'Skip to content',
    switchLabel: 'Language',
    sampleNote: 'This is a sample event, made up for demonstrations.',
    register: 'Register',
    registerRequired: 'Register (required)',
    registerCommand: 'register',
    seeAgenda: 'See the agenda',
    addAll: 'Add all sessions to calendar',
    agenda: 'Agenda',
    agendaTitle: (title) => `${title}: agenda`,
    dayHeading: (n, date) => `Day ${n}: ${date}`,
    dayDate: (d) => d.setLocale('en-GB').toFormat('cccc d LLLL yyyy'),
    eventTime: (zone) => `Event time (${zone})`,
    yourTime: 'Your time',
    session: 'Session',
    calendar: 'Calendar',
    addToCalendar: 'Add to calendar',
    addToCalendarLabel: (title) => `Add “${title}” to your calendar`,
    zoneNote: (label, zone) => `Event times are in ${label} (${zone}).`,
    sameZone: 'You are in the event’s time zone.',
    otherZone: 'Your times are shown in {zone}.',
    askHeading: 'Ask the event assistant',
    askHtml: 'Ask about sessions, speakers and times in your zone, or say <strong>register</strong> to sign up.',
    chatLabel: 'Chat with the event assistant',
    loading: 'Loading the chat…',
    chatFailed: 'The chat could not load. Please reload the page.',
    chatBusy: 'The chat is busy right now; please try again in a minute.',
    chatUnavailable: 'The chat is unavailable right now. Please reload the page to try again.',
    signoutFailed: 'Could not sign out; please try again.',
    remembers: 'This browser remembers you in the chat.',
    signout: 'Sign out of this browser',
    noscriptNeedsJs: 'The chat needs JavaScript.',
    noscriptHtml: 'You can still read the agenda.',
    noscriptBotHtml: 'You can still read the agenda; registering happens in the chat.',
    noscriptPageHtml: (url) => `You can still read the agenda and <a href="${esc(url)}">register on the registration page</a>.`,
    askNoRegisterHtml: 'Ask about sessions, speakers and times in your zone.',
    askEndedHtml: 'Ask about the sessions, speakers and reports.',
    endedHeading: 'This event has ended',
    endedText: (title, last) =>
      `${title} ended on ${last}. Registration is closed and there is nothing left to join; the agenda stays here, and the assistant still answers questions about the sessions, speakers and reports.`,
    reports: 'Reports',
    moreReports: 'More reports:',
    readReports: 'Read the reports',
    tabFooterNoRegister: 'Ask the bot in chat for speakers and reports.',
    tabFooterEnded: 'This event has ended. Ask the bot in chat about its sessions, speakers and reports.',
    contactHtml: (name, email, page) => `Questions? Contact ${esc(name)}, ${email}. Official event page: ${page}.`,
    privacy: 'Privacy',
    terms: 'Terms of use',
    privacyStatement: 'Privacy statement',
    tabFooter: 'Ask the bot in chat for speakers, reports or to register.',
  },
  fr: {
    skip: 'Aller au contenu',
    switchLabel: 'Langue',
    sampleNote: 'Ceci est un événement fictif, inventé pour les démonstrations.',
    register: 'S’inscrire',
    registerRequired: 'S’inscrire (obligatoire)',
    registerCommand: 'je veux m’inscrire',
    seeAgenda: 'Voir le programme',
    addAll: 'Ajouter toutes les sessions au calendrier',
    agenda: 'Programme',
    agendaTitle: (title) => `${title}\u00a0: programme`,
    dayHeading: (n, date) => `Jour ${n}\u00a0: ${date}`,
    dayDate: (d) => d.setLocale('fr').toFormat('cccc d LLLL yyyy'),
    eventTime: (zone) => `Heure de l’événement (${zone})`,
    yourTime: 'Votre heure',
    session: 'Session',
    calendar: 'Calendrier',
    addToCalendar: 'Ajouter au calendrier',
    addToCalendarLabel: (title) => `Ajouter «\u00a0${title}\u00a0» à votre calendrier`,
    zoneNote: (label, zone) => `Les heures de l’événement sont en ${label} (${zone}).`,
    sameZone: 'Vous êtes dans le fuseau horaire de l’événement.',
    otherZone: 'Vos heures sont affichées dans le fuseau {zone}.',
    askHeading: 'Posez vos questions à l’assistant',
    askHtml:
      'Posez vos questions sur les sessions, les intervenants et les horaires dans votre fuseau, ou dites <strong>m’inscrire</strong> pour vous inscrire.',
    chatLabel: 'Conversation avec l’assistant de l’événement',
    loading: 'Chargement de la conversation…',
    chatFailed: 'La conversation n’a pas pu se charger. Veuillez recharger la page.',
    chatBusy: 'La conversation est très sollicitée en ce moment\u202f; veuillez réessayer dans une minute.',
    chatUnavailable: 'La conversation est indisponible pour le moment. Veuillez recharger la page pour réessayer.',
    signoutFailed: 'La déconnexion a échoué\u202f; veuillez réessayer.',
    remembers: 'Ce navigateur se souvient de vous dans la conversation.',
    signout: 'Se déconnecter de ce navigateur',
    noscriptNeedsJs: 'La conversation nécessite JavaScript.',
    noscriptHtml: 'Vous pouvez tout de même consulter le programme.',
    noscriptBotHtml: 'Vous pouvez tout de même consulter le programme\u202f; l’inscription se fait dans la conversation.',
    noscriptPageHtml: (url) => `Vous pouvez tout de même consulter le programme et <a href="${esc(url)}">vous inscrire sur la page d’inscription</a>.`,
    askNoRegisterHtml: 'Posez vos questions sur les sessions, les intervenants et les horaires dans votre fuseau.',
    askEndedHtml: 'Posez vos questions sur les sessions, les intervenants et les rapports.',
    endedHeading: 'Cet événement est terminé',
    endedText: (title, last) =>
      `«\u00a0${title}\u00a0» s’est terminé le ${last}. Les inscriptions sont closes et il n’y a plus rien à rejoindre\u202f; le programme reste ici, et l’assistant répond toujours aux questions sur les sessions, les intervenants et les rapports.`,
    reports: 'Rapports',
    moreReports: 'Autres rapports\u00a0:',
    readReports: 'Lire les rapports',
    tabFooterNoRegister: 'Demandez au bot, dans la conversation, les intervenants et les rapports.',
    tabFooterEnded: 'Cet événement est terminé. Demandez au bot, dans la conversation, ses sessions, ses intervenants et ses rapports.',
    contactHtml: (name, email, page) => `Des questions\u202f? Contactez ${esc(name)}, ${email}. Page officielle de l’événement\u00a0: ${page}.`,
    privacy: 'Confidentialité',
    terms: 'Conditions d’utilisation',
    privacyStatement: 'Déclaration de confidentialité',
    tabFooter: 'Demandez au bot, dans la conversation, les intervenants, les rapports ou une inscription.',
  },
};
