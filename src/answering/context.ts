// What every composer needs for one turn: the event, its agenda, the clock, and which zones to show.
import type { DateTime } from 'luxon';
import type { Agenda, ResolvedDay, Session } from '../event/agenda.ts';
import type { EventData } from '../event/schema.ts';
import type { ZoneColumn } from '../conversation/content.ts';
import type { DialogueMemory } from '../conversation/types.ts';
import { offsetLabel, zoned } from '../understanding/zonedTime.ts';
import { duration, fromNowLabel, span, type ExtraZone } from './timeFormat.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { inFrenchText } from '../language/frenchGrammar.ts';
import { say } from '../language/messages.ts';
import { durationIn, fromNowIn, wallClock } from '../language/dateTime.ts';
import { lifecycleAt, type Lifecycle } from '../event/lifecycle.ts';
import { registrationLine } from '../conversation/registrationText.ts';

export class AnswerContext {
  readonly extras: ExtraZone[] = [];

  constructor(
    readonly event: EventData,
    readonly agenda: Agenda,
    /** The clock, epoch millis. */
    readonly now: number,
    readonly memory: DialogueMemory,
    readonly userZone?: string,
    target?: { zone: string; label: string },
    /** The language the reply is written in (src/language). */
    readonly language: Language = DEFAULT_LANGUAGE,
  ) {
    if (target && target.zone !== event.timeZone) this.extras.push({ zone: target.zone, name: say(language, 'time.inPlace', { place: target.label }) });
    if (userZone && userZone !== event.timeZone && userZone !== target?.zone && !this.sameOffsets(userZone)) this.extras.push({ zone: userZone, name: say(language, 'time.yourTime') });
  }

  private lc?: Lifecycle;
  /** Where the event and its registration stand by the bot's clock (src/event/lifecycle.ts). */
  get lifecycle(): Lifecycle {
    return (this.lc ??= lifecycleAt(this.event, this.now));
  }
  /** Whether and how to register, now, in one sentence without its stop (the one route every answer gives). */
  registrationLine(): string {
    return registrationLine(this.event, this.lifecycle, this.language);
  }

  /** The message `id` in the reply's language (locales/<lang>.json). */
  say(id: string, vars: Record<string, string | number> = {}): string {
    return say(this.language, id, vars);
  }

  /** "1 hour", "90 min" / "1 heure", "1 h 30" in the reply's language. */
  duration(minutes: number): string {
    return this.language === DEFAULT_LANGUAGE ? duration(minutes) : durationIn(this.language, minutes);
  }
  /** "in 5 min" / "dans 5 min": how far off an instant `ms` from now is. */
  fromNow(ms: number): string {
    return this.language === DEFAULT_LANGUAGE ? fromNowLabel(ms) : fromNowIn(this.language, ms);
  }
  /** "Day 2" / "Jour 2": a day named without its date. */
  shortDay(day: number): string {
    return this.say('day.short', { n: day });
  }

  /** Whether a zone shows the same wall-clock times as the event's on every event day. */
  sameOffsets(zone: string) {
    return this.agenda.days.every((d) => zoned(d.startsAt.toMillis(), zone).offset === zoned(d.startsAt.toMillis(), this.event.timeZone).offset);
  }

  get label() {
    return this.event.timeZoneLabel;
  }
  /** "10:20–11:50 EAT (09:20–10:50 your time, Europe/Berlin UTC+1)". */
  span(start: DateTime | number, end?: DateTime | number) {
    return span(+start, end === undefined ? undefined : +end, this.event.timeZone, this.label, this.extras, this.language);
  }
  sessionTime(s: Session) {
    return this.span(s.startsAt, s.endsAt);
  }
  /** "Day 1, Wed 30 March 2022". */
  dayLabel(day: ResolvedDay | number) {
    const d = typeof day === 'number' ? this.agenda.day(day)! : day;
    if (this.language !== DEFAULT_LANGUAGE) {
      const local = wallClock(d.startsAt.toMillis(), this.event.timeZone, this.language).longDate;
      return this.agenda.days.length > 1 ? this.say('day.label', { n: d.day, date: local }) : local;
    }
    const date = zoned(d.startsAt.toMillis(), this.event.timeZone).longDate;
    return this.agenda.days.length > 1 ? `Day ${d.day}, ${date}` : date;
  }
  sessionWhen(s: Session) {
    return `${this.dayLabel(s.day)}, ${this.sessionTime(s)}`;
  }
  speakerNames(s: Session) {
    return this.agenda.speakersOf(s).map((x) => x.speaker.name);
  }
  /** The zones a card's time column shows, the event's first: named once in its header. */
  zoneColumns(): ZoneColumn[] {
    const first = +this.agenda.startsAt;
    return [
      { label: this.label, detail: this.event.timeZone },
      ...this.extras.map((x) => ({ label: x.name.replace(/^(in|à) /, ''), detail: `${x.zone}, ${offsetLabel(zoned(first, x.zone).offset)}` })),
    ];
  }
  /** A range in each of `zoneColumns()`, same order: ["10:00–11:15", "09:00–10:15"] (a different date is said). */
  times(start: DateTime | number, end: DateTime | number): string[] {
    const eventDate = zoned(+start, this.event.timeZone).isoDate;
    return [this.event.timeZone, ...this.extras.map((x) => x.zone)].map((zone) => {
      const s = zoned(+start, zone);
      if (this.language !== DEFAULT_LANGUAGE) {
        const l = wallClock(+start, zone, this.language);
        return `${l.hm}–${wallClock(+end, zone, this.language).hm}${s.isoDate !== eventDate ? ` (${l.shortDate})` : ''}`;
      }
      return `${s.hm}–${zoned(+end, zone).hm}${s.isoDate !== eventDate ? ` (${s.shortDate})` : ''}`;
    });
  }
  /** A name as running text writes it: in French with its article when it takes one ("l'UIT"). */
  inText(name: string): string {
    return this.language === 'fr' ? inFrenchText(name) : name;
  }
  /** Between the items of a list: "; " ("\u202f; " in French, a narrow no-break space before the semicolon). */
  get semicolon(): string {
    return say(this.language, 'word.semicolon');
  }
  /** Wall-clock time of an instant in a zone, as the reply's language writes it. */
  hmIn(ms: number, zone: string) {
    return this.language === DEFAULT_LANGUAGE ? zoned(ms, zone).hm : wallClock(ms, zone, this.language).hm;
  }
  /** The date of an instant in a zone, short, as the reply's language writes it: "Thu 31 Mar" / "jeu. 31 mars". */
  shortDateIn(ms: number, zone: string) {
    return this.language === DEFAULT_LANGUAGE ? zoned(ms, zone).shortDate : wallClock(ms, zone, this.language).shortDate;
  }
  /** The date of an instant in a zone, long, as the reply's language writes it: "Wed 30 March 2022" / "mercredi 30 mars 2022". */
  longDateIn(ms: number, zone: string) {
    return this.language === DEFAULT_LANGUAGE ? zoned(ms, zone).longDate : wallClock(ms, zone, this.language).longDate;
  }
  /** Wall-clock time of an instant in the event's zone. */
  hm(ms: DateTime | number) {
    return this.language === DEFAULT_LANGUAGE ? zoned(+ms, this.event.timeZone).hm : wallClock(+ms, this.event.timeZone, this.language).hm;
  }
}
