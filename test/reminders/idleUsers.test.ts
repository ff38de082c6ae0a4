// Conversation references and user state rows expire (issue 19): a chat user who never registered is forgotten
// USER_RETENTION_DAYS after their last turn; a registered attendee never is, however long they stay quiet.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const DAY = 24 * 60 * 60_000;

describe('idle chat users are forgotten, registered attendees are not', () => {
  let bot: BotUnderTest;
  const clock = new ManualClock('2022-03-01T08:00:00Z');
  before(async () => (bot = await startBot({ USER_RETENTION_DAYS: '30' }, { clock })));
  after(async () => bot.stop());

  const reference = (identity: string) => bot.app.reminders.references.get(identity);
  const userState = (userId: string) => bot.app.store.get(`state:webchat/users/${userId}/`);

  it('deletes the reference and user state of an unregistered user idle past the retention, keeps the rest', async () => {
    await bot.ask("hello, I'm in Lagos", { userId: 'drifter', conversationId: 'c-drifter' });
    await bot.ask("hi, I'm in Nairobi", { userId: 'attendee', conversationId: 'c-attendee' });
    await bot.ask('hello', { userId: 'regular', conversationId: 'c-regular' });
    await bot.app.registrations.save(
      { fullName: 'Ada Lovelace', email: 'ada@example.org', organisation: 'Engines', country: { code: 'KE', name: 'Kenya' }, category: 'Other', reminders: 'all', followedSessionIds: [], consentAt: clock.now().toISOString() },
      'webchat:attendee',
    );
    for (const id of ['drifter', 'attendee', 'regular']) {
      expect(await reference(`webchat:${id}`), id).to.not.equal(undefined);
      expect(await userState(id), id).to.not.equal(undefined);
    }

    // Day 20: the regular user writes again; day 31: nobody else has.
    clock.advance(20 * DAY);
    await bot.ask('what is on day 1?', { userId: 'regular', conversationId: 'c-regular' });
    clock.advance(11 * DAY);
    expect(await bot.app.idleUsers.sweep()).to.equal(1);

    expect(await reference('webchat:drifter')).to.equal(undefined);
    expect(await userState('drifter')).to.equal(undefined);
    expect(await reference('webchat:attendee')).to.not.equal(undefined);
    expect(await userState('attendee')).to.not.equal(undefined);
    expect(await reference('webchat:regular')).to.not.equal(undefined);

    // A year on, the registered attendee is still reachable; the regular user is not kept any more.
    clock.advance(365 * DAY);
    expect(await bot.app.idleUsers.sweep()).to.equal(1);
    expect(await reference('webchat:attendee')).to.not.equal(undefined);
    expect(await reference('webchat:regular')).to.equal(undefined);
  });

  it('a forgotten user who writes again is simply a new user', async () => {
    expect(await bot.ask('hello', { userId: 'drifter', conversationId: 'c-drifter-2' })).to.be.a('string').and.not.equal('');
    expect(await reference('webchat:drifter')).to.not.equal(undefined);
  });
});
