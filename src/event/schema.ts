// The shape of an event file. Everything the bot knows about an event comes from a file of this shape;
// nothing about a particular event lives in code.
import { z } from 'zod';
import { DateTime, IANAZone } from 'luxon';
import { eventTranslationSchema, languageTag, translationProblems } from './translations.ts';
import { registrationWindowProblems } from './lifecycle.ts';

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:mm (24-hour)');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d).isValid, 'is not a real calendar date');
const dateOrLocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/, 'must be a date YYYY-MM-DD or a local date-time YYYY-MM-DDTHH:mm')
  .refine((d) => DateTime.fromISO(d).isValid, 'is not a real calendar date');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase id (letters, digits, dashes)');
const url = z.string().url('must be an absolute URL').refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');
const text = z.string().trim().min(1, 'must not be empty');

export const organisationSchema = z.object({
  name: text,
  shortName: text.optional(),
  url: url.optional(),
});

export const speakerSchema = z.object({
  id,
  name: text,
  title: text.optional(),
  /** Department or unit inside the organisation, e.g. "TSB". */
  unit: text.optional(),
  organisation: text,
});

export const reportSchema = z.object({
  id,
  /** The title as the event announcement names it. */
  title: text,
  /** The title it was published under, where that differs. */
  publishedTitle: text.optional(),
  url,
  note: text.optional(),
});

export const sessionKind = z.enum(['opening', 'talk', 'break', 'interactive', 'closing', 'panel', 'workshop']);

export const sessionSpeakerSchema = z.object({
  speakerId: id,
  /** The title of this speaker's own contribution, where the programme gives one. */
  talkTitle: text.optional(),
});

export const programmeItemSchema = z
  .object({
    id,
    day: z.number().int().min(1),
    start: localTime,
    end: localTime,
    title: text,
    description: text.optional(),
    kind: sessionKind,
    speakers: z.array(sessionSpeakerSchema).default([]),
    reports: z.array(id).default([]),
    /** Extra words attendees may use for this item (synonyms, acronyms): data, so it stays per event. */
    keywords: z.array(text).default([]),
  })
  .refine((s) => s.start < s.end, { message: 'must end after it starts', path: ['end'] });

export const daySchema = z
  .object({
    day: z.number().int().min(1),
    date: isoDate,
    start: localTime,
    end: localTime,
  })
  .refine((d) => d.start < d.end, { message: 'must end after it starts', path: ['end'] });

export const topicSchema = z.object({
  id,
  name: text,
  aliases: z.array(text).default([]),
  summary: text,
  established: text.optional(),
  url: url.optional(),
  objectives: z.array(text).default([]),
});

export const eventSchema = z
  .object({
    id,
    /** Marks invented events (samples, demos) so nobody mistakes them for a real one. */
    sample: z.boolean().default(false),
    title: text,
    /** A name of at most 30 characters where the title is longer (the Teams app's short name). */
    shortTitle: text.refine((t) => t.length <= 30, 'must be at most 30 characters').optional(),
    subtitle: text.optional(),
    /** Where the facts come from, e.g. the announcement's reference. */
    source: text.optional(),
    /** Who signed the announcement (not necessarily a speaker): "who signed the circular?". */
    signedBy: z.object({ name: text, title: text }).optional(),
    /** Whether the announced programme is final or still a draft that may change. */
    programmeStatus: z.enum(['draft', 'final']).optional(),
    organisers: z.array(organisationSchema).min(1, 'needs at least one organiser'),
    format: z.enum(['virtual', 'in-person', 'hybrid']),
    formatLabel: text,
    location: text.optional(),
    timeZone: text.refine((z) => IANAZone.isValidZone(z), 'is not an IANA time zone (e.g. Africa/Nairobi)'),
    timeZoneLabel: text,
    days: z.array(daySchema).min(1, 'needs at least one day'),
    eventPage: url,
    registration: z.object({
      mandatory: z.boolean(),
      /**
       * Where attendees register, the one route every answer gives: 'bot' (this chat's registration dialog; the
       * default) or 'page' (the external page at `url`, and the bot does not register anyone).
       */
      via: z.enum(['bot', 'page']).default('bot'),
      /** The external registration page; required when `via` is 'page'. */
      url: url.optional(),
      /**
       * When registration opens and closes, in the event's zone: a date (opens at its start, closes at its end) or a
       * local date-time YYYY-MM-DDTHH:mm. Absent: open until the event ends (see ./lifecycle.ts).
       */
      opens: dateOrLocalDateTime.optional(),
      closes: dateOrLocalDateTime.optional(),
      note: text.optional(),
      /** What attending costs, as announced ("Free of charge"); absent when the announcement does not say. */
      fee: text.optional(),
      /** Until when one can register, as announced; absent when the announcement does not say. */
      deadline: text.optional(),
    }),
    /** Join link for registered attendees; the JOIN_URL setting overrides it. */
    joinUrl: url.optional(),
    contact: z.object({
      name: text,
      email: z.string().email('must be an e-mail address'),
      phone: text.optional(),
      fax: text.optional(),
    }),
    audience: z.object({
      description: text,
      /** The stakeholder groups the event is for; registration offers them as categories. */
      groups: z.array(text).min(1),
    }),
    objectives: z.array(text).min(1),
    topics: z.array(topicSchema).default([]),
    speakers: z.array(speakerSchema),
    reports: z.array(reportSchema).default([]),
    reportsPage: url.optional(),
    programme: z.array(programmeItemSchema).min(1, 'needs at least one programme item'),
    /** The event's text in other languages, by language tag (see ./translations.ts). */
    translations: z.record(languageTag, eventTranslationSchema).default({}),
  })
  .superRefine((e, ctx) => {
    const unique = (what: string, ids: string[]) => {
      const seen = new Set<string>();
      ids.forEach((x, i) => {
        if (seen.has(x)) ctx.addIssue({ code: 'custom', path: [what, i, what === 'days' ? 'day' : 'id'], message: `duplicate ${x}` });
        seen.add(x);
      });
    };
    unique('speakers', e.speakers.map((s) => s.id));
    unique('reports', e.reports.map((r) => r.id));
    unique('programme', e.programme.map((p) => p.id));
    unique('days', e.days.map((d) => String(d.day)));
    const speakers = new Set(e.speakers.map((s) => s.id));
    const reports = new Set(e.reports.map((r) => r.id));
    const days = new Map(e.days.map((d) => [d.day, d]));
    e.programme.forEach((p, i) => {
      const day = days.get(p.day);
      if (!day) ctx.addIssue({ code: 'custom', path: ['programme', i, 'day'], message: `day ${p.day} is not one of the event's days` });
      else if (p.start < day.start || p.end > day.end)
        ctx.addIssue({ code: 'custom', path: ['programme', i, 'start'], message: `${p.start}-${p.end} lies outside day ${p.day} (${day.start}-${day.end})` });
      p.speakers.forEach((s, j) => {
        if (!speakers.has(s.speakerId))
          ctx.addIssue({ code: 'custom', path: ['programme', i, 'speakers', j, 'speakerId'], message: `unknown speaker "${s.speakerId}"` });
      });
      p.reports.forEach((r, j) => {
        if (!reports.has(r)) ctx.addIssue({ code: 'custom', path: ['programme', i, 'reports', j], message: `unknown report "${r}"` });
      });
    });
    for (const [lang, t] of Object.entries(e.translations)) for (const p of translationProblems(e, lang, t)) ctx.addIssue({ code: 'custom', ...p });
    if (e.registration.via === 'page' && !e.registration.url)
      ctx.addIssue({ code: 'custom', path: ['registration', 'url'], message: "is required when registration is via 'page' (the page attendees register on)" });
    for (const p of registrationWindowProblems(e)) ctx.addIssue({ code: 'custom', ...p });
    const dates = e.days.map((d) => d.date);
    if ([...dates].sort().join() !== dates.join())
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'must be listed in date order' });
  });

export type EventData = z.infer<typeof eventSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
export type Report = z.infer<typeof reportSchema>;
export type ProgrammeItem = z.infer<typeof programmeItemSchema>;
export type EventDay = z.infer<typeof daySchema>;
export type Topic = z.infer<typeof topicSchema>;
export type SessionKind = z.infer<typeof sessionKind>;
