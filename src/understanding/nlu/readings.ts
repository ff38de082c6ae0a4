// A decision said back as the question the attendee may have meant ("When is Opening and Welcome Remarks?"),
// for "Did you mean … or …?": each reading is also a suggested action that asks exactly that. The wording is
// language data (nlu/<lang>/readings.json); "intent#" is the wording when the intent's slot is absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../decision.ts';
import { intentIdOf } from './labels.ts';

export class Readings {
  private readonly templates: Record<string, string>;

  constructor(dir: string, lang: string) {
    this.templates = JSON.parse(readFileSync(join(dir, lang, 'readings.json'), 'utf8')) as Record<string, string>;
  }

  /** The question a decision answers, or undefined when there is no wording for it. */
  of(d: Decision): string | undefined {
    const id = intentIdOf(d);
    const slots = slotsOf(d, this.templates._day ?? 'day {n}');
    for (const template of [this.templates[id], this.templates[`${id}#`]]) {
      if (!template) continue;
      let complete = true;
      const text = template.replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? ((complete = false), ''));
      if (complete) return text;
    }
    return undefined;
  }
}

/** `dayWord`: how the language names an event day ("day {n}", "jour {n}": readings.json's "_day"). */
function slotsOf(d: Decision, dayWord: string): Record<string, string | undefined> {
  switch (d.intent) {
    case 'session':
      return { session: d.sessions[0]?.title };
    case 'speaker':
      return { speaker: d.speakers[0]?.name };
    case 'agenda':
    case 'hours':
      return { day: d.day ? dayWord.replace('{n}', String(d.day)) : undefined };
    case 'speakers.organisation':
    case 'organisation':
      return { organisation: d.organisation.shortName ?? d.organisation.name };
    case 'topic':
      return { topic: d.topic.name };
    default:
      return {};
  }
}
