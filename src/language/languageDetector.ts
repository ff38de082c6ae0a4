// Which language a message is written in, and whether it asks to switch ("parlez-vous français ?", "in English
// please"). A small classifier — the same linear model and features as the intent recogniser — trained on the
// training utterances of every language the bot speaks (nlu/<lang>/intents/*.json, placeholders left out, so names
// carry no language) and on the switch requests (nlu/<lang>/language.json). Trained once per process, in well under
// a second; a message is read in microseconds. Off-the-shelf detectors were either poor on short chat text
// (franc-min) or cost 90–170 MB of memory (eld).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldDiacritics } from '../understanding/diacritics.ts';
import { LinearClassifier, type TrainingExample } from '../understanding/nlu/linearClassifier.ts';
import { IntentRecognizer, NLU_DIR } from '../understanding/nlu/recognizer.ts';
import type { ModelCache } from '../understanding/nlu/modelCache.ts';
import { isLanguage, LANGUAGES, type Language } from './languages.ts';

export interface Detection {
  /** The language the text is written in, when it says enough to tell (else undefined: too short, mixed, names only). */
  language?: Language;
  /** How sure, 0.5–1 (the likelier language's share). */
  confidence: number;
  /** The message asks the bot to speak this language. */
  asked?: Language;
}

/** A language is taken when it is at least this likely against the other. */
export const SURE = 0.85;
/** A message of one word ("super", "hello") must say more: it is often the same word in both languages. */
export const SURE_ONE_WORD = 0.93;
/** A switch request is taken at this score. */
export const ASKED = 0.6;

export class LanguageDetector {
  private constructor(private readonly model: LinearClassifier) {}

  /** `models`: where trained models are kept between starts (the model is found by the hash of its examples). */
  static fromNlu(dir: string = NLU_DIR, models?: ModelCache): LanguageDetector {
    const key = dir;
    let detector = cache.get(key);
    if (!detector) {
      const examples = examplesFrom(dir);
      const id = IntentRecognizer.idOf('languages', examples);
      let model = models?.load(id);
      if (!model) {
        model = LinearClassifier.train(examples);
        models?.save(id, model);
      }
      cache.set(key, (detector = new LanguageDetector(model)));
    }
    return detector;
  }

  detect(text: string): Detection {
    const words = wordsOf(text);
    // Fewer than two letters of words says nothing ("ok", "?", "2").
    if (words.replace(/ /g, '').length < 2) return { confidence: 0.5 };
    const scores = new Map(this.model.classify(words).map((x) => [x.intent, x.score]));
    const [top] = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    const asked = top && top[0].startsWith('switch.') && top[1] >= ASKED ? top[0].slice('switch.'.length) : undefined;
    const en = scores.get('en') ?? 0;
    const fr = scores.get('fr') ?? 0;
    const confidence = Math.max(en, fr) / (en + fr || 1);
    const language: Language = fr > en ? 'fr' : 'en';
    const sure = words.includes(' ') ? SURE : SURE_ONE_WORD;
    return { ...(confidence >= sure ? { language } : {}), confidence, ...(isLanguage(asked) ? { asked } : {}) };
  }
}

const cache = new Map<string, LanguageDetector>();

/** Lowercase words without accents, digits or punctuation: what tells languages apart, not how carefully it was typed. */
function wordsOf(text: string): string {
  return foldDiacritics(text.toLowerCase())
    .replace(/\{\w+\}/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function examplesFrom(dir: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const lang of LANGUAGES) {
    const folder = join(dir, lang, 'intents');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const intents = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, string[]>;
      for (const utterances of Object.values(intents)) for (const u of utterances) addExample(out, u, lang);
    }
    const switches = join(dir, lang, 'language.json');
    if (existsSync(switches)) {
      const requests = JSON.parse(readFileSync(switches, 'utf8')) as Record<string, string[]>;
      for (const [label, utterances] of Object.entries(requests)) for (const u of utterances) addExample(out, u, label);
    }
  }
  return out;
}

function addExample(out: TrainingExample[], utterance: string, label: string) {
  const text = wordsOf(utterance);
  if (text) out.push({ text, intent: label });
}
