// What organisers get for each registration (JSON and CSV): the attendee's answers and dates. Channel
// user ids stay internal; only which channels are linked is shown.
import { DEFAULT_LANGUAGE } from '../language/languages.ts';
import type { Registration } from '../registration/registration.ts';
import { toCsv } from './csv.ts';

export interface ExportedRegistration {
  reference: string;
  fullName: string;
  email: string;
  organisation: string;
  countryCode: string;
  country: string;
  category: string;
  reminders: string;
  /** The language the bot speaks to the attendee in (reminders, digests, announcements): "en", "fr". */
  language: string;
  followedSessionIds: string[];
  channels: string[];
  consentAt: string;
  createdAt: string;
  updatedAt: string;
}

export function exportRegistration(r: Registration): ExportedRegistration {
  return {
    reference: r.reference,
    fullName: r.fullName,
    email: r.email,
    organisation: r.organisation,
    countryCode: r.country.code,
    country: r.country.name,
    category: r.category,
    reminders: r.reminders,
    language: r.language ?? DEFAULT_LANGUAGE,
    followedSessionIds: r.followedSessionIds ?? [],
    channels: [...new Set(r.identities.map((i) => i.split(':')[0]))],
    consentAt: r.consentAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const COLUMNS: (keyof ExportedRegistration)[] = ['reference', 'fullName', 'email', 'organisation', 'countryCode', 'country', 'category', 'reminders', 'language', 'followedSessionIds', 'channels', 'consentAt', 'createdAt', 'updatedAt'];

export function registrationsCsv(regs: Registration[]): string {
  return toCsv(
    COLUMNS,
    regs.map(exportRegistration).map((e) => COLUMNS.map((c) => (Array.isArray(e[c]) ? (e[c] as string[]).join(' ') : e[c]))),
  );
}
