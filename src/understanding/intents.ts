// Decides what a question asks for, from its words and the entities found in it. Rules run in order,
// most specific first; each names a KIND of question (never a sentence), so new wordings of the same
// kind land in the same place.
import type { Session } from '../event/agenda.ts';
import type { Report, Speaker, Topic } from '../event/schema.ts';
import type { CommandIntent, DialogueMemory } from '../conversation/types.ts';
import type { Entities } from './entities.ts';
import type { Normalised } from './normalise.ts';
import type { Organisation } from './organisations.ts';
import type { PartOfDay } from './times.ts';

/** 'status': where it stands against the clock ("how long until …?", "did I miss …?", "is … still on?"). */
export type StatusCheck = 'missed' | 'on' | 'started';
export type SessionAspect = 'when' | 'who' | 'moderator' | 'duration' | 'about' | 'reports' | 'details' | 'status';
export type SpeakerAspect = 'profile' | 'when' | 'talks' | 'organisation' | 'title' | 'others' | 'reports' | 'member' | 'contact';
export type FactKind = 'dates' | 'format' | 'attend' | 'registration' | 'organisers' | 'contact' | 'page' | 'audience' | 'objectives' | 'name' | 'signatory' | 'programme-status' | 'source' | 'clock-change';

/** What "how many …?" counts. */
export type CountSubject = 'speakers' | 'organisations' | 'sessions' | 'breaks' | 'reports' | 'days' | 'hours';

/** Practical details attendees ask about that an event's announcement often leaves out. */
export type DetailKind = 'fee' | 'deadline' | 'recording' | 'slides' | 'certificate' | 'language' | 'dress' | 'catering' | 'wifi' | 'parking' | 'accommodation' | 'bandwidth';

// Ordered: the first that matches names the detail asked about.
const DETAILS: [DetailKind, RegExp][] = [
  ['deadline', /\bregistration (still )?(open|closed)\b|\b(still|too late to) (open|register|sign up|enrol)\b|\bcan i still (register|sign up|enrol)\b|\bdeadline\b|\blast (day|date) (to|for) (register|registration|sign up|enrol)|\b(register|sign up|enrol) (by|before) when\b|\buntil when\b.*\bregist|\bregistration (close|closes|closing|end|ends|open until)\b|\bwhen (does|do|will) (the )?registration (close|end)\b/],
  ['fee', /\b(is|are) (it|this|that|the (event|clinic|webinar|workshop|forum|conference|registration|participation)|registration|participation|attendance|attending) paid\b|\bfree\b|\bfees?\b|\bhow much (does|is|will|do) (it|this|the|registration|participation|attendance|a ticket)\b|\bcosts?\b|\bprice\b|\b(pay|payment)\b|(?<!\bin )\bcharges?\b|\btickets?\b/],
  ['recording', /\brecord(ed|ing|ings)?\b|\breplay\b|\bwatch (it |them |the sessions? )?later\b|\bon demand\b|\bvideos?\b/],
  ['slides', /\bslides?\b|\bslide ?decks?\b|\bdecks?\b|\bpresentations? (be |will be |are |get )?(shared|available|sent|uploaded|posted|distributed|published|circulated)\b|\b(share|send|upload|post|distribute|publish|get|download|circulate) (the |a )?(copy of the |copies of the )?presentations?\b|\bhandouts?\b/],
  ['certificate', /\bcertificates?\b|\bcertification\b|\bcpd\b|\bproof of (attendance|participation)\b/],
  ['language', /\binterpret(ation|ers?|ing)?\b|\btranslat\w*\b|\bwhat languages?\b|\b(which|in what) language\b|\bin (french|arabic|spanish|portuguese|swahili|russian|chinese)\b/],
  ['dress', /\bdress code\b|\bwhat (should|do|shall) (i|we) wear\b|\battire\b/],
  ['catering', /\b(lunch|dinner|breakfast|meals?|food|snacks?|drinks?)\b.*\b(provided|served|included|offered|available)\b|\b(catering|refreshments)\b|\bis (there )?(lunch|food) (provided|included)\b/],
  ['wifi', /\bwi ?fi\b|\b(internet|network) password\b/],
  ['parking', /\bparking\b|\bcar park\b|\bpark (my|the|a) car\b/],
  ['bandwidth', /\b(internet|connection|bandwidth|network|data)\b.{0,20}\b(slow|poor|bad|weak|unstable|limited|expensive|low)\b|\blow (bandwidth|data)\b|\bbandwidth\b/],
  ['accommodation', /\bhotels?\b|\baccommodation\b|\blodging\b|\bwhere (to|can i|could i|should i|do i) (stay|sleep)\b|\bplace to stay\b/],
];

/** The practical detail a question asks about, if it is one of those. */
export function detailAsked(t: string): DetailKind | undefined {
  return DETAILS.find(([, re]) => re.test(t))?.[0];
}

export type Decision =
  | { intent: 'greeting' | 'thanks' | 'ack' | 'help' | 'bye' | 'fallback' }
  /** A request to do something the assistant must not or cannot: write code, attack someone ("write me an SS7 exploit"). */
  | { intent: 'refuse'; harmful: boolean; sessions: Session[] }
  | { intent: 'command'; command: CommandIntent; sessions?: Session[]; day?: number; field?: string; value?: string }
  | { intent: 'timezone.set'; zone?: string; label?: string; assumed?: boolean }
  | { intent: 'timezone.info' }
  | { intent: 'timezone.convert' }
  | { intent: 'acronym'; word: string; expansion?: string }
  | { intent: 'fact'; fact: FactKind }
  | { intent: 'detail'; detail: DetailKind }
  | { intent: 'count'; what: CountSubject; day?: number; organisation?: Organisation; session?: Session; withoutOpening?: boolean }
  /** "which day has more reports?": a count per day, and which day has more (or fewer). */
  | { intent: 'count.byDay'; what: 'sessions' | 'speakers' | 'reports' | 'breaks'; fewer: boolean }
  | { intent: 'extreme'; which: 'longest' | 'shortest'; what: 'session' | 'day'; includeBreaks: boolean; day?: number; withoutOpening?: boolean }
  | { intent: 'topic'; topic: Topic }
  | { intent: 'organisation'; organisation: Organisation }
  | { intent: 'agenda'; day?: number }
  | { intent: 'hours'; day?: number; edge: 'start' | 'end' | 'both' }
  | { intent: 'breaks'; day?: number; aspect: 'when' | 'duration' | 'next'; around?: { session: Session; after: boolean } }
  | { intent: 'at'; day?: number }
  /** "what time is it in Nairobi now?": the clock, in a place's zone (else the attendee's, else the event's). */
  | { intent: 'clock' }
  /** "is there a Q&A?": the sessions meant for discussion (interactive, panels, open floor), if the programme has any. */
  | { intent: 'discussion' }
  /** "what about the afternoon?": what is on in a part of a day (the day asked, else the one discussed). */
  | { intent: 'period'; period: PartOfDay; day?: number }
  | { intent: 'now' | 'next' | 'earlier' | 'ending' }
  /** `check`: the yes/no a status question asks ("did I miss it?", "is it still on?", "has it started?"). */
  | { intent: 'session'; sessions: Session[]; aspect: SessionAspect; speaker?: Speaker; check?: StatusCheck }
  | { intent: 'speaker'; speakers: Speaker[]; aspect: SpeakerAspect; first?: boolean; session?: Session; day?: number }
  | { intent: 'speakers.all'; everyDay?: boolean }
  /** "who speaks right after Mauree on day 2?": the speakers of the item next to theirs. */
  | { intent: 'speaker.adjacent'; speaker: Speaker; after: boolean; day?: number }
  /** "which session has no speaker listed?" */
  | { intent: 'sessions.unstaffed' }
  /** "I'm a regulator — which sessions are most relevant for me?": the sessions whose own words name that group. */
  | { intent: 'sessions.for'; group: string }
  /** An organisation no speaker is with ("is there anyone from Safaricom?"). */
  | { intent: 'organisation.unknown'; name: string }
  /** A person the question names who is not in the programme ("is Bill Gates speaking?"). */
  | { intent: 'speaker.unknown'; name: string }
  /** "who is from EACO?"; "the ITU person in the USSD session": only that session's. */
  | { intent: 'speakers.organisation'; organisation: Organisation; session?: Session }
  | { intent: 'reports'; reports?: Report[]; sessions?: Session[] }
  | { intent: 'report.sessions'; reports: Report[] };

/** What the recognisers and memory resolved, handed to the rules. */
export interface Resolved {
  entities: Entities;
  /** Sessions by name, ordinal ("the first session") or pronoun ("it"). */
  sessions: Session[];
  /** Sessions matched only weakly (by description words): a last resort before giving up. */
  weakSessions: Session[];
  speakers: Speaker[];
  /** The person the question names is the one who signed the announcement ("who is Chaesub Lee?"). */
  signatoryNamed?: boolean;
  /** Whether `sessions` came from the words themselves (not from memory or an ordinal). */
  sessionsNamed: boolean;
  speakerFromPronoun: boolean;
  /** The words name the event itself ("the clinic", "the event", its title). */
  aboutEvent: boolean;
  /** The speakers or sessions were picked from the list shown last ("the second one"). */
  fromList?: boolean;
  /** "send me the link" after a question about a report: the report in memory is the one meant. */
  reportLink?: boolean;
  /** The session is the one after/before the last one discussed ("and the next one?"). */
  relative?: boolean;
  /** An audience group is named ("central banks", "regulators"). */
  audienceGroup?: boolean;
  /** An organisation named that nobody in the programme is with ("anyone from Safaricom?"). */
  unknownOrganisation?: string;
  /** The audience group's word the question used ("regulator"), when it used one. */
  audienceWord?: string;
  /** An acronym of the event's text is asked about ("what is DFS?"), with its expansion if the data gives one. */
  acronym?: { word: string; expansion?: string; explicit: boolean };
  /** A person's name asked about that matches no speaker ("who is John Smith"), as typed. */
  unknownPerson?: string;
  /** The speakers of the one talk whose own title the words name ("who gives the introduction to the lab"). */
  talkSpeakers?: Speaker[];
}

/** A yes/no question: "is Vijay Mauree speaking on day 2?", "does the clinic end at 1pm?". */
/** ("could you tell me ...", "would you kindly ..." are requests, not yes/no questions) */
/** "Bilel Jamoussi is with EACO, isn't he?": a statement put as a question by its tag. */
export const TAG_QUESTION = /\b(is not|are not|does not|do not|did not|was not|right|correct|true)( (he|she|it|they|that|there))?$/;
/** "which speakers appear on both days?": a list narrowed to what is on every day. */
const EVERY_DAY = /\b(both|all|every|each) days?\b|\bon both\b/;
export const POLAR = /^(and |so |but |ok |okay |also |then )?(is|are|does|do|did|will|would|can|could|has|have|was|were|am)\b(?! (you|u)\b)/;

const has = (re: RegExp, t: string) => re.test(t);
/** "when's the coffee break?", "the break": one break asked about, so on the day being discussed. */
const BREAK_ON_DAY_DISCUSSED = /\bthe (coffee |tea |lunch )?break\b|\bs the (coffee |tea )?break\b/;

/** A named session against the clock: "how long until the SS7 session?", "did I miss the opening?", "is it still on?". */
const SESSION_STATUS = /\bhow (long|much time|many (hours|minutes)) (until|till|til|before|to go|left)\b|\b(time|minutes|hours) (until|till|left)\b|\b(did|have) (i|we) (miss|missed)\b|\b(has|have) (it|they|(the|that|this) [a-z0-9 ]{1,40}) (already )?(started|begun|finished|ended)\b|\bstill (on|going|running|happening|live)\b|\b(started|begun|over|finished) (yet|already)\b|\b(is|are) (it|they|(the|that|this) [a-z0-9 ]{1,40}) (on|going on|running|happening|live|over|finished) (now|yet|already)$/;

/** Attacking, breaking in, stealing: what the clinic teaches defence against, asked for as something to do. */
const ATTACK = /\b(hack|hacking|crack|cracking|exploit|exploiting|intercept|intercepting|sniff|spoof|spoofing|phish|phishing|steal|stealing|break into|clone|cloning|ddos|malware|ransomware|keylogger|spyware|eavesdrop|track someone|spy on|swap (someone|somebody|his|her|their)\w* sim)\b/;
/** Asking for it to be done or made, or how to do it oneself ("how can I …"), rather than about it. */
const DO_IT = /^(please |pls |can you |could you |would you |will you )?(write|code|program|create|generate|build|make|develop|give me|send me|provide|show me how|teach me|help me|tell me how (to|i|can i))\b|\bhow (do|can|could|would|should|to) (i|we|you|one)? ?(hack|crack|exploit|intercept|sniff|spoof|phish|steal|break into|clone|ddos|eavesdrop|spy)\b|\bhow to (hack|crack|exploit|intercept|sniff|spoof|phish|steal|break into|clone|ddos|eavesdrop|spy)\b/;
/** Someone else's account, phone or messages: a target, not a topic. */
const VICTIM = /\b(someone|somebody|anyone|anybody|people|my (ex|neighbou?r|wife|husband|boss|girlfriend|boyfriend|friend)|a (person|victim|target))( s)?\b|\bwithout (them|their|him|her) (knowing|consent|permission)\b/;
/** Making something that is not an answer about the event: "write me an essay", "draft an email". */
const PRODUCE = /^(please |pls |can you |could you )?(write|draft|compose|generate|code|create|make) (me |us )?(a|an|the|some|my)? ?(script|program|programme|code|app|essay|poem|email|e mail|letter|story|song|joke|tweet|post|summary of (the )?news|cv|resume)\b/;

/** 'harmful' for a request to attack or get into something; 'task' for a request to produce something unrelated. */
export function refusalAsked(t: string): 'harmful' | 'task' | undefined {
  if (ATTACK.test(t) && (DO_IT.test(t) || VICTIM.test(t))) return 'harmful';
  if (PRODUCE.test(t)) return 'task';
  return undefined;
}

const W = {
  when: /\b(when|what time|which time|time|timing|start|starts|starting|begin|begins|end|ends|finish|finishes|over|scheduled|at what|held)\b/,
  who: /\b(who|whom|speaker|speakers|presenter|presenters|presenting|presents|present|speaks|speak|speaking|talking|panelist|panelists|panellists|moderates|moderator|opens|open|leads|gives|giving|delivers|delivering|chair|chairs|facilitat\w*)\b/,
  duration: /\b(how long|duration|length|how many (minutes|hours)|last|lasts)\b/,
  about: /\b(about|describe|description|summary|summari[sz]e|details|cover|covers|covered|discuss|discussed|discussing|content|overview|explain|what happens|focus|topic|agenda of)\b/,
  report: /\b(reports?|documents?|docs|publications?|papers?|reading|materials?|slides|resources|pdf|background (reading|material|materials|documents?|papers?)|literature|study|studies|read)\b/,
  agenda: /\b(agenda|programme|program|schedule|timetable|line ?up|what is on|on the menu|happening|happens|plan|running order|itinerary|sessions|talks|planned)\b/,
  brk: /\b(breaks?|coffee|tea|lunch|pause|recess|intermission|rest)\b/,
  now: /\b(now|right now|currently|at the moment|live|ongoing|in progress|at this moment)\b/,
  next: /\b(next|upcoming|coming up|after this)\b/,
  heShe: /\b(he|him|his|she|her|hers)\b/,
  it: /\b(it|its|that|this|the session|that session|this session|the talk|that talk|this talk)\b/,
};

export function decide(n: Normalised, r: Resolved, memory: DialogueMemory): Decision {
  const t = n.text;
  const e = r.entities;
  const words = n.tokens.length;

  // --- the attendee tells us where they are
  const setZone =
    has(/\b(set|change|update|switch|use|put)\b.*\b(time ?zone|timezone|zone|location|local time|tz)\b/, t) ||
    has(/\bmy (time ?zone|timezone|zone|location|local time|city|country)\b.*\b(is|to)\b/, t) ||
    has(/\bi am (actually |really |now |still |currently |based |located |living |staying |working |sitting )*(in|at)\b|\bi (live|stay|work|reside) in\b|\b(joining|attending|connecting|dialling|dialing|calling|participating) from\b|\bi am from\b|^(greetings|hello|hi|hey|good (morning|afternoon|evening|day)|regards|salutations|cheers)( all| everyone| there)? from\b|\b(writing|watching|tuning in|joining us|here) from\b/, t);
  if (setZone) {
    const place = e.target;
    if (place) return { intent: 'timezone.set', zone: place.zone, label: place.label, assumed: place.assumed };
    if (has(/\b(time ?zone|timezone|zone|tz|local time)\b/, t)) return { intent: 'timezone.set' };
  }

  // --- "how long does each day last?": the days' hours
  if (has(/\bhow long (is|does|will|do)? ?(each|every) day\b|\b(each|every|a) day (last|lasts|run|runs|take|takes)\b|\bhow long (each|every) day\b|\bhow (many|much) hours (is |are )?(each|every|a|per) day\b/, t)) return { intent: 'hours', edge: 'both' };
  // --- "the clinic is 30-31 Mar, correct?": the dates, checked
  if (has(/\b\d{1,2}\s*(to|-|and|&)\s*\d{1,2}\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/, n.lower.replace(/[–—]/g, '-')) && !r.sessionsNamed && !r.speakers.length) return { intent: 'fact', fact: 'dates' };

  // --- one word: "time?", "hours", "timings": the event's days and hours
  if (has(/^(the )?(time|times|timing|timings|hours|what time)( please| pls)?$/, t)) return { intent: 'hours', edge: 'both' };

  // --- commands for the router
  const command = decideCommand(t, n.raw, r);
  if (command) return command;

  // --- small talk
  const question = has(/\b(when|what|who|where|how|which|why|is there|are there|can you|could you|do you|does|is|are)\b/, t);
  if (has(/\b(thanks|thank you|thank u|thankyou|cheers|appreciate it|much appreciated|many thanks|merci|asante|gracias|danke|obrigado|obrigada|shukran|grazie|you are (very |so )?kind|very kind)\b/, t) && (!question || has(/\b(you|that|this|it) (is|s|was|are|re|were) (very |so |too |really |super )?(kind|helpful|useful|great|perfect|brilliant|awesome|nice|clear|lovely)\b/, t))) return { intent: 'thanks' };
  // "ok", "cool", "got it": an acknowledgement, which keeps the conversation where it was
  if (has(/^(ok|okay|k|kk|cool|great|nice|good|perfect|awesome|excellent|alright|all right|fine|got it|gotcha|i see|noted|understood|sure|right|wow|super|brilliant|lovely|ah ok|oh ok|ok cool|ok great|ok thanks)( then)?$/, t)) return { intent: 'ack' };
  if (has(/^(bye|goodbye|good bye|see you|see ya|cya|ciao|farewell|that is all|that is it|i am done)\b/, t)) return { intent: 'bye' };
  if (
    (has(/^(help|help me|menu|options|commands|start|get started)$/, t) && !(t === 'start' && n.raw.trim().endsWith('?'))) ||
    has(/\bwhat (can|do) you (do|know)\b|\bwhat (else )?can i ask\b|\bhow (does|do) (this|it|you) work\b|\bwhat can you help\b|\bwho are you\b|\bwhat are you\b|\bhow can you help\b/, t)
  )
    return { intent: 'help' };
  // --- the announcement itself: who signed it, whether its programme is final
  if (has(/\b(circular|announcement|invitation letter|letter)\b.*\b(number|no|date|dated|ref|reference|when|issued|sent)\b|\b(which|what) (circular|announcement|letter)\b|\b(number|date|reference) of the (circular|announcement|letter)\b/, t))
    return { intent: 'fact', fact: 'source' };
  if (r.signatoryNamed || has(/\bwho (signed|wrote|sent|issued|authored)\b|\bsignator(y|ies)\b|\bsigned by\b/, t)) return { intent: 'fact', fact: 'signatory' };
  if (has(/\b(programme|program|agenda|schedule|line ?up)\b.*\b(final|finali[sz]ed|confirmed|definitive|fixed|draft|provisional|tentative|preliminary|subject to change|change|changes|changing)\b|\b(final|confirmed|definitive|draft|provisional|tentative|preliminary) (programme|program|agenda|schedule)\b/, t) && !r.sessionsNamed && !r.speakers.length)
    return { intent: 'fact', fact: 'programme-status' };

  // --- "do the clocks change during the forum?": from the event zone's offsets on its days
  if (has(/\bclocks? (change|go back|go forward|changing|shift)\b|\bdaylight sav\w*\b|\bdst\b|\b(summer|winter) time (start|end|change)\w*\b|\btime change\b/, t)) return { intent: 'fact', fact: 'clock-change' };

  // --- asked to attack someone or to produce something (code, an essay): declined, whatever topic it touches
  const refusal = refusalAsked(t);
  if (refusal) return { intent: 'refuse', harmful: refusal === 'harmful', sessions: r.sessionsNamed ? r.sessions.filter((s) => s.kind !== 'break') : [] };

  // --- plainly outside the event, whatever else the words brush against ("the weather in Nairobi tomorrow")
  if (has(/\b(weather|forecast|temperature|crypto|bitcoin|stock market|share price|recipe|football|restaurant)\b/, t) && !r.sessionsNamed && !r.speakers.length) return { intent: 'fallback' };

  // --- "what time is it in Nairobi now?": the clock itself
  // ("what time is it in Nairobi when the event starts?", "what time is it for me?" after a session ask about that)
  const clockWords = has(/\bwhat (time|s the time) is it\b|\bwhat is the (time|current time|local time)\b|\b(current|present) time\b|\btime (is it )?(now|right now)$|\bthe time (now|right now)\b|\bwhat time do you have\b/, t);
  const rightNow = has(/\b(now|right now|currently|at the moment|at this moment|current|present)\b/, t);
  const bare = has(/^(so |and |ok |okay )?what (time is it|is the time|s the time)( (in|at) [a-z ]+| there| here)?$/, t) && !memory.sessionId && !memory.speakerId;
  if (clockWords && (rightNow || bare) && !has(/\b(when|then|for me|for us|my time|starts?|begins?|ends?|session|talk)\b/, t) && !r.sessionsNamed && !r.speakers.length && !e.time)
    return { intent: 'clock' };

  // --- "is there a Q&A?", "will there be time for questions?": where the programme leaves room for discussion
  if (has(/\b(questions and answers|time for questions|(ask|put) (the )?(speakers?|panel(l)?ists?|presenters?) (a )?questions?|ask questions|audience questions|live questions|open floor|open discussion|discussion (session|time|slot)|interactive (session|part|discussion))\b/, t) && !r.sessionsNamed && !r.speakers.length)
    return { intent: 'discussion' };

  // --- fees, deadlines, recordings, slides…: answered from the event data when it has them, else said to be unknown
  // A price or a ticket is the event's only when the question is about the event ("the price of bitcoin" is not).
  const detail = detailAsked(t);
  if (detail && (detail !== 'fee' || r.aboutEvent || has(/\b(it|this|attend\w*|participat\w*|join\w*|regist\w*|sign up|enrol\w*|session|sessions|ticket|tickets)\b/, t))) return { intent: 'detail', detail };

  // --- "has it started?", "is it still on?", "can I still join?": where the event stands now
  if (has(/\bhas (it|the (event|clinic|webinar|workshop|forum|conference|meeting)) (already )?(started|begun|finished|ended)\b|\bis (it|the (event|clinic|webinar|workshop|forum|conference|meeting)) (still |already )?(on|happening|running|over|live|finished)( (now|today|yet|still|anymore|any more))?$|\bcan (i|we) still (join|attend|participate|take part|watch)\b/, t) && !has(/\b(which|what) (days?|dates?)\b|^when\b/, t))
    return { intent: 'now' };

  // --- against the clock: "how long until it starts?", "anything left today?", "what did I miss this morning?"
  const countdown = has(/\bhow (long|much time|many (hours|minutes)) (until|till|til|before|to go|left)\b|\bhow long (to go|left)\b|\btime (until|till|left)\b|\bcountdown\b/, t);
  if (countdown && !r.sessionsNamed && !r.speakers.length) {
    if (e.day?.day) return { intent: 'hours', day: e.day.day, edge: has(/\b(end|ends|finish|finishes|over|close|closes)\b/, t) ? 'end' : 'start' };
    if (has(W.brk, t)) return { intent: 'breaks', aspect: 'next' };
    if (has(/\b(end|ends|finish|finishes|over|close|closes)\b/, t)) return { intent: 'ending' };
    return { intent: has(W.next, t) ? 'next' : 'now' };
  }
  if (has(/\b(what|anything|something) (did|have) (i|we) miss(ed)?\b|\bwhat (have i|i have|did i) missed\b|\bwhat (happened|was on|did they (cover|discuss)) (this morning|earlier|so far|today)\b|\bwhat (has|have) (been )?(happened|covered) so far\b/, t))
    return { intent: 'earlier' };
  if (has(/\b(anything|something|what is|what s|is there anything) (else |more )?(left|remaining|still on)\b|\banything (else |more )?(on|happening) (today|later)\b/, t)) return { intent: 'next' };
  if (has(/^(is|are) (it|the (event|clinic|webinar|workshop|forum|conference|meeting)|there (anything|something)) (on|happening|running) today$/, t)) return { intent: 'now' };
  if (has(/\bam i (late|too late|early|too early|on time|in time)\b|\b(did|have) (i|we) miss(ed)? (it|anything|something|the start|the beginning)\b/, t) && !r.sessionsNamed) return { intent: 'now' };

  // --- "what room is the SS7 session in?": where things happen is the event's format, whatever the session
  if (has(/\b(what|which) (room|hall|venue|building|floor|auditorium)\b|\b(room|hall|venue) (is|for|of)\b/, t)) return { intent: 'fact', fact: 'format' };

  // --- "which day has more reports?"
  const byDay = t.match(/\b(which|what) day (has|had|have|with|is there|are there|offers|features)( the)? (more|most|fewer|less|least)\b/);
  if (byDay) {
    const what = has(/\breports?\b/, t) ? 'reports' : has(/\b(speakers?|presenters?|people)\b/, t) ? 'speakers' : has(/\bbreaks?\b/, t) ? 'breaks' : has(/\b(sessions?|talks?|items|presentations?)\b/, t) ? 'sessions' : undefined;
    if (what) return { intent: 'count.byDay', what, fewer: /fewer|less|least/.test(byDay[4]) };
  }

  // --- counts and extremes from the programme: "how many speakers?", "which session is the longest?"
  // (a break named in the question is what is counted, not a session asked about; "not counting the break" is not the subject)
  // "apart from the opening remarks, …": the opening is left out of what is counted, not the subject.
  const withoutOpening = has(/\b(apart from|excluding|not counting|leaving out|without|except|other than|besides)\b.*\bopening\b/, t);
  const namedSession = r.sessionsNamed && r.sessions.some((s) => s.kind !== 'break' && !(withoutOpening && s.kind === 'opening')) ? r.sessions.find((s) => s.kind !== 'break') : undefined;
  const tc = t.replace(/\b(not counting|excluding|without|apart from|except|leaving out|other than|besides)( (for|and|or|the|coffee|tea|opening|welcome|remarks|breaks?))+\b/g, ' ');
  if (has(/\b(how many|number of|count of)\b|\b(in total|altogether|all together|in all)\b.*\b(hours|minutes|breaks|sessions|speakers|reports)\b|\btotal (hours|minutes|time|number)\b/, t)) {
    const what: CountSubject | undefined = has(/\b(organi[sz]ations?|companies|institutions|employers)\b/, tc) ? 'organisations'
      : has(/\bbreaks?\b/, tc) ? 'breaks'
      : has(/\b(speakers?|people|presenters?|persons|panelists)\b/, tc) ? 'speakers'
      : has(/\b(sessions?|talks?|items|presentations?|slots)\b/, tc) ? 'sessions'
      : has(/\b(reports?|publications?)\b/, tc) ? 'reports'
      : has(/\b(hours|minutes)\b/, tc) && has(/\b(total|in all|altogether|all together|programme|program|event|clinic|both days|overall|of content)\b/, tc) ? 'hours'
      : has(/\bdays\b/, tc) ? 'days' : undefined;
    // "how many sessions does Kibuuka present in?": that speaker's sessions
    if ((what === 'sessions' || what === undefined) && r.speakers.length === 1 && !namedSession) return { intent: 'speaker', speakers: r.speakers, aspect: 'when' };
    // "how many speakers does the SS7 session have?" counts that session's; "… counting the opening too" counts all.
    const inSession = namedSession && !has(/\b(counting|including|incl|plus|as well)\b/, t) ? namedSession : undefined;
    if (what && (!inSession || what === 'speakers')) return { intent: 'count', what, day: e.day?.day, organisation: e.organisations[0]?.organisation, session: inSession, withoutOpening };
  }
  // ("how much longer …?" is a countdown, not a comparison)
  const extreme = t.match(/\b(longest|shortest)\b|\b(longer|shorter) than\b|\b(one|which|what|any) (day|session|talk)s? (is |are )?(longer|shorter)\b|\b(days?|sessions?) (is |are )?(longer|shorter)\b/);
  if (extreme && !r.speakers.length && (!namedSession || r.sessions.length > 1)) {
    const which = /long/.test(extreme[0]) ? 'longest' : 'shortest';
    if (has(/\bdays?\b/, t) && !has(/\b(session|talk|slot|item|presentation)\b/, t)) return { intent: 'extreme', which, what: 'day', includeBreaks: false };
    // ("not counting the coffee breaks" leaves them out)
    const withBreaks = /\b(including|with|(?<!not )counting) (the )?(coffee )?breaks?\b/;
    if (!has(W.brk, tc) || has(withBreaks, t))
      return { intent: 'extreme', which, what: 'session', includeBreaks: has(withBreaks, t) || has(/\bslot\b|\banything\b/, t), day: e.day?.day, withoutOpening };
  }

  // --- "what is DFS?", "what does EACO stand for?": from the event's own text. A topic or an
  // organisation of that name has a fuller answer of its own unless the spelling-out is asked for.
  const acr = r.acronym;
  if (acr && (acr.explicit || (!e.topics.length && !e.organisations.length && !r.speakers.length)) && (acr.expansion || acr.explicit || (!e.sessions.length && !e.reports.length))) {
    return { intent: 'acronym', word: acr.word, expansion: acr.expansion };
  }

  if (r.unknownPerson && !r.speakers.length) return { intent: 'speaker.unknown', name: r.unknownPerson };
  if (r.unknownOrganisation && !r.speakers.length) return { intent: 'organisation.unknown', name: r.unknownOrganisation };

  const greeting = has(/^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day)|yo|hallo|hola|bonjour|salut)\b/, t);

  // --- now / next
  if ((has(W.now, t) || has(W.next, t)) && !r.relative && !r.fromList && !has(/\bnext (day|week|month|year|time)\b/, t) && !e.time && !e.day && !r.speakers.length && !(r.sessionsNamed && (!has(W.next, t) || has(/\b(after|before|following|follows)\b/, t)))) {
    if (has(W.brk, t)) return { intent: 'breaks', aspect: 'next' };
    return { intent: has(W.now, t) && !has(W.next, t) ? 'now' : 'next' };
  }

  // --- which zone the times are in
  const placeCheck = !!(e.target || e.time?.zoneLabel);
  // ("when does the SS7 session start in my time zone?" asks for the session, shown in the user's zone)
  const inMyZone = has(/\b(in|for) (my|our) (own )?(local )?(time ?zone|timezone|tz)\b/, t) && (r.sessionsNamed || r.speakers.length > 0 || !!e.day);
  if (
    (has(/\b(time ?zone|timezone|tz)\b/, t) && !inMyZone) ||
    (placeCheck && !r.sessionsNamed && !e.day && has(/\b(are|is) (the |all |these |those |this |that |it |they )?(times?|hours|schedule|agenda|programme|program)?\s*(given |shown |listed |expressed |quoted )?(in|at)\b/, t) && !has(/\bwhat time\b|\bwhen\b|^what (is|s) (that|this|it)\b/, t)) ||
    (placeCheck && has(/\b(is|are) (that|this|it|these|those|they|the times)\b.*\btime\b/, t) && !has(/^(what|when)\b/, t) && !r.sessionsNamed) ||
    has(/^(are|is|were) (the |all |these |those )?(times?|hours|timings|schedule|agenda|programme|program)\b.*\blocal\b/, t) ||
    (placeCheck && !e.time && !e.day && has(/^(are|is|were|will)\b/, t) && !has(/\b(when|what time|travel|fly|flights?|hotels?|visas?|go|come|visit|venue|held|located|location|physically|person|attend|based|online|virtual|remote)\b/, t))
  )
    return { intent: 'timezone.info' };

  // --- zone to zone: "what is EAT in GMT", "how many hours ahead of GMT is EAT"
  if (e.source && e.target && !e.time && !r.sessionsNamed) return { intent: 'timezone.convert' };

  // --- "does the clinic end at 1pm?", "does day 1 start at 9?": the day's hours, checked against that time
  const edgeAsked = has(/\b(start|starts|starting|begin|begins|beginning|open|opens|kick off|kicks off)\b/, t) ? 'start' : has(/\b(end|ends|ending|finish|finishes|finishing|close|closes|over|wrap up|wraps up)\b/, t) ? 'end' : undefined;
  if (e.time && edgeAsked && POLAR.test(t) && !r.sessionsNamed && !r.speakers.length && !has(W.agenda, t)) return { intent: 'hours', day: e.day?.day, edge: edgeAsked };

  // --- "what about in New York?", "and for Tokyo?": the last answer again in that zone
  if ((e.target || e.ownTime) && !e.time && !r.sessionsNamed && !r.speakers.length && words <= 7 && has(/^(and |so |ok |okay )?((what|how) about|what of)\b|^(and )?(in|for) \w+/, t) && !has(W.report, t)) return { intent: 'timezone.convert' };

  // --- a clock time: what's on then, or a plain conversion
  // ("is the day 2 break also at 11:50?" checks that session's time: the session rule below gives the verdict)
  const sessionAtTime = r.sessionsNamed && POLAR.test(t) && !has(/\bwhat is on\b|\bhappening\b/, t);
  if (e.time && !sessionAtTime && !(r.sessionsNamed && has(W.when, t) && !has(/\bwhat is on\b|\bhappening\b/, t))) {
    if ((e.target || e.ownTime) && !has(W.agenda, t) && !has(/\b(on|session|talk|happening)\b/, t) && !r.sessionsNamed) return { intent: 'timezone.convert' };
    return { intent: 'at', day: e.day?.day };
  }

  // --- a part of the day: "what's on in the afternoon?", "and the morning of day 2?"
  if (e.partOfDay && !r.sessionsNamed && !r.speakers.length && !has(W.brk, t) && !has(W.report, t))
    return { intent: 'period', period: e.partOfDay, day: e.day ? (e.day.day ?? -1) : memory.day };

  // --- speakers of an organisation
  const org = e.organisations[0]?.organisation;
  // (the organisation's own name may hold "organization": look at the other words)
  const orgTokens = new Set(e.organisations[0]?.tokens ?? []);
  const besidesOrg = org ? n.tokens.filter((_, i) => !orgTokens.has(i)).join(' ') : t;
  if (org && !r.speakers.length && has(/\b(who|speakers?|anyone|anybody|someone|people|presenters?|representatives?|represent\w*|staff|from|speaking|colleagues|members|guy|lady|gentleman|man|woman)\b|(?<!\bin )\bperson\b/, t) && !has(/\b(organi[sz]\w*|host\w*|running|behind)\b/, besidesOrg)) {
    const inSession = r.sessionsNamed ? r.sessions.filter((s) => s.kind !== 'break') : [];
    // "Opening remarks, TSB and EACO side: who?": every speaker of that session
    if (inSession.length === 1 && e.organisations.length > 1) return { intent: 'session', sessions: inSession, aspect: 'who' };
    return { intent: 'speakers.organisation', organisation: org, session: inSession.length === 1 ? inSession[0] : undefined };
  }

  // --- which session a report belongs to
  const namedReports = e.reports.map((x) => x.report);
  if (r.reportLink) return { intent: 'reports', reports: namedReports.slice(0, 1) };
  if (r.fromList && namedReports.length && !r.speakers.length && !r.sessionsNamed) {
    // "tell me about the second one" after a list of reports
    if (has(/\b(which|what) (session|talk|presentation|part)\b|\bdiscussed in\b|\bpresented (in|at)\b/, t)) return { intent: 'report.sessions', reports: namedReports.slice(0, 1) };
    return { intent: 'reports', reports: namedReports.slice(0, 1) };
  }
  if (namedReports.length && has(W.report, t) && has(/\b(which|what|in which|for which) (session|talk|presentation|part)\b|\bsession (is|does) (it|the \w+ report)\b|\bdiscussed in\b|\bpresented (in|at)\b/, t)) {
    return { intent: 'report.sessions', reports: namedReports.slice(0, 1) };
  }

  // --- "who does the introduction to the security lab": the speaker(s) of that one talk
  if (!r.speakers.length && r.talkSpeakers?.length && has(/\bwho\b/, t) && !has(W.report, t) && !has(W.when, t)) return { intent: 'speaker', speakers: r.talkSpeakers, aspect: 'talks' };

  // --- "who speaks right before/after Mauree (on day 2)?": the neighbouring item's speakers
  const beside = t.match(/\b(right |just |immediately |directly )?(before|after|following|preceding)\b/);
  if (r.speakers.length === 1 && beside && !r.sessionsNamed && has(/\b(who|speaker|speakers|speaks|presents|presenter|next|previous)\b/, t) && !has(/\b(break|breaks|coffee|lunch)\b/, t))
    return { intent: 'speaker.adjacent', speaker: r.speakers[0], after: beside[2] === 'after' || beside[2] === 'following', day: e.day?.day };

  // --- "which session has no speaker?"
  if (has(/\b(no|without|lacks?|missing)( a| any)? (speakers?|presenters?)\b|\bno one (speaks|presents|is listed)\b/, t) && !r.speakers.length) return { intent: 'sessions.unstaffed' };

  // --- speakers
  if (r.speakers.length) {
    const speakers = r.speakers;
    // The words that named the speaker ("the Chief of Study Groups") say nothing about what is asked of them.
    const naming = new Set(e.speakers.flatMap((m) => m.tokens));
    const asked = n.tokens.filter((_, i) => !naming.has(i)).join(' ');
    if (has(W.report, asked)) return { intent: 'speaker', speakers, aspect: 'reports' };
    // "who gives the opening remarks besides Bilel?": the others in that speaker's sessions.
    if (has(/\b(besides|apart from|other than|aside from|in addition to)\b/, t)) return { intent: 'speaker', speakers, aspect: 'others' };
    if (r.sessionsNamed && r.sessions.length && !r.speakerFromPronoun) return { intent: 'speaker', speakers, aspect: 'member', session: r.sessions[0] };
    const first = has(/\bfirst\b/, t);
    if (has(/\b(contact|get in touch|reach|email|e mail|phone|telephone|write to|call|message)\b|\bask\b.*\bquestions?\b/, t) && !has(W.when, t)) return { intent: 'speaker', speakers, aspect: 'contact' };
    if (has(/\b(who else|else|other speakers|together with|along with|co ?speakers?|with him|with her|alongside|with whom|colleagues?)\b|\b(present|presents|presenting|speak|speaks|speaking|talk|talks|talking|share|shares|sharing|giv\w*|deliver\w*|co ?present\w*) (it |this |that |the talk )?(with|alongside)\b/, t)) return { intent: 'speaker', speakers, aspect: 'others' };
    // "when does Mauree speak on day 2?", "what is his session on day 1?": that day's only
    const day = e.day?.day;
    if (has(W.when, t) || has(/\bis \w+ on\b/, t)) return { intent: 'speaker', speakers, aspect: 'when', first, day };
    if (has(/\b(what|which) (session|sessions|talk|talks|presentation|presentations)\b|\b(present|presents|presenting|talk about|talking about|speak about|speaking about|speak on|talk on|talks on|topic|subject|about|give|gives|giving|deliver|delivers|sessions|talks)\b|\b(his|her|their) (session|talk|presentation)\b|^(what|which) (is|are|s) (session|talk|presentation)\b/, t) || has(/^(what|which) (is|are|s) (session|talk|presentation)\b/, asked))
      return { intent: 'speaker', speakers, aspect: 'talks', first, day };
    if (has(/\b(organi[sz]ation|company|employer|work for|works for|work at|works at|where does \w+ work|where is \w+ from|affiliation|affiliated|represent|represents|institution|from)\b/, t)) return { intent: 'speaker', speakers, aspect: 'organisation' };
    if (has(/\b(title|position|role|job|what does \w+ do|what do \w+ do)\b/, t)) return { intent: 'speaker', speakers, aspect: 'title' };
    return { intent: 'speaker', speakers, aspect: 'profile' };
  }

  // --- reports
  if (has(W.report, t) && !has(/\b(reporting|report to)\b/, t) && !(has(/\b(official )?(web ?page|web ?site|site|event page|home ?page)\b/, t) && !has(/\breports?\b/, t))) {
    if (namedReports.length && !(r.sessionsNamed && r.entities.sessions[0].score > e.reports[0].score * 1.5)) return { intent: 'reports', reports: namedReports };
    if (r.sessions.length) return { intent: 'reports', sessions: r.sessions.slice(0, 1) };
    if (!e.topics.length) return { intent: 'reports' };
  }

  // --- the list of speakers ("where can I find the speakers list", "speaker line-up")
  if (!r.sessions.length && !org && !e.day && has(/\b(speakers|presenters|panel(l)?ists|speakers? (list|line ?up|names?))\b|\b(list|names|line ?up) of (the |all )?(speakers?|presenters?)\b|\bwho (is|are|will|will be|is going to be|are going to be) (speaking|presenting|talking|speak|present|talk)\b|\bwho (speaks|presents|talks)\b/, t) && !has(/\b(regist\w*|contact|email|join|connect\w*|web ?site|web ?page|more info\w*)\b/, t))
    return { intent: 'speakers.all', everyDay: has(EVERY_DAY, t) };

  // --- the event's name ("what is the clinic called", "title of the event")
  if (has(/\b(called|named)\b|\b(name|title|subtitle|full name|full title) of (the |this )?(event|clinic|forum|conference|webinar|summit|workshop|meeting)\b|\b(event|clinic|forum|conference|webinar|summit|workshop) (name|title|subtitle)\b|\bsubtitle\b/, t) && !r.sessionsNamed && !r.speakers.length && !has(/\b(named|called) (contact|person|speaker|people)\b|\bcontact\b/, t))
    return { intent: 'fact', fact: 'name' };

  // --- strong facts whose words rarely name a session
  // --- "which sessions are most relevant for a regulator like me?"
  if (r.audienceWord && has(/\b(sessions?|talks?|parts?|which|what)\b/, t) && has(/\b(relevant|useful|interesting|important|recommend\w*|should i (attend|watch|join|follow)|for me|for us|matter|apply)\b/, t) && !r.speakers.length && !has(W.when, t))
    return { intent: 'sessions.for', group: r.audienceWord };

  const fact = decideFact(t, r, true);
  if (fact) return fact;

  // --- the event's topics (a lab, an initiative)
  const topic = e.topics[0];
  const setupWords = has(/\b(established|establish|set up|setup|founded|created|launched|built|formed|how old|since when|objectives?|goals?|purpose|aims?|mission|role|what does|what do|what will)\b/, t);
  const sessionish = has(/\b(session|sessions|talk|talks|presentation|presents|presenting|speaker|speakers|speaks)\b/, t) || (topic?.strength === 'weak' && has(/\b(when|what time)\b/, t) && !setupWords);
  const onlyTopicWords = !!topic && r.sessionsNamed && e.sessions.filter((x) => x.strong).every((x) => x.terms.every((w) => topic.tokens.some((i) => n.tokens[i] === w)));
  if (topic && (topic.strength === 'strong' || !r.sessionsNamed || onlyTopicWords || (setupWords && !r.relative && !r.fromList && e.sessions.filter((x) => x.strong).every((x) => x.terms.length <= topic.tokens.length))) && !(sessionish && r.sessionsNamed)) return { intent: 'topic', topic: topic.topic };

  // --- breaks
  // "is there a break after the SS7 session?", "a coffee break between the SS7 and USSD sessions?"
  // (the break asked about comes first; "what's after the coffee break" names the break instead)
  const around = t.match(/\b(breaks?|coffee|tea|pause|recess|intermission)\b.*\b(after|following|before|preceding|between)\b/);
  const aroundOf = r.sessions.filter((s) => s.kind !== 'break');
  if (around && aroundOf.length) {
    const first = around[2] === 'between' ? [...aroundOf].sort((a, b) => +a.startsAt - +b.startsAt)[0] : aroundOf[0];
    return { intent: 'breaks', day: first.day, aspect: 'when', around: { session: first, after: around[2] !== 'before' && around[2] !== 'preceding' } };
  }
  if (has(W.brk, t) && !(r.sessionsNamed && r.sessions[0].kind !== 'break')) {
    // ("what's on day 1?" then "when's the coffee break?": that day's)
    return { intent: 'breaks', day: e.day?.day ?? (BREAK_ON_DAY_DISCUSSED.test(t) ? memory.day : undefined), aspect: has(W.duration, t) ? 'duration' : 'when' };
  }

  // --- a session by name, ordinal or pronoun
  const sessionRule = (s: Session[]): Decision => {
    if (has(SESSION_STATUS, t)) {
      const check: StatusCheck | undefined = has(/\bmiss(ed)?\b/, t) ? 'missed' : has(/\b(started|begun)\b/, t) ? 'started' : has(/\b(still|on now|going on|running|happening|live)\b/, t) ? 'on' : undefined;
      return { intent: 'session', sessions: s, aspect: 'status', check };
    }
    if (has(W.report, t)) return { intent: 'reports', sessions: s.slice(0, 1) };
    if (has(W.duration, t) && !has(/\blast (session|talk|item)\b/, t)) return { intent: 'session', sessions: s, aspect: 'duration' };
    if (has(/\b(moderat\w*|chair|chairs|chaired|chairing|chairperson|facilitat\w*|mc|emcee)\b/, t)) return { intent: 'session', sessions: s, aspect: 'moderator' };
    if (has(W.who, t)) return { intent: 'session', sessions: s, aspect: 'who' };
    if (has(W.when, t) || (e.time && POLAR.test(t))) return { intent: 'session', sessions: s, aspect: 'when' };
    if (has(W.about, t)) return { intent: 'session', sessions: s, aspect: 'about' };
    return { intent: 'session', sessions: s, aspect: 'details' };
  };
  if (r.sessions.length) return sessionRule(r.sessions);

  // --- when a day (or each day) starts and ends
  const edge = has(/\b(start|starts|starting|begin|begins|beginning|open|opens|kick off|kicks off)\b/, t) ? 'start' : has(/\b(end|ends|ending|finish|finishes|finishing|close|closes|over|wrap up|wraps up)\b/, t) ? 'end' : undefined;
  if (e.day?.day && edge && !has(W.agenda, t)) return { intent: 'hours', day: e.day.day, edge };
  if (e.day?.day && has(/\bhow (much )?longer\b|\b(time|hours|minutes) (left|remaining)\b|\bhow long (is|does) (it|today|the day) (still )?(go on|run|last)\b/, t)) return { intent: 'hours', day: e.day.day, edge: 'end' };
  if (e.day?.day && has(/^(how long|what is the (duration|length))\b/, t) && !has(W.agenda, t)) return { intent: 'hours', day: e.day.day, edge: 'both' };
  if (has(/\b(each|every|per) day\b|\b(both|all|the two) days\b.*\b(hours|times?|same|start|end|long)\b|\bsame (hours|times?)\b|\bdaily\b|\b(hours|times) (of|for) the (event|day|days)\b|^(hours|what are the hours|opening hours)/, t) || (e.day?.day && has(/\bhours\b/, t)))
    return { intent: 'hours', day: e.day?.day, edge: edge ?? 'both' };

  // --- the agenda, for a day or all ("day 1 vs day 2", "what's different between the two days": all of them)
  if (has(/\bday \d+ (and|vs|versus|or|compared (to|with)|against) (to )?day \d+\b|\b(both|the two|all) days\b|\bdifferen\w* between (the )?(two )?days\b|\bcompare (the )?days\b/, t) && !r.sessionsNamed && !r.speakers.length)
    return { intent: 'agenda' };
  if (e.day) return { intent: 'agenda', day: e.day.day ?? -1 };
  if (has(W.agenda, t)) return { intent: 'agenda' };

  // "who is organising it, is it just ITU?": the organisers, though an organisation is named.
  if (org && has(/\b(organi[sz](e|es|ed|er|ers|ing)|host|hosts|hosted|hosting|convene[sd]?|convening|behind)\b/, t) && (r.aboutEvent || has(/\b(it|this|the event)\b/, t)) && !r.sessionsNamed)
    return { intent: 'fact', fact: 'organisers' };
  if (org && !e.speakers.length && !r.sessionsNamed) return { intent: 'organisation', organisation: org };
  if (r.aboutEvent && has(/^(what is|what s|tell me about|describe|explain)\b/, t) && !has(W.when, t) && !has(/\b(dates?|days?|month|year)\b/, t)) return { intent: 'fact', fact: 'objectives' };
  // "when will they talk about databases": words of one session's description only, asked when.
  if (r.weakSessions.length && has(/\b(when|what time|which day)\b/, t) && !r.aboutEvent) return sessionRule(r.weakSessions);

  const weakFact = decideFact(t, r, false);
  if (weakFact) return weakFact;

  if (org) return { intent: 'organisation', organisation: org };
  if (has(/\b(speakers|presenters|who (is|are) (speaking|presenting|talking)|who speaks|panelists|line ?up|who will (speak|present|talk))\b/, t))
    return { intent: 'speakers.all', everyDay: has(EVERY_DAY, t) };

  if (r.weakSessions.length && (question || has(W.who, t) || has(W.about, t))) return sessionRule(r.weakSessions);

  // --- "and in Paris?": show the last thing again in that zone
  if ((e.target || e.ownTime) && (has(/\b(what time|when|time|convert)\b/, t) || words <= 5)) return { intent: 'timezone.convert' };

  if (greeting) return { intent: 'greeting' };
  return { intent: 'fallback' };
}

function decideFact(t: string, r: Resolved, strong: boolean): Decision | undefined {
  const f = (fact: FactKind): Decision => ({ intent: 'fact', fact });
  if (strong) {
    if (has(/\bhow (can|do|could|should|would|will|may) (i|we|one|people|someone|attendees) (attend|participate|take part|follow|watch|access|get access|be part)\b|\bway to (attend|participate)\b/, t)) return f('attend');
    if (has(/\b(regist\w*|sign up|signup|enrol\w*|enroll\w*)\b/, t) || (has(/\b(mandatory|compulsory|obligatory)\b/, t) && !r.sessionsNamed)) return f('registration');
    // "can I just show up?": whether anything is needed first
    if (has(/\b(show up|turn up|walk in|just (attend|join|come|log ?in|connect))\b/, t) && !r.sessionsNamed) return f('registration');
    if (has(/\baudience\b|\bwho (is|are) (it|this|that|the|they)( (event|clinic|forum|conference|webinar|meeting|summit|course|training|workshop|programme))? (for|aimed at|intended for|targeted at|targeting|meant for)\b|\b(which|what) (kind of |type of |sort of )?(participants|people|attendees|professionals|stakeholders)\b|\bwho should (attend|come|join|participate|go)\b|\b(intended|aimed|targeted|meant|designed) (for|at)\b|\btarget(ed)? (group|groups|audience|participants)\b|\bfor who(m)?\b|\bwho (can|may) (attend|participate|join)\b|\bwho (is|are) (invited|welcome)\b|\bsuitable for\b|\bwho attends\b|\bexpected to (attend|participate|join|come)\b|\bwho (will|would|is going to|are going to) (attend|participate|join|come|be there)\b|\bwho (are|is) the (participants|attendees|target)\b|\b(which|what) (persons|people|participants|profiles?)\b.*\btarget\b|\btarget of (the|this)\b/, t) ||
      // "is the clinic relevant for me?" (not "when is it for me?", which asks a time)
      (has(/\b(relevant|suitable|useful|meant|right) for (me|us|someone like me|people like me)\b|\bis (it|this|the \w+) (relevant |suitable |meant )?for (me|us|people like me)\b/, t) && !has(W.when, t) && !has(/\b(time|hour|o clock)\b/, t)) ||
      // "is it open to mobile network operators?": a group of the audience, even when its words also fit a session
      (r.audienceGroup && !r.speakers.length && has(/\b(open to|is (it|this|the \w+) for|aimed at|intended for|targeted at|meant for|suitable for|relevant (for|to)|eligible|allowed to (attend|join|participate))\b/, t)) ||
      (r.audienceGroup && (!r.sessionsNamed || r.aboutEvent) && !(r.entities.topics.some((x) => x.strength === 'strong') && has(/\b(what|explain|describe|tell me about)\b/, t)) && !has(/\b(what time|when)\b/, t) && has(/\b(attend|participate|join|take part|for|aimed|open to|allowed|eligible|welcome|relevant|suitable|invited|come|register)\b/, t)))
      return f('audience');
    if (has(/\b(contacts?|get in touch|reach (out|someone|the organi\w+|you)|email|e mail|phone|telephone|call (you|them|someone|somebody|the organi\w+|anyone)|fax|focal point|write to|enquir\w*|inquir\w*|help ?desk)\b|\bwho (do|can|should|could|may) (i|we) (ask|write|speak to|talk to)\b|\bto who(m)? (do |can |should |could |may |must )?(i|we) (can |could |should |may |must |have to |need to )?(write|ask|send|turn|speak|talk|address)\b|\bwho (to|should i|can i) (write|ask|contact)( to)?\b|\bsend (a |an |my )?(message|question|questions|email)\b/, t)) return f('contact');
    if ((has(/\b(web ?site|web ?page|web site|event page|home ?page|site|url|page|more information|further information|more info|more details)\b|^(the )?(link|links)( please)?$/, t) || has(/\b(event|clinic|forum|conference|summit|workshop) (link|url|address)\b|\blink (to|of|for) (the |this )?(event|clinic|forum|conference|summit|workshop)\b/, t)) && !has(/\breports? page\b/, t)) return f('page');
    if (has(/\b(virtual|online|in person|physical|physically|venue|location|where|held|travel|hybrid|remote|remotely|face to face|on site|onsite|format|zoom|visas?|hotels?|accommodation|flights?|fly|(by|via|over|on|through) (the )?(internet|web)|from home|live ?stream\w*)\b/, t) && !r.sessionsNamed && !has(/\bwhy\b|\b(can|could|would|will) you (book|reserve|arrange|buy|order)\b|^(please )?(book|reserve|arrange|buy|order)\b/, t) && !(has(/\b(when|dates?|days?|month|year)\b/, t) && !has(/\b(virtual|online|in person|physical\w*|venue|location|where|hybrid|remote\w*|face to face|on site|onsite|format)\b/, t))) return f('format');
    return undefined;
  }
  if (has(/\b(organi[sz]\w*|host|hosts|hosted|hosting|running|runs|behind|convene\w*|arrang\w*|put on|puts on|responsible|in charge)\b|\b(put|puts|putting) (together|on)\b/, t)) return f('organisers');
  if (has(/\b(objectives?|goals?|purpose|aims?|why|learn|about|outcomes?|focus|theme|subject|topics?)\b/, t)) return f('objectives');
  if (has(/\b(when|dates?|what days|which days|how many days|how long|duration|year|start|starts|begin|begins|end|ends|finish|finishes|over|month)\b/, t)) return f('dates');
  return undefined;
}

function decideCommand(t: string, raw: string, r: Resolved): Decision | undefined {
  const c = (command: CommandIntent, extra: Partial<Extract<Decision, { intent: 'command' }>> = {}): Decision => ({ intent: 'command', command, ...extra });
  if (has(/^(cancel|stop|quit|abort|exit|never ?mind|nevermind|forget it|cancel that|stop that|start over|stop it)( please)?$/, t)) return c('cancel');
  // "remind me about day 2" / "don't remind me about the SS7 session": the same target, either way round.
  const target = () => {
    const sessions = r.sessions.filter((s) => s.kind !== 'break');
    return { sessions: sessions.length ? sessions.slice(0, 1) : undefined, day: sessions.length ? undefined : r.entities.day?.day };
  };
  if (has(/\b(stop|cancel|disable|turn off|switch off|remove|delete|clear|no more|unsubscribe( from)?|opt out( of)?|mute)\b.*\breminders?\b|\b(do not|dont|stop) remind\w*\b/, t)) return c('stop-reminders', target());
  if (has(/\b(which|what|list|show|see|view|my|any|have i)\b.*\breminders\b|\breminders (do i have|have i set|are set)\b|\bwhat (am i|will i be) reminded\b/, t)) return c('list-reminders');
  // ("remind me which days it is on" asks to be told again, now)
  if (has(/\bremind\w*\b|\breminder\b|\bnotify me\b|\balert me\b|\bping me\b|\bnotification\b/, t) && !has(/\bremind (me|us) (again )?(on |of |about )?(which|what|when|where|who|how|whether|if)\b/, t)) return c('remind', target());
  if (has(/\b(cancel|withdraw|delete|remove|revoke|drop)\b.*\b(registration|booking|sign ?up|seat|place|spot|attendance)\b|\b(unregister|deregister|unenrol|unenroll|un register|de register)\b|\bno longer (attend|attending|able to attend|come|coming|participat\w*)\b|\bcannot (attend|make it|come) (any ?more|after all)\b/, t))
    return c('cancel-registration');
  const field = t.match(/\b(change|update|correct|edit|modify|fix|amend)\b.*?\b(email|e mail|name|organi[sz]ation|company|employer|country|phone|job title|title|role|category|registration|details)\b/);
  if (field) {
    const fieldName = normaliseField(field[2]);
    const value = valueAfter(raw, field[2]);
    return c('update-registration', fieldName === 'registration' || fieldName === 'details' ? {} : { field: fieldName, value });
  }
  if (has(/\bam i (registered|signed up|booked|on the list|enrolled|in)\b|\b(did|have) i (already )?(register|registered|sign up|signed up)\b|\b(show|check|view|see|display|confirm|what is|what are|review)\b.*\bmy (registration|booking|details|sign ?up)\b|^my registration|\bregistration (status|details)\b|\bstatus of my registration\b/, t))
    return c('registration-status');
  if (has(/\bhow (can|do|could|should|would|will|may) (i|we|one) (attend|participate|take part|follow|watch)\b/, t)) return undefined;
  const requirement = /\b(virtual|online|in person|physical\w*|remote\w*|if|how much|without|need|needed|required|require|requires|mandatory|necessary|must|compulsory|obligatory|free|cost|costs|fee|fees|deadline|link|page|where|url|close|closes|open|opens|have to|flights?|hotels?|taxi|cab|visa|rooms?|restaurant|table|car|train|accommodation|trip)\b/;
  if (
    !has(requirement, t) &&
    (has(/\b(sign me up|sign up|register me|enrol me|enroll me|book me|count me in|rsvp|save me a (seat|spot|place)|reserve (me )?a (seat|spot|place))\b/, t) ||
      has(/\b(i (want|would like|wish|d like|am keen|plan|intend) to|i will|let me|can i|could i|may i|please|i would love to) (register|attend|sign up|join the (event|clinic|webinar|forum|conference|workshop)|participate|enrol|enroll|take part)\b/, t) ||
      has(/^(register|registration please|sign up|i am in|i want in|please register)$/, t) ||
      has(/\bhow (do|can|could|should) i (register|sign up|enrol|enroll)\b|\bcan you (register|sign) me\b|\bregister (me |myself )?(for|to)\b|\bi want to register\b|\b(make|do|complete|start|process) (a |the |my )?registration (for me|please)\b|\bregistration for me\b/, t))
  )
    return c('register');
  // The event page is public; the connection details are not.
  const publicPage = has(/\b(page|web ?site|web ?page|home ?page|site)\b/, t) && !has(/\b(join|joining|connect|connection|meeting|zoom|teams|webex|dial|log ?in|login|stream|streaming|access)\b/, t);
  if (
    !publicPage &&
    has(/\bhow (do|can|could|will|should|would) (i|we) (join|connect|log ?in|access|get into|get in(?! touch)|enter|dial in|get the link)\b/, t) ||
    has(/\b(join|joining|meeting|webinar|zoom|teams|webex|connection|dial in|access|login|log in|stream|streaming) (link|url|details|information|code|id|address|credentials|instructions)\b/, t) ||
    has(/\bremote (connection|access|participation)\b|\blink to (join|connect|the (meeting|webinar|call|stream))\b|\bwhere (do|can) i (join|connect|watch)\b|\b(join|connection) link\b/, t)
  )
    return c('join');
  return undefined;
}

function normaliseField(f: string): string {
  if (f === 'e mail' || f === 'email') return 'email';
  if (/^organi/.test(f) || f === 'company' || f === 'employer') return 'organisation';
  if (f === 'job title') return 'title';
  return f;
}

/** The new value as typed (case and punctuation kept): what follows "to" after the field's name. */
function valueAfter(raw: string, field: string): string | undefined {
  if (field === 'email' || field === 'e mail') {
    const email = raw.match(/[^\s@]+@[^\s@]+\.[^\s@.!?,;]+/);
    if (email) return email[0];
  }
  const at = raw.toLowerCase().search(new RegExp(field.replace(/^e ?mail$/, 'e-?mail').replace(' ', '[- ]?')));
  if (at < 0) return undefined;
  const m = raw.slice(at).match(/\s(?:to|is|as|=|:)\s*:?\s*(.+)$/i);
  return m ? m[1].trim().replace(/[.!]+$/, '') || undefined : undefined;
}
