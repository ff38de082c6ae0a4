// What attendees see, per channel: every card the bot can send (every reply to every question of the eval
// suites, and the registration summary) parses as Adaptive Cards 1.5 with nothing a host would drop; the text
// said before a card never repeats the card's rows; without cards the text stands on its own, in real lines.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DialogueMemory, Reply } from '../../src/conversation/types.ts';
import { capabilitiesOf } from '../../src/render/capabilities.ts';
import { render } from '../../src/render/render.ts';
import { adaptiveCardProblems } from '../support/adaptiveCardCheck.ts';
import { DEFAULT_NOW, engineFor, type EvalCase } from '../eval/harness.ts';
import { detailsContent } from '../../src/registration/replies.ts';

const EVAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../eval');

/** Every reply (and preface) the engine gives over every turn of every eval suite. */
function everyReply(): { question: string; reply: Reply }[] {
  const out: { question: string; reply: Reply }[] = [];
  for (const file of readdirSync(EVAL_DIR).filter((f) => /^questions.*\.json$/.test(f))) {
    const { cases } = JSON.parse(readFileSync(resolve(EVAL_DIR, file), 'utf8')) as { cases: EvalCase[] };
    for (const c of cases) {
      const engine = engineFor(c.event);
      let memory: DialogueMemory = {};
      let zone = c.tz;
      for (const text of c.turns) {
        const u = engine.understand({ text, now: new Date(c.now ?? DEFAULT_NOW), memory, userTimeZone: zone });
        memory = u.memory;
        if (u.rememberTimeZone) zone = u.rememberTimeZone;
        for (const reply of [u.preface, u.reply]) if (reply) out.push({ question: `${file} ${c.id}: ${text}`, reply });
      }
    }
  }
  return out;
}

const TEAMS = capabilitiesOf('msteams');
const PLAIN = capabilitiesOf('directline');

/** The strings a card shows (TextBlock texts, fact titles and values), without markdown escapes. */
function cardTexts(card: unknown, out: string[] = []): string[] {
  if (Array.isArray(card)) card.forEach((c) => cardTexts(c, out));
  else if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    for (const k of ['text', 'title', 'value']) if (typeof o[k] === 'string') out.push((o[k] as string).replace(/\\(.)/g, '$1'));
    Object.values(o).forEach((v) => cardTexts(v, out));
  }
  return out;
}

describe('rendering replies per channel', function () {
  this.timeout(120_000);
  const replies = everyReply();
  const withContent = replies.filter((r) => r.reply.content);

  it('covers the eval suites: thousands of replies, hundreds with structured content', () => {
    expect(replies.length).to.be.greaterThan(2000);
    expect(withContent.length).to.be.greaterThan(300);
  });

  it('every card the bot can send validates as Adaptive Cards 1.5 and uses only elements Teams and Web Chat render', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const { question, reply } of withContent) {
      const card = render(reply, TEAMS).card!;
      const json = JSON.stringify(card);
      if (seen.has(json)) continue;
      seen.add(json);
      for (const p of adaptiveCardProblems(card)) problems.push(`${question} → ${p}`);
    }
    expect(seen.size).to.be.greaterThan(50);
    expect(problems.slice(0, 20), problems.join('\n')).to.deep.equal([]);
  });

  it('says the lead once and the content once: the line before a card repeats at most the one row it answers about', () => {
    const repeated: string[] = [];
    for (const { question, reply } of withContent) {
      const out = render(reply, TEAMS);
      // A row is repeated when its name and what it says (time, speakers, organisation) are all in the lead; the
      // lead may name the one item the question was about ("when is Kibuuka's audit talk?" above his profile).
      const rows = reply.content!.sections.flatMap((s) => s.rows ?? []).map((r) => [r.title, r.detail, ...(r.times ?? []).slice(0, 1)].filter((x): x is string => !!x));
      const again = rows.filter((parts) => parts.length > 1 && parts.every((p) => out.text.includes(p)));
      if (rows.length > 1 && again.length > 1) repeated.push(`${question}: ${again.map((r) => r.join(' / ')).join(' | ')}`);
    }
    expect(repeated.slice(0, 10), repeated.join('\n')).to.deep.equal([]);
  });

  it('names the zones once, in the time column: row times are bare ranges, no zone ids or offsets in any row', () => {
    const problems: string[] = [];
    for (const { question, reply } of withContent) {
      for (const r of reply.content!.sections.flatMap((s) => s.rows ?? [])) {
        for (const t of r.times ?? []) if (!/^\d\d:\d\d–\d\d:\d\d( \(\w{3} \d+ \w{3}\))?$/.test(t)) problems.push(`${question}: time "${t}"`);
        for (const l of [r.detail ?? '', ...(r.lines ?? [])]) if (/UTC[+-]\d|[A-Z][a-z]+\/[A-Z]/.test(l)) problems.push(`${question}: "${l}"`);
      }
    }
    expect(problems.slice(0, 10), problems.join('\n')).to.deep.equal([]);
  });

  it('without cards, every reply reads on its own: real lines, list items, no run of bullets inside a line', () => {
    const bad: string[] = [];
    for (const { question, reply } of replies) {
      const out = render(reply, PLAIN);
      expect(out.card, question).to.equal(undefined);
      for (const line of out.text.split('\n')) {
        if (/•.*•/.test(line) || /^\s*•/.test(line)) bad.push(`${question}: ${line.slice(0, 120)}`);
      }
      // A list starts after a blank line (else markdown folds it into the paragraph above).
      if (/[^\n]\n- /.test(out.text.replace(/^- .*$/gm, (m) => `\u0000${m}`).replace(/\u0000/g, ''))) {
        const lines = out.text.split('\n');
        for (let i = 1; i < lines.length; i++) if (lines[i].startsWith('- ') && lines[i - 1] && !lines[i - 1].startsWith('- ')) bad.push(`${question}: list without a blank line before "${lines[i].slice(0, 60)}"`);
      }
    }
    expect(bad.slice(0, 10), bad.join('\n')).to.deep.equal([]);
  });

  it('gives the same facts in both renderings: every row title of a card is in the text-only rendering', () => {
    for (const { question, reply } of withContent.slice(0, 400)) {
      const text = render(reply, PLAIN).text.replace(/\\(.)/g, '$1');
      for (const r of reply.content!.sections.flatMap((s) => s.rows ?? [])) expect(text, question).to.include(r.title);
    }
  });

  it('the registration summary is a 1.5 card with a row per detail, what the attendee typed shown as inert text', () => {
    const details = { fullName: 'Ada [x](javascript:alert(1))', email: 'ada@example.org', organisation: 'Evil Corp evil.example.com', country: { code: 'KE', name: 'Kenya' }, category: 'Other', reminders: 'all' as const };
    const reply: Reply = { text: 'Please check your details.', lead: 'Please check your details.', content: detailsContent(details, 'ABCD-EFGH') };
    const card = render(reply, TEAMS).card!;
    expect(adaptiveCardProblems(card)).to.deep.equal([]);
    const facts = (card.body as Record<string, any>[]).flatMap((e) => e.facts ?? []);
    expect(facts.map((f: { title: string }) => f.title)).to.deep.equal(['Name', 'E-mail', 'Organisation', 'Country', 'Category', 'Reminders']);
    expect(facts[2].value).to.equal('Evil Corp evil\\.example\\.com');
    expect(facts[0].value).to.not.match(/(^|[^\\])[[(]/);
    const text = render(reply, PLAIN).text;
    expect(text).to.include('- Country: Kenya').and.include('Reference ABCD-EFGH');
  });

  it('offers at most three suggested actions', () => {
    for (const { question, reply } of replies) expect(render(reply, TEAMS).suggestions.length, question).to.be.at.most(3);
  });
});

describe('channel capabilities', () => {
  const table: [string, string | undefined, unknown, boolean][] = [
    ['Teams', 'msteams', undefined, true],
    ['Web Chat on the built-in Direct Line', 'webchat', undefined, true],
    ['Bot Framework Emulator', 'emulator', undefined, true],
    ['Web Chat on Azure Direct Line', 'directline', { clientActivityID: 'abc' }, true],
    ['another Direct Line client', 'directline', undefined, false],
    ['e-mail', 'email', undefined, false],
    ['SMS', 'sms', undefined, false],
    ['an unknown channel', 'somethingnew', undefined, false],
  ];
  for (const [name, channelId, channelData, cards] of table) {
    it(`${name}: ${cards ? 'lead + card' : 'markdown text'}`, () => {
      const reply = engineFor().understand({ text: "what's on day 2?", now: new Date(DEFAULT_NOW), memory: {} }).reply!;
      const out = render(reply, capabilitiesOf(channelId, channelData));
      expect(Boolean(out.card)).to.equal(cards);
      expect(out.text.split('\n').length).to.be[cards ? 'lessThan' : 'greaterThan'](4);
    });
  }
});

describe('the card check itself', () => {
  const base = { type: 'AdaptiveCard', version: '1.5', speak: 'x', body: [{ type: 'TextBlock', text: 'ok', wrap: true }] };
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown element', { ...base, body: [{ type: 'Carousel', pages: [] }] }, /Carousel|Unknown element/],
    ['a value 1.5 does not allow', { ...base, body: [{ type: 'TextBlock', text: 'x', weight: 'Heaviest' }] }, /weight/],
    ['a misspelt property', { ...base, body: [{ type: 'TextBlock', text: 'x', wrapp: true }] }, /wrapp/],
    ['an element newer than 1.5', { ...base, body: [{ type: 'TextBlock', text: 'x' }], actions: [{ type: 'Action.Execute', title: 'Go' }] }, /Action.Execute/],
    ['a javascript: link', { ...base, actions: [{ type: 'Action.OpenUrl', title: 'Go', url: 'javascript:alert(1)' }] }, /url/],
    ['another version', { ...base, version: '1.6' }, /version/],
    ['no speak text', { ...base, speak: undefined }, /speak/],
    ['an image without alt text', { ...base, body: [{ type: 'Image', url: 'https://example.org/a.png' }] }, /altText/],
  ];
  for (const [name, card, problem] of bad) {
    it(`rejects ${name}`, () => expect(adaptiveCardProblems(JSON.parse(JSON.stringify(card))).join('\n')).to.match(problem));
  }
  it('accepts a plain 1.5 card', () => expect(adaptiveCardProblems(base)).to.deep.equal([]));
});
