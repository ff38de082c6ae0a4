// French replies typeset and written as French is, checked over every composer's output through POST /api/messages
// (and every French template in locales/fr.json): a no-break space before ? ! : ; and inside « », French day and
// month names, French clock times, elision ("de l'UIT", "d'Adaptive Mobile", never "de UIT" or "le Union"), no
// English sentence. What the event's data says (titles, descriptions, names, links) is shown as published and is
// left out of the checks.
import { expect } from 'chai';
import { loadEventFile } from '../../src/event/load.ts';
import { localiseEvent } from '../../src/event/translations.ts';
import { allCatalogues, say } from '../../src/language/messages.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

/** [rule, what breaks it] */
const RULES: [string, RegExp][] = [
  ['a plain space before ? ! : ;', /[^\S\u00a0\u202f][?!:;](?=\s|$)/u],
  ['no space before ? ! ;', /[\p{L}\d)»][?!;](?=\s|$)/u],
  ['no space before :', /[\p{L})»]:(?=\s|$)/u],
  ['« » without a no-break space', /«(?!\u00a0)|(?<!\u00a0)»/u],
  ['an English day or month', /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?= \d)|January|February|March|April|June|July|August|September|October|November|December)\b/u],
  ['an English clock time', /\b\d{1,2}:\d{2}\b/u],
  ['a word not elided', /(?<![\p{L}-])(?:[Dd]e|[Ll]e|[Ll]a|[Qq]ue|[Jj]e|[Nn]e|[Ss]e) (?=[AEIOUYÉÈÊÀÂÎÔaeiouyéèêàâîô])/u],
  ['an acronym without its article', /\b(?:de|pour|par) UIT\b|(?<![’'])\bUIT (?:est|a|organise)\b/u],
  ['English words', /\b(?:the|and|is|are|Day|Speakers|your time|Show the agenda|Yes|No)\b/u],
];

/** Every string of the event in both languages: data, shown as published, not the bot's own wording. */
function eventStrings(): string[] {
  const event = loadEventFile('events/dfs-security-clinic-2022.json');
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length > 3) out.add(v);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(event);
  walk(localiseEvent(event, 'fr'));
  return [...out].sort((a, b) => b.length - a.length);
}

function breaches(text: string, data: string[]): string[] {
  let t = text;
  for (const v of data) t = t.split(v).join('⟦⟧');
  t = t.replace(/https?:\/\/\S+/g, '⟦url⟧').replace(/\S+@\S+/g, '⟦mail⟧');
  const found: string[] = [];
  for (const [rule, re] of RULES) {
    const m = new RegExp(re.source, `${re.flags}g`).exec(t);
    if (m) found.push(`${rule}: …${t.slice(Math.max(0, m.index - 30), m.index + 20).replace(/\n/g, '⏎')}…`);
  }
  return found;
}

/** One French question (or conversation) per composer. */
const QUESTIONS: string[][] = [
  ['quel est le programme du jour 1 ?'],
  ['quand a lieu la session SS7 ?'],
  ['qui présente la session SS7 ?'],
  ['qui est Vijay Mauree ?'],
  ['pour qui travaille Faaez Burney ?'],
  ['qui sont les intervenants de l’UIT ?'],
  ['combien d’intervenants de l’UIT ?'],
  ['y a-t-il des intervenants de l’EACO ?'],
  ['qui organise la clinique ?'],
  ['quels rapports y a-t-il ?'],
  ['quand a lieu la clinique ?'],
  ['la clinique est-elle en ligne ?'],
  ['la clinique dure-t-elle trois jours ?'],
  ['faut-il s’inscrire ?'],
  ['qui contacter pour la clinique ?'],
  ['combien de sessions le jour 2 ?'],
  ['y a-t-il une pause ?'],
  ['à quelle heure commence la clinique chaque jour ?'],
  ['qui parle après Bilel Jamoussi ?'],
  ['la session SS7 est-elle avant la session sur l’audit ?'],
  ['y a-t-il une session sur la blockchain ?'],
  ['je suis à Londres'],
  ['10 h à Nairobi, c’est quelle heure à Londres ?'],
  ['la session SS7 à l’heure du Caire ?'],
  ['quelles sont les heures de la clinique à Kinshasa ?'],
  ['quel temps fera-t-il à Kigali demain ?'],
  ['aide'],
  ['quelle heure est-il à Londres ?'],
  ['il est quelle heure ?'],
  ['l’heure change-t-elle pendant la clinique ?'],
  ['quand parle Vijay Mauree ?', 'et sa fonction ?'],
];

describe('French typography and grammar in replies (HTTP)', () => {
  let bot: BotUnderTest;
  const data = eventStrings();
  before(async () => {
    bot = await startBot();
  });
  after(() => bot.stop());

  QUESTIONS.forEach((turns, i) => {
    it(`"${turns.join('" → "')}"`, async () => {
      const who = { conversationId: `conv-typo-${i}`, userId: `user-typo-${i}`, extra: { locale: 'fr-FR' } };
      let reply = '';
      for (const text of turns) reply = await bot.ask(text, who);
      expect(reply, 'a reply').to.not.equal('');
      expect(breaches(reply, data), reply).to.deep.equal([]);
    });
  });

  it('every French template, typeset with its values, keeps the rules (locales/fr.json)', () => {
    const found: string[] = [];
    for (const [id, template] of Object.entries(allCatalogues().fr)) {
      if (typeof template !== 'string') continue;
      // (a value such as a name stands in for each placeholder; a lone fragment is read as part of a sentence)
      const vars = Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'Nom']));
      for (const b of breaches(say('fr', id, vars), data)) if (!b.startsWith('English words')) found.push(`${id}: ${b}`);
    }
    expect(found).to.deep.equal([]);
  });
});
