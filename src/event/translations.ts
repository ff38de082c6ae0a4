// An event file may carry its own text in other languages ("translations": { "fr": { … } }), so the bot answers
// a francophone attendee with the organisers' wording, not a machine's. Only descriptive text is translated:
// what was published under one title (a talk's title, a report's) is shown as published, and names, times,
// links and ids never change. `localiseEvent` lays a language's text over the event; what a translation leaves
// out stays in the event's own language.
import { z } from 'zod';
import { rememberFrenchArticle } from '../language/frenchGrammar.ts';

const text = z.string().trim().min(1, 'must not be empty');
const texts = z.array(text);

export const eventTranslationSchema = z
  .object({
    title: text.optional(),
    /** At most 30 characters, where the translated title is longer (the Teams app's short name in that language). */
    shortTitle: text.refine((t) => t.length <= 30, 'must be at most 30 characters').optional(),
    subtitle: text.optional(),
    source: text.optional(),
    formatLabel: text.optional(),
    location: text.optional(),
    signedBy: z.object({ title: text }).strict().optional(),
    /** Keyed by the organiser's shortName (else its name). */
    organisers: z.record(z.object({ name: text.optional(), shortName: text.optional() }).strict()).optional(),
    registration: z.object({ note: text.optional(), fee: text.optional(), deadline: text.optional() }).strict().optional(),
    contact: z.object({ name: text.optional() }).strict().optional(),
    /** `groups` in the same order as the event's (registration offers them as categories). */
    audience: z.object({ description: text.optional(), groups: texts.optional() }).strict().optional(),
    /** In the same order as the event's. */
    objectives: texts.optional(),
    topics: z
      .record(
        z
          .object({ name: text.optional(), aliases: texts.optional(), summary: text.optional(), established: text.optional(), objectives: texts.optional() })
          .strict(),
      )
      .optional(),
    speakers: z.record(z.object({ title: text.optional() }).strict()).optional(),
    programme: z.record(z.object({ title: text.optional(), description: text.optional(), keywords: texts.optional() }).strict()).optional(),
  })
  .strict();

export type EventTranslation = z.infer<typeof eventTranslationSchema>;

/** A language tag the bot can speak ("fr", "en"): two or three lowercase letters. */
export const languageTag = z.string().regex(/^[a-z]{2,3}$/, 'must be a language tag such as "fr"');

/** The parts of an event a translation refers to, to check its ids and list lengths. */
interface Translatable {
  organisers: { name: string; shortName?: string }[];
  audience: { groups: string[] };
  objectives: string[];
  topics: { id: string; objectives: string[] }[];
  speakers: { id: string }[];
  programme: { id: string }[];
}

export interface TranslationProblem {
  path: (string | number)[];
  message: string;
}

/** What in `t` does not fit the event: unknown ids, lists of another length. */
export function translationProblems(event: Translatable, lang: string, t: EventTranslation): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  const at = (...path: (string | number)[]) => ['translations', lang, ...path];
  const sameLength = (path: (string | number)[], got: unknown[] | undefined, want: unknown[]) => {
    if (got && got.length !== want.length) problems.push({ path, message: `has ${got.length} entries; the event has ${want.length}, in the same order` });
  };
  const known = (what: string, keys: string[] | undefined, ids: Set<string>) => {
    for (const k of keys ?? []) if (!ids.has(k)) problems.push({ path: at(what, k), message: `"${k}" is not one of the event's ${what}` });
  };
  sameLength(at('audience', 'groups'), t.audience?.groups, event.audience.groups);
  sameLength(at('objectives'), t.objectives, event.objectives);
  known('organisers', Object.keys(t.organisers ?? {}), new Set(event.organisers.map((o) => o.shortName ?? o.name)));
  known('topics', Object.keys(t.topics ?? {}), new Set(event.topics.map((x) => x.id)));
  known('speakers', Object.keys(t.speakers ?? {}), new Set(event.speakers.map((x) => x.id)));
  known('programme', Object.keys(t.programme ?? {}), new Set(event.programme.map((x) => x.id)));
  for (const [id, topic] of Object.entries(t.topics ?? {})) {
    const own = event.topics.find((x) => x.id === id);
    if (own) sameLength(at('topics', id, 'objectives'), topic.objectives, own.objectives);
  }
  return problems;
}

type Localisable = {
  title: string;
  shortTitle?: string;
  subtitle?: string;
  source?: string;
  formatLabel: string;
  location?: string;
  signedBy?: { name: string; title: string };
  organisers: { name: string; shortName?: string; url?: string }[];
  registration: { note?: string; fee?: string; deadline?: string };
  contact: { name: string };
  audience: { description: string; groups: string[] };
  objectives: string[];
  topics: { id: string; name: string; aliases: string[]; summary: string; established?: string; objectives: string[] }[];
  speakers: { id: string; title?: string; organisation: string }[];
  programme: { id: string; title: string; description?: string; keywords: string[] }[];
  translations?: Record<string, EventTranslation>;
};

/** The event in `lang`: the translation's text laid over the event's own (the same object when there is none). */
export function localiseEvent<E extends Localisable>(event: E, lang: string): E {
  const t = event.translations?.[lang];
  if (!t) return event;
  const or = <T>(x: T | undefined, y: T) => (x === undefined ? y : x);
  // A speaker with an organiser ("ITU") is with it under the name the translation gives it ("UIT").
  const renamed = new Map<string, string>();
  for (const o of event.organisers) {
    const tr = t.organisers?.[o.shortName ?? o.name];
    const to = tr?.shortName ?? (o.shortName ? undefined : tr?.name);
    if (to) for (const n of [o.shortName, o.name]) if (n) renamed.set(n, to);
    // (a translated name is a common noun phrase, "Union internationale …": it and the acronym take its article)
    if (lang === 'fr' && tr?.name) for (const n of [tr.name, to ?? o.shortName]) if (n) rememberFrenchArticle(n, tr.name);
  }
  return {
    ...event,
    title: or(t.title, event.title),
    // An English short title never stands for a translated title (it would name the event in English).
    shortTitle: t.title ? t.shortTitle : or(t.shortTitle, event.shortTitle),
    subtitle: or(t.subtitle, event.subtitle),
    source: or(t.source, event.source),
    formatLabel: or(t.formatLabel, event.formatLabel),
    location: or(t.location, event.location),
    signedBy: event.signedBy && { ...event.signedBy, title: or(t.signedBy?.title, event.signedBy.title) },
    organisers: event.organisers.map((o) => ({ ...o, ...t.organisers?.[o.shortName ?? o.name] })),
    registration: { ...event.registration, ...t.registration },
    contact: { ...event.contact, ...t.contact },
    audience: { description: or(t.audience?.description, event.audience.description), groups: or(t.audience?.groups, event.audience.groups) },
    objectives: or(t.objectives, event.objectives),
    // Aliases and keywords are added, not replaced: attendees may use either language's words.
    topics: event.topics.map((x) => ({ ...x, ...t.topics?.[x.id], aliases: [...x.aliases, ...(t.topics?.[x.id]?.aliases ?? [])] })),
    speakers: event.speakers.map((x) => ({ ...x, ...t.speakers?.[x.id], organisation: renamed.get(x.organisation) ?? x.organisation })),
    // (a translated title keeps the published one as a keyword: "the DFS Security Assurance Framework session", "coffee break")
    programme: event.programme.map((x) => ({ ...x, ...t.programme?.[x.id], keywords: [...x.keywords, ...(t.programme?.[x.id]?.title ? [x.title] : []), ...(t.programme?.[x.id]?.keywords ?? [])] })),
  };
}
