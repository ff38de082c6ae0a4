// The resolve step: the entities a question names, completed by what the conversation already holds —
// "there" is the place asked about last, "he" the speaker just discussed, "the second one" an item of the list
// just shown, "the next one" the session after the last one discussed — and by what the words say about
// position ("what opens day 2", "the last session"). decide() then picks the intent from the result.
import type { DialogueMemory } from '../conversation/types.ts';
import type { Agenda, Session } from '../event/agenda.ts';
import type { EventData, Speaker } from '../event/schema.ts';
import { acronymAsked, type Acronyms } from '../understanding/acronyms.ts';
import type { EntityRecogniser, Entities } from '../understanding/entities.ts';
import type { Resolved } from '../understanding/intents.ts';
import { normalise, type Normalised } from '../understanding/normalise.ts';
import { isWith } from '../understanding/organisations.ts';
import { isSignatory, namesSignatory } from '../understanding/signatory.ts';
import { STOPWORDS } from '../understanding/stopwords.ts';
import { TalkRecogniser } from '../understanding/talks.ts';
import { recogniseDayCheck } from '../understanding/times.ts';
import { unknownOrganisationAsked, unknownPersonAsked, type KnownWords } from '../understanding/unknownPerson.ts';
import { wordsOf, type Vocabulary } from '../understanding/vocabulary.ts';

/** Words that ask who organises or hosts the event. */
const ORGANISE = /\b(organi[sz](e|es|ed|er|ers|ing)|host|hosts|hosted|hosting|hosted by|convene[sd]?|convening|run by|behind)\b|\bwho (is |are )?(running|runs)\b/;
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9 };
const NOUN_KIND: Record<string, 'speaker' | 'session' | 'report' | 'day'> = {
  day: 'day', date: 'day',
  speaker: 'speaker', person: 'speaker', presenter: 'speaker', guy: 'speaker', name: 'speaker',
  session: 'session', talk: 'session', item: 'session', presentation: 'session', slot: 'session',
  report: 'report', document: 'report', publication: 'report', paper: 'report', link: 'report',
};
const LIST_ORDINAL = new RegExp(
  `\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|[1-9])\\s+(one|ones|of (?:those|these|them)|${Object.keys(NOUN_KIND).join('|')})\\b|\\b(?:the|and|number|no)\\s+(first|second|third|fourth|fifth|sixth|seventh|last)\\s*$`,
);
/** "which one is first?", "which comes last?": an ordinal over the list just shown, after the verb. */
const WHICH_ONE_IS = /^(?:and |so )?(?:which|what)(?: one| talk| session| item)? (?:is|comes|goes|s) (first|second|third|last)\b/;
/** "and the next one?", "what comes after that", "the one before". */
const NEXT_ONE = /^(and |ok |so )?(after|afterwards|then|before|previous)( that| this| it)?$|\b(the )?next one\b|^(and )?(the )?next( one)?$|^and (the )?next (session|talk|item)$|\bthe one (after|before)\b|\b(after|before) (that|it|this)( one)?\b|\bwhat comes (right |just |immediately |directly )?(next|after|before)\b|\b(previous|preceding|earlier) (one|session|talk)\b/;

/** "the testing one", "the one about SS7", "the report on audits": an item of the list named by a word of its title. */
const ONE_BY_WORD = /\bthe ((?:[a-z0-9]+ ){0,2}[a-z0-9]+) ones?\b|\bthe (?:one|report|session|talk|document|paper) (?:on|about|for|with|covering) ((?:[a-z0-9]+ ){0,2}[a-z0-9]+)/;
/** Words that say what kind of thing is picked, not which. */
const GENERIC_NOUNS = new Set(['one', 'ones', 'other', 'first', 'second', 'third', 'last', 'next', 'previous', 'same', 'report', 'reports', 'session', 'sessions', 'talk', 'talks', 'document', 'paper', 'link', 'year', 'title', 'published', 'dfs', 'security']);
/** "that day", "the same day": the day just discussed. */
const THAT_DAY = /\b(that|the same|this same|that same) day\b/;
/** "which of them", "among those", "of these": the list shown last, as a whole. */
const OF_THE_LIST = /\b(of|among|amongst|between) (them|those|these|the ones)\b|\bwhich (of )?(them|those|these)\b|^(and |so )?which one\b.*\b(longest|shortest|longer|shorter)\b/;

/** "there", "in that city", "their time": the place of the previous question. */
const THERE = /\bthere\b|\b(that|the same) (city|place|country|zone|time ?zone|timezone)\b|\btheir (local )?time\b/;
/** The clock time of the previous question, asked again ("at the same time", "that time on day 2"). */
const SAME_TIME = /\b(the )?same (time|hour|slot|time slot)\b|\b(at )?that (same )?(time|hour|slot) (on|of|for|tomorrow)\b/;
/** "send me the link", "what's the url?": a link asked for without saying of what. */
const LINK_ASKED = /\b(link|links|url|urls|web address)\b/;
/** The previous question was about a report ("is there a report for the SS7 session?"). */
const REPORT_ASKED = /\b(reports?|documents?|publications?|papers?|reading|materials?|pdf)\b/i;
/** "… in New York?" then "and when does day 2 start?": a time follow-up keeps the place of the one before. */
const AND_WHEN = /^(and|so|ok|okay|then|also)\b.*\b(when|what time|start|starts|begin|begins|end|ends|finish|finishes)\b/;
/** What is asked about a topic just discussed: "when was it set up?", "what does it do?". */
const TOPIC_FOLLOW_UP = /\b(set up|established|founded|created|launched|started|since when|how old|objectives?|goals?|purpose|aims?|mission|what (does|do|is|will) (it|that|this|they) (do|for|offer|test)|where is it)\b/;
/** "and day 2?", "and the postmortems session?": a short follow-up of the one before, in the same place. */
const AND_THEN = /^(and|what about|how about)\b/;
/** A question about what was just said: "why does that matter?", "what does it mean for banks?". */
const WHY_THAT = /^(and )?(why|how come|so why)\b.*\b(that|it|this)\b|^(and )?what does (that|it|this) (mean|imply|matter)\b|^(and )?why (is|does) (that|it|this)\b/;
/** "how long?", "which day?", "any report?", "remind me": a follow-up of a word or three about the session just discussed. */
const BARE_FOLLOW_UP = /^(please |ok |okay )?remind me( about it| of it| about that| for it| for that)?( please| pls)?$|^(and |so |ok |okay )?(how long|for how long|duration|length|which day|what day|what date|when|what time|starts when|ends when|end time|start time|where|any report|a report|report|the report|link|how many minutes|who else|who|by whom|speaker|speakers|presenter|who is it|more|more details|details|tell me more|more info|more information)( then| again| please| pls)?$/;
/** "his title?", "which company?": a bare question about the speaker just discussed. */
const SPEAKER_FOLLOW_UP = /^(and |so )?((his|her|their) )?(title|role|job|position|company|organi[sz]ation|org|employer|affiliation)( please)?$|^(and |so )?(which|what) (company|organi[sz]ation|org|employer)$/;
/** "and the other one?" */
const OTHER_ONE = /\bthe other( one)?\b|\b(the|his|her|their) other (session|talk|speaker|report|one|presentation)\b/;
/** "the first speaker in it", "the second presenter of that session". */
const NTH_SPEAKER_OF_IT = /\b(first|second|third|last) (speaker|presenter|person) (in|of|at|for) (it|that|this|that session|this session|the session)\b/;
/** "is there", "there are": not a place. */
const EXISTENTIAL_THERE = /\b(is|are|was|were|will|would|be|any|anything|anyone) there\b|\bthere (is|are|was|were|will|would|be|s)\b/g;
/** A break asked about next to a session: "a break after/before/between ...". */
const AROUND_BREAK = /\b(breaks?|coffee|tea|pause|recess|intermission)\b.*\b(after|following|before|preceding|between)\b/;
const BREAK_WORDS = /\b((coffee|tea|lunch|short) )?(breaks?|pause|recess|intermission)\b|\bcoffee\b/g;

/** "and when does it end?" right after a question about a day: that day's hours. */
const DAY_EDGE_FOLLOW_UP = /\b(when|what time) (does|do|will|did) (it|that day|this day|the day) (start|begin|end|finish|close|open|wrap up|kick off)\b/;
/** Words that say where in the programme ("opens", "closes"), used as verbs. */
const STRUCTURAL = new Set(['open', 'opens', 'opening', 'close', 'closes', 'closing', 'kick', 'kicks', 'wrap', 'wraps', 'end', 'ends', 'start', 'starts', 'begin', 'begins']);
const STRUCTURAL_VERB = /\b(opens|closes|kicks off|wraps up)\b|\b(what|who|which (session|talk|item|one)) (open|opens|close|closes|starts|begins|ends|kicks|wraps)\b/;

export class Resolver {
  /** Head nouns of the audience groups ("regulator", "bank"): "can central banks attend?". */
  private readonly audienceWords: Set<string>;
  private readonly talks: TalkRecogniser;
  private readonly known: KnownWords;

  constructor(
    private readonly event: EventData,
    private readonly agenda: Agenda,
    private readonly vocab: Vocabulary,
    private readonly recogniser: EntityRecogniser,
    /** The event's distinctive title words ("clinic", "dfs"): mentioning one means the event. */
    private readonly titleWords: Set<string>,
    /** Acronyms the event's text uses and their expansions from the same text ("DFS", "EACO"). */
    private readonly acronyms: Acronyms,
    /** Questions are read in another language than the event's published titles (French). */
    otherLanguage = false,
  ) {
    this.audienceWords = new Set(event.audience.groups.map((g) => wordsOf(g).pop()!).filter((w) => w && !STOPWORDS.has(w)));
    this.talks = new TalkRecogniser(event, agenda, titleWords, otherLanguage);
    this.known = { event, vocab, titleWords };
  }

  /**
   * Entities plus what memory, ordinals and pronouns add: "there", "it", "he", "they", "the first session", "the second one".
   * The entities are completed in place (the place, the day, the sessions, the reports), so the composers see them too.
   */
  resolve(n: Normalised, e: Entities, memory: DialogueMemory, now: Date): Resolved {
    this.placeFromMemory(n, e, memory);
    // "what is the DFS security lab?" then "when was it set up?": the topic just discussed.
    if (!e.topics.length && memory.topicId && /\b(it|that|this|they)\b/.test(n.text) && TOPIC_FOLLOW_UP.test(n.text)) {
      const topic = this.event.topics.find((x) => x.id === memory.topicId);
      if (topic) e.topics = [{ topic, strength: 'strong', tokens: [] }];
    }
    // "and at the same time on day 2?": the clock time asked last.
    if (!e.time && memory.time && SAME_TIME.test(n.text)) e.time = { ...memory.time, end: -1 };
    this.sessionBesideBreak(n, e, memory, now);
    const t = n.text;
    let speakers: Speaker[] = e.speakers.map((m) => m.speaker);
    let speakerFromPronoun = false;
    let fromList = false;
    let relative = false;
    // "the organisers", "who is hosting it": "it" is the event, not the last session.
    // "who runs it?" right after a session: who leads that session, not who organises the event.
    const aboutOrganisers = ORGANISE.test(t) && !(memory.sessionId && /\b(runs|leads|chairs|moderates|facilitates|running|leading|chairing|moderating|facilitating) (it|that|this)( session| one)?\b/.test(t));
    // ("not him, the EACO guy": the pronoun is the one being set aside)
    if (!speakers.length && memory.speakerId && /\b(he|him|his|she|her|hers)\b/.test(t) && !/\bnot (him|her|he|she)\b/.test(t)) {
      const sp = this.agenda.speaker(memory.speakerId);
      if (sp) {
        speakers = [sp];
        speakerFromPronoun = true;
      }
    }
    // "what opens day 1", "who closes the forum": the verb says which item, it does not name one
    // ("Open floor and closing" is not meant by "opens").
    if (STRUCTURAL_VERB.test(t)) e.sessions = e.sessions.filter((s) => !s.terms.every((w) => STRUCTURAL.has(w)));
    // Description-only or prefix-only matches are weak: used only when nothing else fits.
    let sessions: Session[] = e.sessions.filter((s) => s.strong).map((s) => s.session);
    const weakSessions = sessions.length ? [] : e.sessions.map((s) => s.session);
    let sessionsNamed = sessions.length > 0;
    // "what about the next day?": relative to the day just discussed.
    if (!e.day && memory.day) {
      const m = t.match(/\b(next|following|other|previous|preceding) day\b|\bthe day (after|before)\b/);
      if (m) {
        const other = this.agenda.day(memory.day + (/previous|preceding|before/.test(m[0]) ? -1 : m[1] === 'other' && memory.day > 1 && !this.agenda.day(memory.day + 1) ? -1 : 1));
        if (other) e.day = { day: other.day };
      }
    }
    if (!e.day && memory.day && !memory.sessionId && !sessionsNamed && !e.speakers.length && DAY_EDGE_FOLLOW_UP.test(t)) e.day = { day: memory.day };
    // "who else speaks that day?", "anything else on the same day?": the day just discussed
    if (!e.day && memory.day && THAT_DAY.test(t)) e.day = { day: memory.day };
    const day = e.day?.day ?? memory.day;
    const inDay = (list: Session[]) => (day ? list.filter((s) => s.day === day) : list);
    if (sessionsNamed && e.day?.day) {
      // "the break on day 2": prefer the named day's match.
      const onDay = sessions.filter((s) => s.day === e.day!.day);
      if (onDay.length) sessions = [...onDay, ...sessions.filter((s) => s.day !== e.day!.day)];
    }
    // "send me the link" right after a question about a report: that report's link.
    let reportLink = false;
    if (!e.reports.length && !sessionsNamed && memory.reportId && LINK_ASKED.test(t) && REPORT_ASKED.test(memory.lastQuestion ?? '')) {
      const report = this.agenda.report(memory.reportId);
      if (report) {
        e.reports = [{ report, score: 1 }];
        reportLink = true;
      }
    }
    // "the second one", "and the last one?", "the 3rd speaker": an item of the list just shown.
    const listed = memory.listed;
    const listReference = listed && !sessionsNamed && !e.speakers.length && OF_THE_LIST.test(t) ? listed.kind : undefined;
    // "which one of them is from EACO?": the listed speakers of that organisation.
    if (!speakers.length && listed?.kind === 'speaker' && e.organisations.length && /\b(which|who)\b.*\b(them|one|ones|of those|of these)\b/.test(t)) {
      const org = e.organisations[0].organisation;
      const picked = listed.ids.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x && isWith(x, org));
      if (picked.length) {
        speakers = picked;
        fromList = true;
      }
    }
    if (listed && !sessionsNamed && !e.speakers.length && !e.day) {
      const m = t.match(LIST_ORDINAL);
      // ("which one is first?", "which comes last?": the ordinal after the verb)
      const word = m ? (m[1] ?? m[3]) : t.match(WHICH_ONE_IS)?.[1];
      const noun = m?.[2];
      const fits = !noun || noun === 'one' || noun === 'ones' || noun.startsWith('of ') || NOUN_KIND[noun] === listed.kind;
      if (word && fits) {
        // ("the second talk" of a day's list counts its talks: a break is no talk; "the second one" counts every row)
        const talks = listed.kind === 'session' && noun && /^(talk|session|presentation)$/.test(noun) ? listed.ids.filter((x) => this.agenda.session(x)?.kind !== 'break') : listed.ids;
        const i = word === 'last' || word === 'final' ? talks.length - 1 : (ORDINAL[word] ?? 0) - 1;
        const id = talks[i];
        if (id !== undefined) {
          fromList = true;
          if (listed.kind === 'speaker') {
            const sp = this.agenda.speaker(id);
            if (sp) speakers = [sp];
          } else if (listed.kind === 'session') {
            const s = this.agenda.session(id);
            if (s) sessions = [s];
          } else if (listed.kind === 'day') {
            e.day = { day: Number(id) };
          } else {
            const r = this.agenda.report(id);
            if (r) e.reports = [{ report: r, score: 1 }];
          }
        }
      }
    }
    // "the testing one", "the one about SS7": the one item of the list just shown whose title has that word.
    // (the words may name a session too — "the audit one" after the reports — it is the list's item that is meant)
    if (listed && !fromList && !e.speakers.length) {
      const id = this.pickByWord(t, listed);
      if (id) {
        fromList = true;
        if (listed.kind === 'session') sessions = [this.agenda.session(id)!];
        else if (listed.kind === 'speaker') speakers = [this.agenda.speaker(id)!];
        else if (listed.kind === 'report') e.reports = [{ report: this.agenda.report(id)!, score: 1 }];
        if (listed.kind !== 'session' && sessionsNamed) {
          sessions = [];
          e.sessions = [];
          sessionsNamed = false;
        }
      }
    }
    // "and the other one?" after a list of two, one of which was just discussed: the other.
    if (listed && listed.ids.length === 2 && !sessionsNamed && !e.speakers.length && !fromList && OTHER_ONE.test(t)) {
      const current = listed.kind === 'session' ? memory.sessionId : listed.kind === 'speaker' ? memory.speakerId : listed.kind === 'report' ? memory.reportId : undefined;
      const other = listed.ids.find((id) => id !== current);
      if (current && listed.ids.includes(current) && other) {
        fromList = true;
        if (listed.kind === 'session') {
          // ("his other session?": "his" named the speaker whose sessions these are, the session is what is asked)
          sessions = [this.agenda.session(other)!];
          if (speakerFromPronoun) {
            speakers = [];
            speakerFromPronoun = false;
          }
        }
        else if (listed.kind === 'speaker') speakers = [this.agenda.speaker(other)!];
        else if (listed.kind === 'report') e.reports = [{ report: this.agenda.report(other)!, score: 1 }];
      }
    }
    // "the other one?" after one of the event's two breaks: the other break.
    const breakNow = memory.sessionId ? this.agenda.session(memory.sessionId) : undefined;
    if (!fromList && !sessionsNamed && breakNow?.kind === 'break' && OTHER_ONE.test(t)) {
      const others = this.agenda.sessions.filter((s) => s.kind === 'break' && s.id !== breakNow.id);
      if (others.length === 1) {
        sessions = others;
        fromList = true;
      }
    }
    // "when does the current session end?": the one on now, by the clock.
    if (!sessionsNamed && !fromList && /\b(current|ongoing|running) (session|talk|item|presentation)\b|\b(session|talk) (on|running|happening) (now|right now|at the moment)\b/.test(t)) {
      const running = this.agenda.sessions.find((s) => +s.startsAt <= now.getTime() && now.getTime() < +s.endsAt);
      if (running) {
        sessions = [running];
        relative = true;
      }
    }
    // "his title?", "which company?" right after a speaker: that speaker.
    if (!speakers.length && memory.speakerId && SPEAKER_FOLLOW_UP.test(t)) {
      const sp = this.agenda.speaker(memory.speakerId);
      if (sp) {
        speakers = [sp];
        speakerFromPronoun = true;
      }
    }
    // "who else?" right after a speaker: the others in that speaker's sessions.
    if (!speakers.length && memory.speakerId && /^(and |so )?who else( is (in it|there|speaking|presenting))?$/.test(t)) {
      const sp = this.agenda.speaker(memory.speakerId);
      if (sp) {
        speakers = [sp];
        speakerFromPronoun = true;
      }
    }
    // "his other session?": the speaker's session other than the one just discussed.
    if (!fromList && !sessionsNamed && memory.speakerId && memory.sessionId && OTHER_ONE.test(t) && /\b(his|her|their)\b/.test(t)) {
      const own = this.agenda.sessionsOfSpeaker(memory.speakerId).filter((s) => s.id !== memory.sessionId);
      if (own.length === 1) {
        sessions = own;
        fromList = true;
      }
    }
    // "who is the first speaker in it?": of the session just discussed, not of the programme.
    const nthOfIt = t.match(NTH_SPEAKER_OF_IT);
    if (nthOfIt && memory.sessionId && !e.speakers.length && !sessionsNamed) {
      const current = this.agenda.session(memory.sessionId);
      const people = current ? this.agenda.speakersOf(current).map((x) => x.speaker) : [];
      const i = nthOfIt[1] === 'last' ? people.length - 1 : (ORDINAL[nthOfIt[1]] ?? 1) - 1;
      if (people[i]) {
        speakers = [people[i]];
        fromList = true;
      }
    }
    // "tell me about the audit one" naming an item of the list just shown keeps the list referable ("and the other one?").
    if (!fromList && listed?.kind === 'session' && sessions.length === 1 && listed.ids.includes(sessions[0].id)) fromList = true;
    // "when do they speak?" right after a list of speakers: those speakers.
    if (!fromList && !speakers.length && listed?.kind === 'speaker' && /\b(they|them|their|these|those)\b/.test(t) && !aboutOrganisers) {
      speakers = listed.ids.map((id) => this.agenda.speaker(id)).filter((x): x is Speaker => !!x);
      speakerFromPronoun = true;
      fromList = true;
    }
    // "how long are they?" right after a list of sessions (the breaks, a day's talks): those sessions.
    if (!fromList && !speakers.length && !sessionsNamed && !listReference && listed?.kind === 'session' && listed.ids.length > 1 && /\b(they|them|these|those)\b/.test(t) && !aboutOrganisers) {
      sessions = listed.ids.map((id) => this.agenda.session(id)).filter((x): x is Session => !!x);
      fromList = true;
    }
    // Singular "they" for the one speaker just discussed: "and where do they work?"
    if (!speakers.length && !fromList && memory.speakerId && listed?.kind !== 'speaker' && /\b(they|them|their)\b/.test(t) && /\b(work|works|organi[sz]ation|company|employer|from|title|role|job|speak|speaks|talk|talks|present|presents|session|sessions)\b/.test(t) && !aboutOrganisers) {
      const sp = this.agenda.speaker(memory.speakerId);
      if (sp) {
        speakers = [sp];
        speakerFromPronoun = true;
      }
    }
    // "will I have to get up early?", "is that late for me?" right after a session: where that session falls in the
    // attendee's day is asked (the part of the day is the one slot that changed)
    if (!sessionsNamed && !fromList && !sessions.length && !speakers.length && memory.sessionId && recogniseDayCheck(t) && /\b(i|we|me|us|my)\b/.test(t)) {
      const current = this.agenda.session(memory.sessionId);
      if (current && current.kind !== 'break') sessions = [current];
    }
    // "why does that matter for mobile money?" right after a session: that session, whatever else the words match.
    if (memory.sessionId && !fromList && !e.speakers.length && WHY_THAT.test(t)) {
      const current = this.agenda.session(memory.sessionId);
      if (current) {
        sessions = [current];
        relative = true;
      }
    }
    if (!sessionsNamed && !fromList) {
      const items = this.agenda.sessions.filter((s) => s.kind !== 'break');
      // ("who speaks first?" is the first item too)
      const ord = t.match(/\b(first|opening|1st|last|final|closing|next)\s+(session|talk|item|presentation|speaker|one|thing|slot|part)\b|\b(second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(session|talk|item|presentation|slot)\b|\bwho (?:speaks|presents|talks|goes|is on|is speaking) (first|last)\b|\b(?:what|which) (?:is|s|comes|happens|is on|s on) (first|last)\b|^(?:and |so )?(first|last) (?:up|on|thing)\b/);
      const current = memory.sessionId ? this.agenda.session(memory.sessionId) : undefined;
      const after = current && t.match(NEXT_ONE);
      if (after) {
        // "and the next one?": relative to the session just discussed, not to the clock.
        const all = this.agenda.sessions;
        const i = all.indexOf(current);
        const forward = !/\b(previous|before|preceding|earlier)\b/.test(after[0]);
        const pool = forward ? all.slice(i + 1) : all.slice(0, i).reverse();
        // ("and then?", "what comes after?": the next item of the programme, a break too; "the next talk": a talk)
        const talk = /\b(session|talk|presentation|one)\b/.test(t);
        const pick = (talk ? pool.find((s) => s.kind !== 'break') : pool[0]) ?? pool[0];
        if (pick) {
          sessions = [pick];
          relative = true;
        }
      } else if (ord) {
        const pool = inDay(items);
        // "the second session (of day 2)": counted in the programme's order, breaks left out.
        const word = ord[1] ?? ord[3] ?? ord[5] ?? ord[6] ?? ord[7];
        const nth = ORDINAL[word.replace(/^(\d+)(st|nd|rd|th)$/, '$1')] ?? 1;
        // ("the next session" with nothing discussed: the next by the clock)
        const pick = word === 'next' ? items.find((s) => +s.startsAt > now.getTime()) : word === 'last' || word === 'final' || word === 'closing' ? pool[pool.length - 1] : pool[nth - 1];
        if (pick) sessions = [pick];
      } else if (/\b(opens|open|opening|welcome|kick off|kicks off|welcoming)\b|\bwho (will |is going to )?(starts?|begins?|launch(es)?)\b/.test(t) && !/\bopen to\b/.test(t)) {
        // "what opens the second day": that day's opening, else its first item.
        sessions = inDay(items.filter((s) => s.kind === 'opening')).slice(0, 1);
        if (!sessions.length && e.day?.day) sessions = inDay(items).slice(0, 1);
        if (!sessions.length) sessions = items.filter((s) => s.kind === 'opening').slice(0, 1);
      } else if (/\b(closes|closing|wrap up|wraps up|ends the|how does .* end|finale)\b/.test(t)) {
        const closing = inDay(items.filter((s) => s.kind === 'closing'));
        sessions = closing.length ? closing.slice(-1) : inDay(items).slice(-1);
      } else if (
        current &&
        !listReference &&
        !speakers.length &&
        !aboutOrganisers &&
        !/\b(this|the|that) (event|clinic|forum|conference|webinar|summit)\b/.test(t) &&
        (/\b(it|its|that|this|the session|the talk|that session|this session|there|the speakers|the presenters|they|them|their)\b/.test(t.replace(THAT_DAY, ' ')) ||
          // a bare "who's presenting?" right after a session: that session's speakers
          /^(and |so |ok |okay )?who (is|are) (presenting|speaking|talking|giving it|leading it)$|^(and |so )?who (presents|speaks|talks|leads)$/.test(t) ||
          // "how long?", "which day?", "when?", "any report?": a bare follow-up asks about the session just discussed
          BARE_FOLLOW_UP.test(t))
      ) {
        sessions = [current];
      }
    }
    // "what's after the coffee break?", "what comes before the audit session?"
    // (only when asked what comes then: "I'd like to read up before the USSD session" names that session)
    const rel = sessionsNamed && /\b(what|which|who|anything|something)\b|\b(comes|come|is|happens|right|just|immediately|straight) (after|before)\b|\bthe (one|session|talk|item) (right |just )?(after|before)\b/.test(t) && t.match(/\b(after|following|follows|before|precedes|preceding)\b/);
    if (rel) {
      // "the one after the break" on the day being discussed: that day's break.
      const onDay = sessions.filter((s) => s.day === day);
      if (day && onDay.length && onDay.length < sessions.length) sessions = onDay;
      const i = this.agenda.sessions.indexOf(sessions[0]);
      const other = /after|follow/.test(rel[1]) ? this.agenda.sessions[i + 1] : this.agenda.sessions[i - 1];
      if (other && other.day === sessions[0].day) sessions = [other];
    }
    if (speakerFromPronoun && !sessionsNamed) sessions = [];
    // "which of them is the longest?" after a day's list: that day, unless the words name another.
    if (listReference && !fromList && !e.day && listed?.day) e.day = { day: listed.day };
    const aboutEvent = n.tokens.some((w) => this.titleWords.has(w)) || /\b(event|conference|webinar|forum|clinic|summit|workshop|meeting)\b/.test(t);
    const audienceWord = n.tokens.map((w) => (this.audienceWords.has(w) ? w : w.replace(/s$/, ''))).find((w) => this.audienceWords.has(w));
    const audienceGroup = audienceWord !== undefined;
    const talkSpeakers = speakers.length ? undefined : this.talks.speakersOfTalkNamed(n);
    let unknownPerson = !speakers.length && !sessionsNamed && !relative && !fromList ? unknownPersonAsked(n, e, this.known) : undefined;
    // Not in the programme, but in the announcement: the person who signed it.
    const signatoryNamed = !speakers.length && ((unknownPerson !== undefined && isSignatory(this.event, unknownPerson)) || namesSignatory(this.event, n.plain));
    // "his title?" right after the signatory was discussed: the signatory.
    const signatoryMeant = !speakers.length && !e.organisations.length && memory.person === 'signatory' && /\b(he|him|his|she|her|hers)\b/.test(t);
    if (signatoryNamed || signatoryMeant) unknownPerson = undefined;
    return { entities: e, sessions, weakSessions, speakers, sessionsNamed: sessionsNamed || relative, speakerFromPronoun, speakerSessions: speakers.flatMap((sp) => this.agenda.sessionsOfSpeaker(sp.id)), aboutEvent, fromList, listReference, relative, reportLink, audienceGroup, audienceWord, unknownOrganisation: unknownOrganisationAsked(n, e, this.known), acronym: acronymAsked(n, this.acronyms), unknownPerson, signatoryNamed: signatoryNamed || signatoryMeant, talkSpeakers, talkNamed: talkSpeakers ?? (sessions.length === 1 && sessionsNamed ? this.talks.speakersOfTalkIn(n, sessions[0]!.id) : undefined) };
  }

  /** The id of the one listed item a "the X one" / "the one about X" names by a word of its title, if exactly one. */
  private pickByWord(t: string, listed: NonNullable<DialogueMemory['listed']>): string | undefined {
    if (listed.kind === 'day') return undefined;
    const m = t.match(ONE_BY_WORD);
    const words = (m?.[1] ?? m?.[2] ?? '').split(' ').filter((w) => w.length > 2 && !STOPWORDS.has(w) && !GENERIC_NOUNS.has(w));
    if (!words.length) return undefined;
    const titleOf = (id: string): string =>
      listed.kind === 'report' ? [this.agenda.report(id)?.title, this.agenda.report(id)?.publishedTitle].join(' ') : listed.kind === 'session' ? (this.agenda.session(id)?.title ?? '') : (this.agenda.speaker(id)?.name ?? '');
    const stem = (w: string) => w.replace(/(ing|ed|s)$/, '');
    const hits = listed.ids.filter((id) => {
      const own = new Set(wordsOf(titleOf(id)).map(stem));
      return words.some((w) => own.has(stem(w)));
    });
    return hits.length === 1 ? hits[0] : undefined;
  }

  /** "and when does it end there?": the place asked about last. */
  private placeFromMemory(n: Normalised, e: Entities, memory: DialogueMemory): void {
    const placeFromMemory = !e.target && memory.place && (THERE.test(n.text.replace(EXISTENTIAL_THERE, ' ')) || ((AND_WHEN.test(n.text) || (AND_THEN.test(n.text) && n.tokens.length <= 6)) && !e.ownTime));
    if (placeFromMemory) e.target = { zone: memory.place!.zone, label: memory.place!.label, kind: 'city', at: -1, end: -1 };
  }

  /**
   * "is there a coffee break after the SS7 session?": the break's own name outscores the session the
   * question places it by, so look for that session without the break's words.
   */
  private sessionBesideBreak(n: Normalised, e: Entities, memory: DialogueMemory, now: Date): void {
    if (AROUND_BREAK.test(n.text) && e.sessions.length && e.sessions.every((s) => s.session.kind === 'break')) {
      const rest = normalise(n.text.replace(BREAK_WORDS, ' '), this.vocab);
      const others = this.recogniser.recognise(rest, now).sessions.filter((s) => s.strong && s.session.kind !== 'break');
      const current = memory.sessionId ? this.agenda.session(memory.sessionId) : undefined;
      // "is there a break after it?": the session just discussed.
      if (!others.length && current && current.kind !== 'break' && /\b(it|that|this|that session|this session|the session|the talk)$/.test(n.text.replace(/\s+(please|then|too)$/, '')))
        others.push({ session: current, score: e.sessions[0].score, terms: [], strong: true });
      if (others.length) e.sessions = [...others, ...e.sessions];
    }
  }
}
