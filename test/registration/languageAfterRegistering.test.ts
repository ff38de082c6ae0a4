// "in English please" / "en français svp" said after registering changes the language the attendee's reminders go out
// in, through POST /api/messages: the registration's stored language (what the reminder sender reads) follows the
// request, the next reminder arrives in that language, and the registrations export shows it.
import { expect } from 'chai';
import { ManualClock } from '../../src/clock.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { seedAttendee } from '../reminders/support.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';
import { visibleText } from '../support/mockConnector.ts';

const TOKEN = 'test-admin-token-0123456789';
const SS7_DUE = Date.parse('2022-03-30T07:05:00Z'); // 15 min before the SS7 session (10:20 EAT)

describe('the language asked for after registering is the reminders’ language (HTTP)', () => {
  let bot: BotUnderTest;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(new Date(SS7_DUE - 60_000));
    bot = await startBot({ ADMIN_TOKEN: TOKEN, REMINDER_LEAD_MINUTES: '15' }, { clock });
  });
  after(() => bot.stop());

  it('a French registrant who says "in English please" gets the next reminder in English; an English one who says "en français svp", in French', async () => {
    await seedAttendee(bot.app.store, 'to-en', { serviceUrl: bot.connector.url, language: 'fr' });
    await seedAttendee(bot.app.store, 'to-fr', { serviceUrl: bot.connector.url, language: 'en' });
    const regs = new RegistrationStore(bot.app.store);

    expect(await bot.ask('in English please', { userId: 'user-to-en', conversationId: 'conv-to-en' })).to.match(/English/);
    expect(await bot.ask('en français svp', { userId: 'user-to-fr', conversationId: 'conv-to-fr' })).to.match(/français/);
    expect((await regs.byIdentity('webchat:user-to-en'))?.language).to.equal('en');
    expect((await regs.byIdentity('webchat:user-to-fr'))?.language).to.equal('fr');

    // the organisers' export says which language each attendee is written to in
    const res = await fetch(`${bot.url}/api/admin/registrations?format=csv`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const [header, ...rows] = (await res.text()).trim().split(/\r?\n/).map((l) => l.split(','));
    const col = header.indexOf('language');
    expect(col).to.be.greaterThan(-1);
    const byEmail = Object.fromEntries(rows.map((r) => [r[header.indexOf('email')], r[col]]));
    expect(byEmail).to.deep.equal({ 'attendee-to-en@example.org': 'en', 'attendee-to-fr@example.org': 'fr' });

    const before = { en: bot.connector.to('conv-to-en').length, fr: bot.connector.to('conv-to-fr').length };
    clock.set(new Date(SS7_DUE)); // the scheduler wakes on its own (<= 5 s)
    await bot.connector.waitFor(() => bot.connector.to('conv-to-en').length > before.en && bot.connector.to('conv-to-fr').length > before.fr, 8000);
    await bot.app.reminders.service.settle();
    const toEn = bot.connector.to('conv-to-en').slice(before.en).map(visibleText);
    const toFr = bot.connector.to('conv-to-fr').slice(before.fr).map(visibleText);
    expect(toEn).to.have.length(1);
    expect(toFr).to.have.length(1);
    expect(toEn[0]).to.match(/Starting in 15 minutes|in 15 minutes/i).and.contain('Day 1').and.not.match(/Dans 15 minutes|Jour 1/);
    expect(toFr[0]).to.contain('Dans 15 minutes').and.contain('Jour 1').and.not.match(/Day 1|Speakers/);
  });
});
