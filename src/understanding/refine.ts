// A decision completed by what the question's slots say besides its intent: what it sets aside ("not counting
// the breaks") and whether it denies what it asks ("which sessions is Mauree NOT in?"). The intent was decided
// from the words without the setting-aside clause; these slots change what is answered, never the words read.
import type { Decision, Resolved } from './decision.ts';
import type { QuestionSlots } from './slots.ts';
import { excludesAny } from './exclusion.ts';

/** `r`: what the recognisers and the dialogue state resolved. */
export function withSlots(d: Decision, slots: QuestionSlots, r: Resolved): Decision {
  const day = r.entities.day?.day;
  if (excludesAny(slots.exclude)) {
    // "how long is day 1 not counting the break?", "session time over both days without the opening": time, net
    const aboutTime =
      d.intent === 'hours' ||
      d.intent === 'agenda' ||
      d.intent === 'breaks' ||
      (d.intent === 'fact' && d.fact === 'dates') ||
      d.intent === 'session' ||
      (d.intent === 'count' && d.what === 'breaks');
    if (aboutTime && slots.asksLength) return { intent: 'count', what: 'hours', day: day ?? ('day' in d ? (d.day as number | undefined) : undefined) };
    // "how many, leaving out the coffee break and the opening?": the items left, not the one set aside
    if (slots.asksCount && (d.intent === 'session' || d.intent === 'breaks' || d.intent === 'agenda')) return { intent: 'count', what: 'sessions', day };
  }
  // "the audit guideline talk is at 11:00, right?": a premise about the session named (checked), not what is on at 11:00
  // (and "so that's 9:20 for me, right?" after a session: the session just discussed, its time stated in the attendee's)
  const stated = d.intent === 'at' || (d.intent === 'timezone.convert' && !!r.entities.time?.mine && !r.entities.target);
  if (stated && slots.polar && (r.sessionsNamed || (r.sessions.length === 1 && !r.fromList)) && r.sessions.length) {
    const items = r.sessions.filter((s) => s.kind !== 'break');
    if (items.length === 1) return { intent: 'session', sessions: items, aspect: 'when' };
    // (words that fit more than one session, "the session on the audit": the one at the time said if one is, else the
    // best match — the premise is checked against it)
    const time = r.entities.time;
    const at = time && items.find((s) => s.startsAt.setZone(time.zone).hour * 60 + s.startsAt.setZone(time.zone).minute === time.minutes);
    if (items.length > 1) return { intent: 'session', sessions: [at ?? items[0]!], aspect: 'when' };
    if (!items.length) return { intent: 'breaks', day: day ?? r.sessions[0]!.day, aspect: 'when' };
  }
  // "which day 2 sessions does Mauree NOT speak in?": the sessions without them
  if (slots.negated && d.intent === 'speaker' && slots.asksSessions && ['when', 'talks', 'profile', 'member'].includes(d.aspect))
    return { intent: 'speaker', speakers: d.speakers, aspect: 'absent', day: d.day ?? day };
  return d;
}
