// Word patterns more than one rule reads, and `has`, which the rules' long conditions are written with.

export const has = (re: RegExp, t: string) => re.test(t);

/** Words that make a message a question ("thanks, and when does it start?" is not only thanks). */
export const QUESTION_WORDS = /\b(when|what|who|where|how|which|why|is there|are there|can you|could you|do you|does|is|are)\b/;

/** A yes/no question: "is Vijay Mauree speaking on day 2?", "does the clinic end at 1pm?". */
/** ("could you tell me ...", "would you kindly ..." are requests, not yes/no questions) */
export const POLAR = /^(and |so |but |ok |okay |also |then )?(is|are|does|do|did|will|would|can|could|has|have|was|were|am)\b(?! (you|u)\b)/;
/** "Bilel Jamoussi is with EACO, isn't he?": a statement put as a question by its tag. */
export const TAG_QUESTION = /\b(is not|are not|does not|do not|did not|was not|right|correct|true|yes|yeah|no|ok|okay|isn t it|doesn t it|aren t they)( (he|she|it|they|that|there))?$/;

/** What a question is about, by its words: when, who, how long, what about, reports, the agenda, breaks, now, next, he/she, it. */
export const W = {
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
