// One live event everywhere: an organiser edits the event file of a running bot, and without a restart the
// chat, the event page, the calendar files and the reminders all give the new time; an invalid edit changes
// nothing, and /healthz says which version is live and that the edit was refused. (How fast is a benchmark's
// question, not this test's: the bound below only says "caught up, not stuck", with room for a loaded machine.)
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const CLINIC = resolve('events/dfs-security-clinic-2022.json');
const INTERACTIVE = 'd2-interactive-session';

/** Polls `probe` until it holds or `ms` pass; returns whether it held. */
const CAUGHT_UP_BOUND_MS = 10_000;

async function within(ms: number, probe: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('one live event: the event file edited while the bot runs', function () {
  this.timeout(40_000);
  let bot: BotUnderTest;
  let file: string;
  let original: string;
  const health = async () => (await (await fetch(`${bot.url}/healthz`)).json()) as { event: { version: string; rejected?: { problems: string[] } } };

  before(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'live-event-')), 'event.json');
    original = readFileSync(CLINIC, 'utf8');
    writeFileSync(file, original);
    bot = await startBot({ EVENT_FILE: file }, { clock: new ManualClock('2022-03-01T08:00:00Z') });
  });
  after(async () => bot.stop());

  it('moves a session by 30 minutes in the chat, the page, the calendar file and the reminder schedule at once', async () => {
    const ask = () => bot.ask('when is the interactive session on implementing the recommendations?', { conversationId: `live-${Date.now()}` });
    expect(await ask()).to.match(/12:00/);
    const before = (await health()).event.version;

    // The interactive session (day 2, 12:00–13:00 EAT) moves to 12:30–13:30, and day 2 ends later to fit it.
    const moved = JSON.parse(original);
    Object.assign(moved.programme.find((p: { id: string }) => p.id === INTERACTIVE), { start: '12:30', end: '13:30' });
    moved.days.find((d: { day: number }) => d.day === 2).end = '13:30';
    writeFileSync(file, JSON.stringify(moved, null, 2));

    const started = Date.now();
    const caughtUp = await within(CAUGHT_UP_BOUND_MS, async () => {
      const [chat, page, ics] = await Promise.all([ask(), fetch(`${bot.url}/`).then((r) => r.text()), fetch(`${bot.url}/calendar/all.ics`).then((r) => r.text())]);
      const reminder = bot.app.reminders.service.occurrences.find((o) => o.sessionId === INTERACTIVE && o.kind === 'reminder');
      return (
        /12:30/.test(chat) &&
        page.includes('<time datetime="2022-03-31T09:30:00Z">12:30</time>') &&
        ics.includes('DTSTART:20220331T093000Z') &&
        reminder?.dueAt === Date.parse('2022-03-31T09:30:00Z') - 15 * 60_000
      );
    });
    expect(caughtUp, `chat, page, calendar and reminders caught up after ${Date.now() - started} ms`).to.equal(true);
    const after = await health();
    expect(after.event.version).to.not.equal(before);
    expect(after.event.rejected).to.equal(undefined);
  });

  it('keeps the live version when an edit is invalid, and /healthz reports the refused edit', async () => {
    const live = (await health()).event.version;
    writeFileSync(file, '{ "title": "half-saved');
    const reported = await within(CAUGHT_UP_BOUND_MS, async () => Boolean((await health()).event.rejected));
    expect(reported).to.equal(true);
    const status = await health();
    expect(status.event.version).to.equal(live);
    expect(status.event.rejected!.problems.join(' ')).to.match(/JSON/);
    expect(await bot.ask('when is the interactive session on implementing the recommendations?', { conversationId: 'live-after-bad-edit' })).to.match(/12:30/);
    expect(await (await fetch(`${bot.url}/`)).text()).to.contain('12:30');
  });
});
