// People and organisations: the speakers asked about (what they talk about, when, with whom, who they
// are), the speakers of an organisation, the list of speakers, and who the event is for.
import type { Decision } from '../decision.ts';
import type { Question } from './question.ts';
import { has, W } from './words.ts';

/** "which speakers appear on both days?": a list narrowed to what is on every day. */
const EVERY_DAY = /\b(both|all|every|each) days?\b|\bon both\b/;

/** A person or an organisation the question names that is not in the programme ("is Bill Gates speaking?"). */
export function unknownNames({ r }: Question): Decision | undefined {
  if (r.unknownPerson && !r.speakers.length) return { intent: 'speaker.unknown', name: r.unknownPerson };
  if (r.unknownOrganisation && !r.speakers.length) return { intent: 'organisation.unknown', name: r.unknownOrganisation };
  return undefined;
}

// speakers of an organisation
export function organisationSpeakers({ n, t, e, r }: Question): Decision | undefined {
  const org = e.organisations[0]?.organisation;
  // (the organisation's own name may hold "organization": look at the other words)
  const orgTokens = new Set(e.organisations[0]?.tokens ?? []);
  const besidesOrg = org ? n.tokens.filter((_, i) => !orgTokens.has(i)).join(' ') : t;
  // ("who's introducing the ITU DFS security lab?" names a talk, which names its speaker: the talk rule's)
  if (org && !r.speakers.length && !r.talkSpeakers?.length && !has(/\b(contact|focal point|e ?mail|phone)\b/, t) && has(/\b(who|speakers?|anyone|anybody|someone|people|presenters?|representatives?|represent\w*|staff|from|speaking|colleagues|members|guy|lady|gentleman|man|woman|talk|talks|presentation)\b|(?<!\bin )\bperson\b/, t) && !has(/\b(organi[sz]\w*|host\w*|running|behind|partner\w*|jointly|together with|collaborat\w*|teaming)\b/, besidesOrg)) {
    // ("who opens the clinic for ITU?": the item a place in the day names — the opening — is the session meant)
    const inSession = r.sessionsNamed || has(/\b(opens|closes|kicks? off|wraps? up)\b/, t) ? r.sessions.filter((s) => s.kind !== 'break') : [];
    // "Opening remarks, TSB and EACO side: who?": every speaker of that session
    if (inSession.length === 1 && e.organisations.length > 1) return { intent: 'session', sessions: inSession, aspect: 'who' };
    return { intent: 'speakers.organisation', organisation: org, session: inSession.length === 1 ? inSession[0] : undefined };
  }
  return undefined;
}

// "who does the introduction to the security lab": the speaker(s) of that one talk
export function talkSpeakers({ t, r }: Question): Decision | undefined {
  if (!r.speakers.length && r.talkSpeakers?.length && has(/\bwho\b/, t) && !has(W.report, t) && !has(W.when, t)) return { intent: 'speaker', speakers: r.talkSpeakers, aspect: 'talks' };
  return undefined;
}

// "who speaks right before/after Mauree (on day 2)?": the neighbouring item's speakers
export function speakerAdjacent({ t, e, r }: Question): Decision | undefined {
  // ("who follows him?", "who precedes her?": the verb says which side)
  const beside = t.match(/\b(right |just |immediately |directly )?(before|after|following|follows|follow|preceding|precedes|precede)\b/);
  if (r.speakers.length === 1 && beside && !r.sessionsNamed && has(/\b(who|speaker|speakers|speaks|presents|presenter|next|previous)\b/, t) && !has(/\b(break|breaks|coffee|lunch)\b/, t))
    return { intent: 'speaker.adjacent', speaker: r.speakers[0], after: /^(after|follow)/.test(beside[2]), day: e.day?.day };
  return undefined;
}

// "which session has no speaker?"
export function unstaffed({ t, r }: Question): Decision | undefined {
  if (has(/\b(no|without|lacks?|missing)( a| any)? (speakers?|presenters?)\b|\bno one (speaks|presents|is listed)\b/, t) && !r.speakers.length) return { intent: 'sessions.unstaffed' };
  return undefined;
}

// a speaker named (or "he", "she"): what is asked about them
export function speaker({ n, t, e, r }: Question): Decision | undefined {
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
    // "when's his second talk?", "his last session": that one of theirs
    const nth = has(/\bsecond\b/, t) ? 2 : has(/\bthird\b/, t) ? 3 : has(/\b(last|final)\b/, t) ? -1 : undefined;
    if (has(/\b(contact|get in touch|reach|email|e mail|phone|telephone|write to|call|message)\b|\bask\b.*\bquestions?\b/, t) && !has(W.when, t)) return { intent: 'speaker', speakers, aspect: 'contact' };
    if (has(/\b(who else|else|other speakers|together with|along with|co ?speakers?|with him|with her|alongside|with whom|colleagues?)\b|\b(present|presents|presenting|speak|speaks|speaking|talk|talks|talking|share|shares|sharing|giv\w*|deliver\w*|co ?present\w*) (it |this |that |the talk )?(with|alongside)\b/, t)) return { intent: 'speaker', speakers, aspect: 'others' };
    // "when does Mauree speak on day 2?", "what is his session on day 1?": that day's only
    const day = e.day?.day;
    if (has(W.when, t) || has(/\bis \w+ on\b/, t)) return { intent: 'speaker', speakers, aspect: 'when', first, day, nth };
    if (has(/\b(what|which) (session|sessions|talk|talks|presentation|presentations)\b|\b(present|presents|presenting|talk about|talking about|speak about|speaking about|speak on|talk on|talks on|topic|subject|about|give|gives|giving|deliver|delivers|sessions|talks)\b|\b(his|her|their) (session|talk|presentation)\b|^(what|which) (is|are|s) (session|talk|presentation)\b/, t) || has(/^(what|which) (is|are|s) (session|talk|presentation)\b/, asked))
      return { intent: 'speaker', speakers, aspect: 'talks', first, day, nth };
    if (has(/\b(organi[sz]ation|company|employer|work for|works for|work at|works at|where does \w+ work|where is \w+ from|affiliation|affiliated|represent|represents|institution|from)\b/, t)) return { intent: 'speaker', speakers, aspect: 'organisation' };
    if (has(/\b(title|position|role|job|what does \w+ do|what do \w+ do)\b/, t)) return { intent: 'speaker', speakers, aspect: 'title' };
    // "what's Vijay's day 2 session?": their talks (that day's), which "any reading for it?" then follows
    if (!first && !nth && has(/\b(sessions?|talks?|presentations?|slots?)\b/, asked)) return { intent: 'speaker', speakers, aspect: 'talks', day };
    return { intent: 'speaker', speakers, aspect: 'profile' };
  }
  return undefined;
}

// the list of speakers ("where can I find the speakers list", "speaker line-up")
export function speakerList({ t, e, r }: Question): Decision | undefined {
  const org = e.organisations[0]?.organisation;
  if (!r.sessions.length && !org && !e.day && has(/\b(speakers|presenters|panel(l)?ists|speakers? (list|line ?up|names?))\b|\b(list|names|line ?up) of (the |all )?(speakers?|presenters?)\b|\bwho (is|are|will|will be|is going to be|are going to be) (speaking|presenting|talking|speak|present|talk)\b|\bwho (speaks|presents|talks)\b/, t) && !has(/\b(regist\w*|contact|email|join|connect\w*|web ?site|web ?page|more info\w*)\b/, t))
    return { intent: 'speakers.all', everyDay: has(EVERY_DAY, t) };
  return undefined;
}

// "which sessions are most relevant for a regulator like me?"
export function sessionsForAudience({ t, r }: Question): Decision | undefined {
  if (r.audienceWord && has(/\b(sessions?|talks?|parts?|which|what)\b/, t) && has(/\b(relevant|useful|interesting|important|recommend\w*|should i (attend|watch|join|follow)|for me|for us|matter|apply|suits?|aimed at|meant for|targeted at|designed for|geared)\b/, t) && !r.speakers.length && !has(W.when, t))
    return { intent: 'sessions.for', group: r.audienceWord };
  return undefined;
}

/** An organisation named, with no speaker or session: about that organisation ("what is EACO?"). */
export function organisation({ e, r }: Question): Decision | undefined {
  const org = e.organisations[0]?.organisation;
  if (org && !e.speakers.length && !r.sessionsNamed) return { intent: 'organisation', organisation: org };
  return undefined;
}

/** An organisation named, whatever else the words name, once nothing more specific matched. */
export function anyOrganisation({ e }: Question): Decision | undefined {
  const org = e.organisations[0]?.organisation;
  if (org) return { intent: 'organisation', organisation: org };
  return undefined;
}

/** The speakers asked about in general ("who is speaking?"), once nothing more specific matched. */
export function speakerListLoose({ t }: Question): Decision | undefined {
  if (has(/\b(speakers|presenters|who (is|are) (speaking|presenting|talking)|who speaks|panelists|line ?up|who will (speak|present|talk))\b/, t))
    return { intent: 'speakers.all', everyDay: has(EVERY_DAY, t) };
  return undefined;
}
