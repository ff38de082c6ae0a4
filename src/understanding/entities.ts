// Runs every recogniser over one normalised question and collects what it mentions. Built once per
// event (the indexes live in the recognisers); recognise() is per turn and allocation-light.
import type { Agenda, Session } from '../event/agenda.ts';
import type { EventData, Report } from '../event/schema.ts';
import { Catalogue, type CatalogueHit } from './catalogue.ts';
import { recogniseDay, type DayMention } from './days.ts';
import type { Normalised } from './normalise.ts';
import { OrganisationRecogniser, type OrganisationMatch } from './organisations.ts';
import { PlaceRecogniser, type PlaceMention } from './places.ts';
import { SpeakerRecogniser, type SpeakerMatch } from './speakers.ts';
import { recognisePartOfDay, recogniseTime, type PartOfDay, type TimeMention } from './times.ts';
import { TopicRecogniser, type TopicMatch } from './topics.ts';
import { wordsOf } from './vocabulary.ts';

export interface Entities {
  speakers: SpeakerMatch[];
  organisations: OrganisationMatch[];
  topics: TopicMatch[];
  /** Sessions the words point at, best first (close runners-up kept). */
  sessions: { session: Session; score: number; terms: string[]; strong: boolean; exact?: boolean }[];
  /** Reports named directly, best first; `exact`: the words are the report's own title (or its published title), little else. */
  reports: { report: Report; score: number; exact?: boolean }[];
  day?: DayMention;
  /** A clock time and the zone it is meant in (the event's unless the user said otherwise). */
  time?: TimeMention & { zone: string; zoneLabel?: string; mine?: boolean; zonePlace?: PlaceMention };
  /** A place or zone to show times in ("in Tokyo", "London time"). */
  target?: PlaceMention;
  /** The zone converted FROM when two zones are named and no clock time ("what is EAT in GMT"). */
  source?: PlaceMention;
  /** "my time", "local time": the user's own zone. */
  ownTime: boolean;
  /** "in the afternoon": a part of the day, when no clock time is named. */
  partOfDay?: PartOfDay;
}

export class EntityRecogniser {
  readonly speakers: SpeakerRecogniser;
  readonly organisations: OrganisationRecogniser;
  readonly topics: TopicRecogniser;
  readonly places: PlaceRecogniser;
  private readonly catalogue: Catalogue;

  constructor(
    private readonly event: EventData,
    private readonly agenda: Agenda,
  ) {
    this.speakers = new SpeakerRecogniser(event.speakers);
    this.organisations = new OrganisationRecogniser(event);
    this.topics = new TopicRecogniser(event.topics);
    this.catalogue = new Catalogue(event, agenda);
    // Words that name the event's own people and things are never read as places ("Mobile", "Itu").
    const own = new Set<string>();
    const add = (s?: string) => s && wordsOf(s).forEach((w) => own.add(w));
    event.speakers.forEach((s) => (add(s.name), add(s.organisation)));
    event.organisers.forEach((o) => (add(o.name), add(o.shortName)));
    event.programme.forEach((p) => (add(p.title), p.keywords.forEach(add), p.speakers.forEach((s) => add(s.talkTitle))));
    event.reports.forEach((r) => add(r.title));
    event.topics.forEach((t) => (add(t.name), t.aliases.forEach(add)));
    this.places = new PlaceRecogniser(own);
  }

  recognise(n: Normalised, now: Date): Entities {
    const tokens = n.tokens;
    const organisations = this.organisations.recognise(tokens);
    let speakers = this.speakers.recognise(tokens);
    // "Klinger Consulting" names the firm; a speaker matched only inside an organisation's name is not meant.
    const orgTokens = new Set(organisations.flatMap((o) => o.tokens));
    speakers = speakers.filter((s) => !s.tokens.every((t) => orgTokens.has(t)) || s.tokens.length > 1);
    const topics = this.topics.recognise(tokens);
    const places = this.places.recognise(n.raw, n.plain);

    const taken = new Set<number>([...speakers.flatMap((s) => s.tokens), ...orgTokens]);
    const hits = this.catalogue.search(tokens.filter((_, i) => !taken.has(i)));

    const day = recogniseDay(n.text, this.agenda, now) ?? recogniseDay(n.lower, this.agenda, now);
    const t = recogniseTime(n.lower);
    let time: Entities['time'];
    const ownTime = /\b(my|local|your) (local )?time\b|\bmy (time ?zone|timezone)\b|\bwhere i (am|live)\b|\b(what time|when|what day|which day|what date)\b.*\bfor (me|us)\b|^(and |so )?(for me|in my time|my time|for us)\W*$/.test(n.lower);
    const remaining = [...places];
    if (t) {
      // The zone right after the time is the zone it is meant in: "10:00 EAT", "9am London time".
      const after = n.lower.slice(t.end, t.end + 30).replace(/^\s*(in\s+)?/, '');
      const own = remaining.findIndex((p) => after.startsWith(p.label.toLowerCase()));
      // ("9:20 for me", "9h chez moi" → "9:00 my time", "4 am where I am": the attendee's own clock too)
      if (/^(my|your)( local)? time\b|^local time\b|^my timezone\b|^(for me|for us|where i (am|live)|here)\b(?! (in|at) )/.test(after)) time = { ...t, zone: this.event.timeZone, mine: true };
      else if (own >= 0) {
        time = { ...t, zone: remaining[own].zone, zoneLabel: remaining[own].label, zonePlace: remaining[own] };
        remaining.splice(own, 1);
      } else time = { ...t, zone: this.event.timeZone };
    }
    let target = remaining[0];
    let source: PlaceMention | undefined;
    // "what is EAT in GMT", "Nairobi time to London time": a zone name, then the zone wanted.
    if (!time && remaining.length >= 2 && (remaining[0].kind !== 'city' && remaining[0].kind !== 'country' || /^\s*time\b/.test(n.plain.slice(remaining[0].end).join(' ')))) {
      source = remaining[0];
      target = remaining[1];
    }
    return {
      speakers,
      organisations,
      topics,
      sessions: pick(hits.filter((h) => h.kind === 'session')).map((h) => {
        const session = this.agenda.session(h.ref)!;
        return { session, score: h.score, terms: h.terms, strong: h.strong, ...(namesTitle(tokens, session.title) ? { exact: true } : {}) };
      }),
      reports: pick(hits.filter((h) => h.kind === 'report')).map((h) => {
        const report = this.agenda.report(h.ref)!;
        return { report, score: h.score, ...(namesTitle(tokens, report.title) || (report.publishedTitle && namesTitle(tokens, report.publishedTitle)) ? { exact: true } : {}) };
      }),
      day,
      time,
      target,
      source,
      ownTime,
      partOfDay: t ? undefined : recognisePartOfDay(n.lower),
    };
  }
}

/** The question is a title, give or take a few words ("the Security testing for USSD and STK based DFS applications report?"). */
function namesTitle(tokens: readonly string[], title: string): boolean {
  const words = wordsOf(title);
  if (words.length < 4) return false;
  const asked = new Set(tokens);
  return words.every((w) => asked.has(w)) && tokens.length <= words.length + 4;
}

/** The best hits and any close runners-up. */
function pick(hits: CatalogueHit[]): CatalogueHit[] {
  if (!hits.length) return hits;
  const top = hits[0].score;
  return hits.filter((h) => h.score >= top * 0.6);
}
