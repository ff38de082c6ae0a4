// Asks question files (the dev-set format) through the bot's real door: POST /api/messages with a mock
// channel, one conversation per case, as the held-out judge does. Unlike the shared qa-eval tool it honours
// each case's `now` (the bot's clock), `event` and `tz`, so blind batches with clock questions and the
// sample event run as written. This is how a blind batch's first-run score is taken.
//
//   node --import tsx test/eval/http-eval.ts FILE [FILE …]      VERBOSE=1 lists what failed
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';
import { checkReply, DEFAULT_NOW, EVENTS, type EvalCase } from './harness.ts';

type Outcome = ReturnType<typeof checkReply>;

async function runCase(bot: BotUnderTest, clock: ManualClock, c: EvalCase, n: number): Promise<Outcome> {
  clock.set(c.now ?? DEFAULT_NOW);
  const conversationId = `eval-${n}-${c.id}`;
  let replies: Record<string, any>[] = [];
  for (const text of c.turns) {
    replies = await bot.say(text, { conversationId, userId: `eval-user-${n}`, localTimezone: c.tz });
  }
  return checkReply(c, replies.map(visibleText).join('\n'));
}

async function runFile(file: string) {
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: EvalCase[] };
  const byEvent = new Map<string, EvalCase[]>();
  for (const c of cases) byEvent.set(c.event ?? 'dfs', [...(byEvent.get(c.event ?? 'dfs') ?? []), c]);
  const outcomes: Outcome[] = [];
  let n = 0;
  for (const [event, group] of byEvent) {
    const clock = new ManualClock(DEFAULT_NOW);
    const bot = await startBot({ EVENT_FILE: EVENTS[event] ?? event, MESSAGES_PER_MINUTE_PER_CLIENT: '1000000' }, { clock });
    try {
      for (const c of group) outcomes.push(await runCase(bot, clock, c, n++));
    } finally {
      await bot.stop();
    }
  }
  return outcomes;
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node --import tsx test/eval/http-eval.ts FILE [FILE …]');
  process.exit(2);
}
let pass = 0;
let total = 0;
for (const file of files) {
  const outcomes = await runFile(file);
  const ok = outcomes.filter((o) => o.pass).length;
  pass += ok;
  total += outcomes.length;
  const kinds = new Map<string, [number, number]>();
  for (const o of outcomes) {
    const k = kinds.get(o.kind ?? '-') ?? [0, 0];
    kinds.set(o.kind ?? '-', [k[0] + (o.pass ? 1 : 0), k[1] + 1]);
  }
  if (process.env.VERBOSE) for (const o of outcomes.filter((x) => !x.pass)) console.log(JSON.stringify(o));
  console.log(`${basename(file)}: ${ok}/${outcomes.length} = ${((100 * ok) / outcomes.length).toFixed(1)}%`);
  console.log('  by kind: ' + [...kinds].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', '));
}
if (files.length > 1) console.log(`all: ${pass}/${total} = ${((100 * pass) / total).toFixed(1)}%`);
