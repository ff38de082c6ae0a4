// The structure of an answer that is more than a sentence (an agenda, a list of speakers or reports, a profile,
// a registration summary), channel-neutral. Composers fill it from the event data; the renderer (src/render/)
// lays it out per channel: an Adaptive Card where cards render, markdown text where they don't.
// Plain strings only: no markup, no channel types.

/** A heading, then sections of rows, facts or paragraphs; a small-print note; links. */
export interface ReplyContent {
  /** "Agenda", "Speakers (12)", a speaker's name. */
  title: string;
  /** A line under the title, in small print ("Day 2, Thu 31 March 2022 · 10:00–13:00 EAT"). */
  subtitle?: string;
  /**
   * The zones the rows' times are in, the event's first: a time column per zone, named once in the header,
   * never after every time.
   */
  zones?: ZoneColumn[];
  sections: ContentSection[];
  /** Closing small print ("All times in EAT (Africa/Nairobi)."). */
  note?: string;
  /** Links shown as buttons (at most 4 are kept). */
  links?: ContentLink[];
}

export interface ZoneColumn {
  /** Short, for the column header: "EAT", "Your time", "Tokyo". */
  label: string;
  /** The zone spelled out for screen readers and the text fallback: "Europe/Berlin, UTC+2". */
  detail?: string;
}

export interface ContentSection {
  /** "Day 2, Thu 31 March 2022 · 10:00–13:00": a sub-heading when the content has several parts. */
  heading?: string;
  /** One row per item: a session, a speaker, a report. */
  rows?: ContentRow[];
  /** Label–value pairs: a profile, a registration summary. */
  facts?: ContentFact[];
  /** Free sentences (a description, objectives). */
  paragraphs?: string[];
}

export interface ContentRow {
  /** When the row is a time slot: one range per zone of `ReplyContent.zones`, same order ("10:00–11:15"). */
  times?: string[];
  /** The row's name: a session title, a speaker's name, a report title. */
  title: string;
  /** Who or what, in one line: speakers, an organisation. */
  detail?: string;
  /** More lines (a speaker's talks with their times). */
  lines?: string[];
  /** Opens when the row is chosen (a report's link). */
  url?: string;
  /** Shown quieter: a break between sessions. */
  minor?: boolean;
}

export interface ContentFact {
  label: string;
  value: string;
  /** The value is what a user typed (a name, an organisation): shown as inert text, never as a link or markup. */
  typed?: boolean;
}

export interface ContentLink {
  title: string;
  url: string;
}
