// A classifier's intent turned into a decision: the intent with the slots it needs, taken from what the
// recognisers and the dialogue state resolved. Undefined when a slot the intent cannot do without is missing
// ("session.when" with no session named or remembered): then that reading cannot be answered as such.
import type { Decision, Resolved } from '../decision.ts';
import type { CommandIntent } from '../../conversation/types.ts';
import type { CountSubject, DetailKind, FactKind, SessionAspect, SpeakerAspect } from '../decision.ts';

const SIMPLE = new Set(['greeting', 'thanks', 'ack', 'help', 'bye', 'discussion', 'clock', 'timezone.info', 'now', 'next', 'earlier', 'speakers.all', 'sessions.unstaffed']);

export function decisionFor(intent: string, r: Resolved, tokens: readonly string[]): Decision | undefined {
  const e = r.entities;
  const day = e.day?.day;
  const [kind, aspect] = splitIntent(intent);
  if (SIMPLE.has(intent)) return { intent } as Decision;
  switch (kind) {
    case 'offtopic':
      return { intent: 'fallback' };
    case 'refuse':
      return { intent: 'refuse', harmful: aspect === 'harmful', sessions: [] };
    case 'command': {
      const command = aspect as CommandIntent;
      if (command !== 'remind' && command !== 'stop-reminders' && command !== 'calendar') return { intent: 'command', command };
      const sessions = r.sessions.filter((s) => s.kind !== 'break');
      if (sessions.length) return { intent: 'command', command, sessions: sessions.slice(0, 1) };
      if (r.speakerSessions.length) return { intent: 'command', command, sessions: r.speakerSessions };
      return day ? { intent: 'command', command, day } : { intent: 'command', command };
    }
    case 'fact':
      return { intent: 'fact', fact: aspect as FactKind };
    case 'detail':
      return { intent: 'detail', detail: aspect as DetailKind };
    case 'acronym':
      return r.acronym ? { intent: 'acronym', word: r.acronym.word, expansion: r.acronym.expansion } : undefined;
    case 'agenda':
      return { intent: 'agenda', day };
    case 'hours':
      return { intent: 'hours', day, edge: 'both' };
    case 'breaks':
      return { intent: 'breaks', day, aspect: 'when' };
    case 'at':
      return e.time ? { intent: 'at', day } : undefined;
    case 'period':
      return e.partOfDay ? { intent: 'period', period: e.partOfDay, day } : undefined;
    case 'timezone':
      if (aspect === 'set') return e.target ? { intent: 'timezone.set', zone: e.target.zone, label: e.target.label } : undefined;
      return e.target ? { intent: 'timezone.convert' } : undefined;
    case 'session':
      if (!r.sessions.length) return undefined;
      return aspect === 'status' ? { intent: 'session', sessions: r.sessions, aspect: 'status', check: 'on' } : { intent: 'session', sessions: r.sessions, aspect: aspect as SessionAspect };
    case 'speaker':
      return r.speakers.length ? { intent: 'speaker', speakers: r.speakers, aspect: aspect as SpeakerAspect } : undefined;
    case 'speakers': {
      const organisation = e.organisations[0]?.organisation;
      return aspect === 'organisation' && organisation ? { intent: 'speakers.organisation', organisation } : undefined;
    }
    case 'organisation': {
      const organisation = e.organisations[0]?.organisation;
      return organisation ? { intent: 'organisation', organisation } : undefined;
    }
    case 'topic': {
      const topic = e.topics[0]?.topic;
      return topic ? { intent: 'topic', topic } : undefined;
    }
    case 'reports': {
      const reports = e.reports.map((x) => x.report);
      return { intent: 'reports', reports: reports.length ? reports : undefined, sessions: r.sessionsNamed && !reports.length ? r.sessions : undefined };
    }
    case 'report':
      return e.reports.length ? { intent: 'report.sessions', reports: e.reports.map((x) => x.report) } : undefined;
    case 'count':
      return { intent: 'count', what: aspect as CountSubject, day };
    case 'extreme':
      return { intent: 'extreme', which: tokens.some((t) => t.startsWith('short')) ? 'shortest' : 'longest', what: tokens.includes('day') ? 'day' : 'session', includeBreaks: false, day };
    default:
      return undefined;
  }
}

/** "session.when" → ["session", "when"]; "speakers.organisation" → ["speakers", "organisation"]. */
function splitIntent(intent: string): [string, string | undefined] {
  const dot = intent.indexOf('.');
  return dot < 0 ? [intent, undefined] : [intent.slice(0, dot), intent.slice(dot + 1)];
}
