// What the event's data says about the event itself: its dates, format, registration, audience, contact,
// page, organisers, objectives and name, and the announcement it comes from; the practical details
// (fees, recordings, slides…) an announcement often leaves out; and the acronyms in its text.
import type { Decision, DetailKind, FactKind, Resolved } from '../decision.ts';
import type { Question } from './question.ts';
import { has, W } from './words.ts';

// Ordered: the first that matches names the detail asked about.
const DETAILS: [DetailKind, RegExp][] = [
  ['deadline', /\bregistration (still )?(open|closed)\b|\b(still|too late to) (open|register|sign up|enrol)\b|\bcan i still (register|sign up|enrol)\b|\bdeadline\b|\blast (day|date) (to|for) (register|registration|sign up|enrol)|\b(register|sign up|enrol) (by|before) when\b|\buntil when\b.*\bregist|\bregistration (close|closes|closing|end|ends|open until)\b|\bwhen (does|do|will) (the )?registration (close|end)\b/],
  ['fee', /\b(is|are) (it|this|that|the (event|clinic|webinar|workshop|forum|conference|registration|participation)|registration|participation|attendance|attending) paid\b|\bfree\b(?! (after|before|from|until|till|at|on|between|in the|during|for (an|a|the|one|two)))|\bfees?\b|\bhow much (does|is|will|do) (it|this|the|registration|participation|attendance|a ticket)\b|\bcosts?\b|\bprice\b|(?<!\bmobile )\b(pay|payment)\b(?! (apps?|applications?|systems?|services?|platforms?|solutions?))|(?<!\bin )\bcharges?\b|\btickets?\b/],
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

// "the clinic is 30-31 Mar, correct?": the dates, checked
export function datesChecked({ n, r }: Question): Decision | undefined {
  if (has(/\b\d{1,2}\s*(to|-|and|&)\s*\d{1,2}\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/, n.lower.replace(/[–—]/g, '-')) && !r.sessionsNamed && !r.speakers.length) return { intent: 'fact', fact: 'dates' };
  return undefined;
}

// the announcement itself: who signed it, whether its programme is final
export function announcement({ t, r }: Question): Decision | undefined {
  if (has(/\b(circular|announcement|invitation letter|letter)\b.*\b(number|no|date|dated|ref|reference|when|issued|sent)\b|\b(which|what)( \w+){0,2} (circular|announcement|letter)\b|\b(which|what)( \w+){0,3} (announced|announces)\b|\b(number|date|reference) of the (circular|announcement|letter)\b/, t))
    return { intent: 'fact', fact: 'source' };
  if (r.signatoryNamed || has(/\bwho (signed|wrote|sent|issued|authored)\b|\bsignator(y|ies)\b|\bsigned by\b/, t)) return { intent: 'fact', fact: 'signatory' };
  if (has(/\b(programme|program|agenda|schedule|line ?up)\b.*\b(final|finali[sz]ed|confirmed|definitive|fixed|draft|provisional|tentative|preliminary|subject to change|change|changes|changing)\b|\b(final|confirmed|definitive|draft|provisional|tentative|preliminary) (programme|program|agenda|schedule)\b/, t) && !r.sessionsNamed && !r.speakers.length)
    return { intent: 'fact', fact: 'programme-status' };
  return undefined;
}

// "do the clocks change during the forum?": from the event zone's offsets on its days
export function clockChange({ t }: Question): Decision | undefined {
  if (has(/\bclocks? (change|go back|go forward|changing|shift)\b|\bdaylight sav\w*\b|\bdst\b|\b(summer|winter) time (start|end|change)\w*\b|\btime change\b/, t)) return { intent: 'fact', fact: 'clock-change' };
  return undefined;
}

// fees, deadlines, recordings, slides…: answered from the event data when it has them, else said to be unknown
// A price or a ticket is the event's only when the question is about the event ("the price of bitcoin" is not).
export function practicalDetail({ n, t, r }: Question): Decision | undefined {
  const detail = detailAsked(t);
  // ("is there a fee?" on its own is about the event; "the price of bitcoin" is not)
  if (detail && (detail !== 'fee' || r.aboutEvent || n.tokens.length <= 5 || has(/\b(it|this|attend\w*|participat\w*|join\w*|regist\w*|sign up|enrol\w*|session|sessions|ticket|tickets)\b/, t))) return { intent: 'detail', detail };
  return undefined;
}

// "what room is the SS7 session in?": where things happen is the event's format, whatever the session
export function room({ t }: Question): Decision | undefined {
  if (has(/\b(what|which) (room|hall|venue|building|floor|auditorium)\b|\b(room|hall|venue) (is|for|of)\b/, t)) return { intent: 'fact', fact: 'format' };
  return undefined;
}

// "what is DFS?", "what does EACO stand for?": from the event's own text. A topic or an
// organisation of that name has a fuller answer of its own unless the spelling-out is asked for.
export function acronym({ e, r }: Question): Decision | undefined {
  const acr = r.acronym;
  if (acr && (acr.explicit || (!e.topics.length && !e.organisations.length && !r.speakers.length)) && (acr.expansion || acr.explicit || (!e.sessions.length && !e.reports.length))) {
    return { intent: 'acronym', word: acr.word, expansion: acr.expansion };
  }
  return undefined;
}

// the event's name ("what is the clinic called", "title of the event")
export function eventName({ t, r }: Question): Decision | undefined {
  // "what's it called?" right after a talk: "it" is that talk (the dialogue state's), not the event
  const pronoun = !r.sessionsNamed && !r.aboutEvent && r.sessions.length === 1 && r.sessions[0].kind !== 'break' && has(/\b(it|that|this|the talk|the session|that talk|that session|his talk|her talk)\b/, t);
  if (pronoun && has(/\b(called|named|title|name)\b/, t) && !has(/\b(event|clinic|forum|conference|webinar|summit|workshop)\b/, t)) return { intent: 'session', sessions: r.sessions, aspect: 'when' };
  if (has(/\b(called|named)\b|\b(name|title|subtitle|full name|full title) of (the |this )?(event|clinic|forum|conference|webinar|summit|workshop|meeting)\b|\b(event|clinic|forum|conference|webinar|summit|workshop) (name|title|subtitle)\b|\bsubtitle\b/, t) && !r.sessionsNamed && !r.speakers.length && !has(/\b(named|called) (contact|person|speaker|people)\b|\bcontact\b/, t))
    return { intent: 'fact', fact: 'name' };
  return undefined;
}

// The facts whose words rarely name a session (how to attend, registration, audience, contact, page,
// format): tried before the session rules.
export function strongFact({ t, r }: Question): Decision | undefined {
  return decideFact(t, r, true);
}

// "who is organising it, is it just ITU?": the organisers, though an organisation is named.
export function organisers({ t, e, r }: Question): Decision | undefined {
  const org = e.organisations[0]?.organisation;
  if (org && has(/\b(organi[sz](e|es|ed|er|ers|ing)|host|hosts|hosted|hosting|convene[sd]?|convening|behind)\b/, t) && (r.aboutEvent || has(/\b(it|this|the event)\b/, t)) && !r.sessionsNamed)
    return { intent: 'fact', fact: 'organisers' };
  return undefined;
}

/** "what is the clinic?": what it is for. */
export function objectives({ t, r }: Question): Decision | undefined {
  if (r.aboutEvent && has(/^(what is|what s|tell me about|describe|explain)\b/, t) && !has(W.when, t) && !has(/\b(dates?|days?|month|year)\b/, t)) return { intent: 'fact', fact: 'objectives' };
  return undefined;
}

/** The facts whose words also fit a session ("when", "about", "organised"): tried only after the session rules. */
export function weakFact({ t, r }: Question): Decision | undefined {
  return decideFact(t, r, false);
}

function decideFact(t: string, r: Resolved, strong: boolean): Decision | undefined {
  const f = (fact: FactKind): Decision => ({ intent: 'fact', fact });
  if (strong) {
    // "why do you need my e-mail?", "who will see my data?": what registration keeps, and why
    if (has(/\bwhy (do|does|would) (you|it|the bot|this) (need|want|ask for|ask|require|collect|store)\b.*\bmy\b|\b(what|how) (will|do|does|would) (you|they|it|the organi[sz]ers) (do with|use)\b.*\b(my |the )?(data|details|e ?mail|information|name)\b|\bwho (will|can|would) see my (data|details|e ?mail|information)\b|\bprivacy\b|\bdata protection\b|\bgdpr\b|\bhow long (do|will) you (keep|store)\b|\bwhat (do|will|did) you (store|keep|save|know|hold|have) (about|on|of) me\b|\bwhat (is|are) my (data|details|information) (used|for)\b|\b(do|will) you (keep|store|save|record|log) (this|the|my|our) (chat|conversation|messages)\b|\b(share|sell|give|pass) my (data|details|information|e ?mail)\b|\bthird part(y|ies)\b|\bdo i (have|need) to (give|provide|share|tell you) (my|the)\b/, t)) return f('privacy');
    if (has(/\bhow (can|do|could|should|would|will|may) (i|we|one|people|someone|attendees) (attend|participate|take part|follow|watch|access|get access|be part)\b|\bway to (attend|participate)\b/, t)) return f('attend');
    if (has(/\b(regist\w*|sign up|signup|enrol\w*|enroll\w*)\b/, t) || (has(/\b(mandatory|compulsory|obligatory)\b/, t) && !r.sessionsNamed)) return f('registration');
    // "is the clinic in April?", "it runs for three days, doesn't it?": the dates, checked
    if (!r.sessionsNamed && !r.speakers.length && (has(/^(is|are|will|does|was) (it|the (event|clinic|webinar|workshop|forum|conference|meeting|security clinic|dfs security clinic)|this)\b.*\b(in|on|during) (january|february|march|april|may|june|july|august|september|october|november|december)\b/, t) || has(/\b(runs?|lasts?|is|takes?) (for |over )?(one|two|three|four|five|six|seven|[1-9]) (full )?days?\b|\b(is it|it is|is the \w+) (only |just )?(one|two|three|four|five|six|seven|[1-9]) (full )?days?\b/, t))) return f('dates');
    // "is the clinic in Nairobi?": where it is held, checked against the place named
    if ((r.entities.target?.kind === 'city' || r.entities.target?.kind === 'country') && !r.sessionsNamed && has(/^(is|will|does) (it|the (event|clinic|webinar|workshop|forum|conference|meeting|security clinic|dfs security clinic)|this) (be )?(held |taking place |happening |hosted |located |going to be )?(in|at)\b/, t)) return f('format');
    // "what do I need to do before the event?": register
    if (has(/\b(what|anything) (do|should|must|shall) (i|we) (need to |have to )?do (before|beforehand|first|to (prepare|take part|attend|participate|join))\b|\bhow (do|can) i prepare\b/, t) && !r.sessionsNamed) return f('registration');
    // "can I just show up?": whether anything is needed first
    if (has(/\b(show up|turn up|walk in|just (attend|join|come|log ?in|connect))\b/, t) && !r.sessionsNamed) return f('registration');
    if (has(/\baudience\b|\bwho (is|are) (it|this|that|the|they)( (event|clinic|forum|conference|webinar|meeting|summit|course|training|workshop|programme))? (for|aimed at|intended for|targeted at|targeting|meant for)\b|\b(which|what) (kind of |type of |sort of )?(participants|people|attendees|professionals|stakeholders)\b|\bwho should (attend|come|join|participate|go)\b|\b(intended|aimed|targeted|meant|designed) (for|at)\b|\btarget(ed)? (group|groups|audience|participants)\b|\bfor who(m)?\b|\bwho (can|may) (attend|participate|join)\b|\bwho (is|are) (invited|welcome)\b|\bsuitable for\b|\bwho attends\b|\bexpected to (attend|participate|join|come)\b|\bwho (will|would|is going to|are going to) (attend|participate|join|come|be there)\b|\bwho (are|is) the (participants|attendees|target)\b|\b(which|what) (persons|people|participants|profiles?)\b.*\btarget\b|\btarget of (the|this)\b/, t) ||
      // "is the clinic relevant for me?" (not "when is it for me?", which asks a time)
      (has(/\b(relevant|suitable|useful|meant|right) for (me|us|someone like me|people like me)\b|\bis (it|this|this \w+|the \w+) (relevant |suitable |meant |right )?for (me|us|people like me)\b/, t) && !has(W.when, t) && !has(/\b(time|hour|o clock)\b/, t)) ||
      // "is it open to mobile network operators?": a group of the audience, even when its words also fit a session
      (r.audienceGroup && !r.speakers.length && has(/\b(open to|is (it|this|the \w+) for|aimed at|intended for|targeted at|meant for|suitable for|relevant (for|to)|eligible|allowed to (attend|join|participate))\b/, t)) ||
      (r.audienceGroup && (!r.sessionsNamed || r.aboutEvent) && !(r.entities.topics.some((x) => x.strength === 'strong') && has(/\b(what|explain|describe|tell me about)\b/, t)) && !has(/\b(what time|when)\b/, t) && has(/\b(attend|participate|join|take part|for|aimed|open to|allowed|eligible|welcome|relevant|suitable|invited|come|register)\b/, t)))
      return f('audience');
    if (has(/\b(contacts?|get in touch|reach (out|someone|the organi\w+|you)|email|e mail|phone|telephone|call (you|them|someone|somebody|the organi\w+|anyone)|fax|focal point|write to|enquir\w*|inquir\w*|help ?desk)\b|\bwho (do|can|should|could|may) (i|we) (ask|write|speak to|talk to)\b|\bto who(m)? (do |can |should |could |may |must )?(i|we) (can |could |should |may |must |have to |need to )?(write|ask|send|turn|speak|talk|address)\b|\bwho (to|should i|can i) (write|ask|contact)( to)?\b|\bsend (a |an |my )?(message|question|questions|email)\b/, t)) return f('contact');
    // ("more details" right after a session asks about that session)
    if ((has(/\b(web ?site|web ?page|web site|event page|home ?page|site|url|page)\b|^(the )?(link|links)( please)?$/, t) || (has(/\b(more information|further information|more info|more details)\b/, t) && !r.sessions.length) || has(/\b(event|clinic|forum|conference|summit|workshop) (link|url|address)\b|\blink (to|of|for) (the |this )?(event|clinic|forum|conference|summit|workshop)\b/, t)) && !has(/\breports? page\b/, t)) return f('page');
    if (has(/\b(virtual|online|in person|physical|physically|venue|location|where|held|travel|hybrid|remote|remotely|face to face|on site|onsite|format|zoom|visas?|hotels?|accommodation|flights?|fly|(by|via|over|on|through) (the )?(internet|web)|from home|live ?stream\w*)\b/, t) && !r.sessionsNamed && !has(/\bwhy\b|\b(can|could|would|will) you (book|reserve|arrange|buy|order)\b|^(please )?(book|reserve|arrange|buy|order)\b/, t) && !(has(/\b(when|dates?|days?|month|year)\b/, t) && !has(/\b(virtual|online|in person|physical\w*|venue|location|where|hybrid|remote\w*|face to face|on site|onsite|format)\b/, t))) return f('format');
    return undefined;
  }
  if (has(/\b(organi[sz]\w*|host|hosts|hosted|hosting|running|runs(?! (for|over|from|on|until|till))|behind|convene\w*|arrang\w*|put on|puts on|responsible|in charge)\b|\b(put|puts|putting) (together|on)\b/, t)) return f('organisers');
  if (has(/\b(objectives?|goals?|purpose|aims?|why|learn|about|outcomes?|focus|theme|subject|topics?)\b/, t)) return f('objectives');
  if (has(/\b(when|dates?|what days|which days|how many days|how long|duration|year|start|starts|begin|begins|end|ends|finish|finishes|over|month)\b/, t)) return f('dates');
  return undefined;
}
