// The classifier's training examples: the utterances of nlu/<lang>/intents/*.json with their placeholders
// ({speaker}, {session}, …) filled from the loaded event's own data, so each event trains on its own names,
// titles and topics. Deterministic: the same files and event always give the same examples, in the same order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventData } from '../../event/schema.ts';
import type { TrainingExample } from './linearClassifier.ts';

/** One language's utterance files: intent id → utterances, merged over the files (read in name order). */
export interface UtteranceSet {
  lang: string;
  intents: Record<string, string[]>;
  /** Values for placeholders the event does not give (places, clock times). */
  slots: Record<string, string[]>;
}

/** nlu/<lang>/intents/*.json (intent → utterances) and nlu/<lang>/slots.json (placeholder → values). */
export function loadUtterances(dir: string, lang: string): UtteranceSet {
  const folder = join(dir, lang, 'intents');
  const set: UtteranceSet = { lang, intents: {}, slots: readLists(join(dir, lang, 'slots.json')) };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    for (const [key, values] of Object.entries(readLists(join(folder, file)))) set.intents[key] = [...(set.intents[key] ?? []), ...values];
  }
  return set;
}

function readLists(file: string): Record<string, string[]> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const [key, values] of Object.entries(data)) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) throw new Error(`${file}: "${key}" must be a list of strings`);
  }
  return data as Record<string, string[]>;
}

/** What each placeholder can be filled with, from the event (and the language's slot file). */
export function slotValues(event: EventData, extra: Record<string, string[]>): Record<string, string[]> {
  const unique = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x && x.trim().length > 0))];
  const surname = (name: string) => name.replace(/\(.*\)/g, '').trim().split(/\s+/).pop();
  const shortTitle = (title: string) => title.split(/[:(–-]/)[0]!.trim().split(/\s+/).slice(0, 5).join(' ');
  const sessions = event.programme.filter((p) => p.kind !== 'break');
  return {
    ...extra,
    speaker: unique(event.speakers.map((s) => s.name)),
    surname: unique(event.speakers.map((s) => surname(s.name))),
    session: unique(sessions.flatMap((p) => [shortTitle(p.title), ...p.keywords.slice(0, 2)])),
    organisation: unique([...event.organisers.flatMap((o) => [o.shortName, o.name]), ...event.speakers.map((s) => s.organisation)]),
    report: unique(event.reports.map((r) => shortTitle(r.title))),
    topic: unique([...event.topics.flatMap((t) => [t.name, ...t.aliases.slice(0, 2)]), ...sessions.flatMap((p) => p.keywords.slice(0, 1))]),
    group: unique(event.audience.groups.map((g) => g.toLowerCase() + 's')),
    day: unique([...event.days.flatMap((d) => [`day ${d.day}`, weekday(d.date)]), 'tomorrow', 'today', 'the first day', 'the last day']),
    acronym: unique([...event.organisers.map((o) => o.shortName), ...event.topics.flatMap((t) => t.aliases.filter((a) => /^[A-Z0-9]{2,6}$/.test(a)))]),
  };
}

/** How many fillings one utterance with placeholders gets (each picks the next values in turn). */
const FILLS = 3;

export function trainingExamples(set: UtteranceSet, event: EventData): TrainingExample[] {
  const values = slotValues(event, set.slots);
  const out: TrainingExample[] = [];
  // each placeholder walks through its values in turn, so every speaker, session… is used
  const cursor = new Map<string, number>();
  for (const intent of Object.keys(set.intents).sort()) {
    for (const utterance of set.intents[intent]!) {
      const names = [...utterance.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      if (!names.length) {
        out.push({ text: utterance, intent });
        continue;
      }
      // a placeholder the event has no value for (no reports, no topics): that utterance is left out
      if (names.some((n) => !values[n]?.length)) continue;
      for (let i = 0; i < FILLS; i++) {
        const text = utterance.replace(/\{(\w+)\}/g, (_, n: string) => {
          const xs = values[n]!;
          const at = cursor.get(n) ?? 0;
          cursor.set(n, at + 1);
          return xs[at % xs.length]!;
        });
        out.push({ text, intent });
      }
    }
  }
  return out;
}

function weekday(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' }).toLowerCase();
}
