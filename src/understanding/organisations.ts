// Finds organisations named in a question ("who is from ITU?", "Adaptive Mobile speakers"), by short
// name or full name, from the organisers and the speakers' organisations.
import type { EventData } from '../event/schema.ts';
import { editDistance } from './distance.ts';
import { commonEnglish, wordsOf } from './vocabulary.ts';

export interface Organisation {
  /** The name speakers use for it (short name where the organisers list gives one). */
  key: string;
  name: string;
  shortName?: string;
  url?: string;
  organiser: boolean;
  /** For a unit inside an organisation ("TSB" of ITU): that organisation's key. */
  unitOf?: string;
}

/** Whether a speaker is with an organisation (or the unit), under any of the names the event gives it. */
export function isWith(speaker: { organisation: string; unit?: string }, org: Organisation): boolean {
  if (org.unitOf) return speaker.unit === org.key && speaker.organisation === org.unitOf;
  return speaker.organisation === org.key || speaker.organisation === org.name || speaker.organisation === org.shortName;
}

export interface OrganisationMatch {
  organisation: Organisation;
  tokens: number[];
}

export class OrganisationRecogniser {
  readonly organisations: Organisation[] = [];
  private readonly names: { org: Organisation; words: string[] }[] = [];
  /** A distinctive first word that names the organisation on its own ("Nimbus" for "Nimbus Example Ltd"). */
  private readonly heads = new Map<string, Organisation>();

  constructor(event: EventData) {
    for (const o of event.organisers) {
      this.organisations.push({ key: o.shortName ?? o.name, name: o.name, shortName: o.shortName, url: o.url, organiser: true });
    }
    for (const s of event.speakers) {
      const known = this.organisations.find((o) => o.key === s.organisation || o.name === s.organisation || o.shortName === s.organisation);
      if (!known) this.organisations.push({ key: s.organisation, name: s.organisation, organiser: false });
    }
    // Units the speakers give ("TSB"), so "who is from TSB?" and "TSB and EACO side" find them.
    for (const s of event.speakers) {
      if (s.unit && !this.organisations.some((o) => o.key === s.unit || o.shortName === s.unit || o.name === s.unit)) this.organisations.push({ key: s.unit, name: s.unit, organiser: false, unitOf: s.organisation });
    }
    for (const org of this.organisations) {
      for (const n of [org.name, org.shortName]) if (n) this.names.push({ org, words: wordsOf(n) });
    }
    const personal = new Set(event.speakers.flatMap((s) => wordsOf(s.name)));
    const english = commonEnglish();
    for (const org of this.organisations) {
      const head = wordsOf(org.name)[0];
      if (head && head.length >= 4 && (english.get(head) ?? Infinity) > 5000 && !personal.has(head) && wordsOf(org.name).length > 1) this.heads.set(head, org);
    }
  }

  byName(name: string): Organisation | undefined {
    return this.organisations.find((o) => o.key === name || o.name === name || o.shortName === name);
  }

  recognise(tokens: string[]): OrganisationMatch[] {
    const out: OrganisationMatch[] = [];
    for (const { org, words } of this.names) {
      const at = findSequence(tokens, words);
      if (at >= 0 && !out.some((m) => m.organisation === org)) {
        out.push({ organisation: org, tokens: words.map((_, i) => at + i) });
      }
    }
    if (!out.length) {
      tokens.forEach((t, i) => {
        const org = this.heads.get(t);
        if (org && !out.some((m) => m.organisation === org)) out.push({ organisation: org, tokens: [i] });
      });
    }
    return out;
  }
}

/** Where the words occur in a row in the tokens (long words may carry one typo); -1 if nowhere. */
function findSequence(tokens: string[], words: string[]): number {
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    for (let j = 0; j < words.length; j++) {
      const t = tokens[i + j];
      const w = words[j];
      if (t !== w && !(w.length >= 5 && editDistance(t, w, 1) <= 1)) continue outer;
    }
    return i;
  }
  return -1;
}
