// Due times from the event data: instants in UTC computed in the event's zone, DST-correct; who follows what.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Agenda } from '../../src/event/agenda.ts';
import { parseEvent } from '../../src/event/load.ts';
import { reminderReply, timeRange } from '../../src/proactive/messages.ts';
import { followedSessions, nextDueAfter, occurrences, openAt } from '../../src/proactive/schedule.ts';
import { applySubscriptionChange } from '../../src/proactive/subscriptions.ts';
import type { Registration } from '../../src/registration/registration.ts';
import { agendaOf, DFS, SAMPLE } from './support.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The sample event moved to London on the night the clocks go forward (28 March 2027, 01:00 GMT -> 02:00 BST). */
function londonDstAgenda() {
  const e = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  e.timeZone = 'Europe/London';
  e.timeZoneLabel = 'UK time';
  e.days = [{ day: 1, date: '2027-03-28', start: '00:30', end: '04:00' }];
  e.programme = [
    { id: 'night-owl', day: 1, start: '00:30', end: '00:55', title: 'Night owl talk', kind: 'talk' },
    { id: 'after-jump', day: 1, start: '02:10', end: '03:00', title: 'After the jump', kind: 'talk', speakers: [{ speakerId: 'mei-lin-okafor' }] },
  ];
  return new Agenda(parseEvent(JSON.stringify(e)));
}

const reg = (over: Partial<Registration>): Registration => ({
  reference: 'ABCD-EFGH', fullName: 'A', email: 'a@example.org', organisation: 'X', country: { code: 'KE', name: 'Kenya' }, category: 'Other',
  reminders: 'all', followedSessionIds: [], identities: ['webchat:u'], consentAt: '', createdAt: '', updatedAt: '', ...over,
});

describe('reminder schedule', () => {
  it('puts each reminder the lead time before its session, in UTC from the event zone (Nairobi, UTC+3), breaks excluded', () => {
    const all = occurrences(agendaOf(DFS), { leadMinutes: 15, digestLeadMinutes: 0 });
    const ss7 = all.find((o) => o.sessionId === 'd1-infrastructure-vulnerabilities')!;
    expect(iso(ss7.dueAt)).to.equal('2022-03-30T07:05:00.000Z');
    expect(iso(ss7.closesAt)).to.equal('2022-03-30T07:20:00.000Z');
    expect(all.some((o) => o.sessionId?.includes('coffee'))).to.equal(false);
    expect(all.filter((o) => o.kind === 'reminder')).to.have.length(6);
  });

  it('handles the end of daylight saving in the event zone (Sydney, April 2027)', () => {
    const all = occurrences(agendaOf(SAMPLE), { leadMinutes: 15, digestLeadMinutes: 0 });
    // 2 April: AEDT (UTC+11); 4 April 14:00 is after clocks went back at 03:00: AEST (UTC+10).
    expect(iso(all.find((o) => o.sessionId === 'welcome')!.dueAt)).to.equal('2027-04-01T21:45:00.000Z');
    expect(iso(all.find((o) => o.sessionId === 'open-floor')!.dueAt)).to.equal('2027-04-04T03:45:00.000Z');
  });

  it('counts the lead in real minutes across the spring-forward gap (London)', () => {
    const agenda = londonDstAgenda();
    const all = occurrences(agenda, { leadMinutes: 30, digestLeadMinutes: 0 });
    // 02:10 BST = 01:10Z; 30 minutes earlier is 00:40Z (00:40 GMT on the wall clock, not the non-existent 01:40).
    expect(iso(all.find((o) => o.sessionId === 'after-jump')!.dueAt)).to.equal('2027-03-28T00:40:00.000Z');
    expect(iso(all.find((o) => o.sessionId === 'night-owl')!.dueAt)).to.equal('2027-03-28T00:00:00.000Z');
  });

  it('shows the time in the event zone and the attendee zone, with the date when it differs', () => {
    const agenda = londonDstAgenda();
    const s = agenda.session('after-jump')!;
    expect(timeRange(s, agenda, 'America/New_York')).to.equal('02:10–03:00 UK time (Sat 27 Mar 21:10–22:00 your time, America/New_York)');
    expect(timeRange(s, agenda, 'Europe/London')).to.equal('02:10–03:00 UK time');
    expect(timeRange(s, agenda, 'Not/AZone')).to.equal('02:10–03:00 UK time');
    const reply = reminderReply(s, agenda, { now: Date.parse('2027-03-28T00:40:00Z'), userZone: 'Asia/Kolkata' });
    expect(reply.text).to.contain('Starting in 30 minutes: **After the jump**');
    expect(reply.text).to.contain('06:40–07:30 your time, Asia/Kolkata');
    expect(reply.text).to.contain('Mei-Lin Okafor');
    expect(reply.text).to.contain('Join: https://meet.example.org/crf-2027');
  });

  it('falls back to the event page when there is no join link', () => {
    const agenda = agendaOf(DFS);
    const reply = reminderReply(agenda.session('d2-audit-guideline')!, agenda, { now: 0 });
    expect(reply.text).to.contain(`Joining details: ${agenda.event.eventPage}`);
    expect(reminderReply(agenda.session('d2-audit-guideline')!, agenda, { now: 0, joinUrl: 'https://join.example.org/x' }).text).to.contain('Join: https://join.example.org/x');
  });

  it('opens an occurrence from its due time until its session starts, and finds the next due time', () => {
    const all = occurrences(agendaOf(DFS), { leadMinutes: 15, digestLeadMinutes: 60 });
    const at = (s: string) => openAt(all, Date.parse(s)).map((o) => o.id.split(':').slice(0, 2).join(':'));
    expect(at('2022-03-30T06:00:00Z')).to.deep.equal(['digest:1']);
    expect(at('2022-03-30T06:50:00Z')).to.deep.equal(['digest:1', 'reminder:d1-opening']);
    expect(at('2022-03-30T07:00:00Z')).to.deep.equal([]);
    expect(at('2022-03-30T07:10:00Z')).to.deep.equal(['reminder:d1-infrastructure-vulnerabilities']);
    expect(iso(nextDueAfter(all, Date.parse('2022-03-30T07:10:00Z'))!)).to.equal('2022-03-30T08:45:00.000Z');
  });

  it('follows all non-break sessions, chosen ones, or none', () => {
    const agenda = agendaOf(DFS);
    expect(followedSessions(reg({ reminders: 'all' }), agenda)).to.have.length(6);
    expect(followedSessions(reg({ reminders: 'none', followedSessionIds: ['d2-audit-guideline'] }), agenda)).to.have.length(0);
    expect(followedSessions(reg({ reminders: 'choose', followedSessionIds: ['d2-audit-guideline', 'd1-coffee-break'] }), agenda).map((s) => s.id)).to.deep.equal(['d2-audit-guideline']);
  });
});

describe('subscription changes', () => {
  const agenda = agendaOf(DFS);
  const ctx = { now: Date.parse('2022-03-29T00:00:00Z'), leadMinutes: 15 };

  it('"remind me about the SS7 session" adds it to the chosen ones', () => {
    const r = applySubscriptionChange(reg({ reminders: 'none' }), { action: 'follow', sessionIds: ['d1-infrastructure-vulnerabilities'] }, agenda, ctx);
    expect(r.patch).to.deep.equal({ reminders: 'choose', followedSessionIds: ['d1-infrastructure-vulnerabilities'] });
    expect(r.reply.text).to.contain('15 minutes before').and.to.contain('10:20–11:50 EAT');
  });

  it('"remind me about day 2" adds the day\'s sessions, not its break', () => {
    const r = applySubscriptionChange(reg({ reminders: 'choose', followedSessionIds: ['d1-opening'] }), { action: 'follow', day: 2 }, agenda, ctx);
    expect(r.patch!.followedSessionIds).to.deep.equal(['d1-opening', 'd2-assurance-framework', 'd2-audit-guideline', 'd2-interactive-session']);
  });

  it('"stop reminders" turns them all off; stopping one session of "all" keeps the rest', () => {
    expect(applySubscriptionChange(reg({ reminders: 'all' }), { action: 'unfollow' }, agenda, ctx).patch).to.deep.equal({ reminders: 'none', followedSessionIds: [] });
    const one = applySubscriptionChange(reg({ reminders: 'all' }), { action: 'unfollow', sessionIds: ['d1-opening'] }, agenda, ctx);
    expect(one.patch!.reminders).to.equal('choose');
    expect(one.patch!.followedSessionIds).to.have.length(5).and.not.include('d1-opening');
  });

  it('sets no reminder for a session that has started, and says it is on now', () => {
    const during = { ...ctx, now: Date.parse('2022-03-30T07:30:00Z') }; // 10:30 EAT, in the SS7 session
    const r = applySubscriptionChange(reg({ reminders: 'none' }), { action: 'follow', sessionIds: ['d1-infrastructure-vulnerabilities'] }, agenda, during);
    expect(r.patch).to.equal(undefined);
    expect(r.reply.text).to.contain('already started').and.contain('on now');
    const day = applySubscriptionChange(reg({ reminders: 'none' }), { action: 'follow', day: 1 }, agenda, during);
    expect(day.patch!.followedSessionIds).to.deep.equal(['d1-ussd-stk-android']);
  });

  it('explains a break, an unknown day and a no-op without changing anything', () => {
    expect(applySubscriptionChange(reg({}), { action: 'follow', sessionIds: ['d1-coffee-break'] }, agenda, ctx).patch).to.equal(undefined);
    expect(applySubscriptionChange(reg({}), { action: 'follow', day: 9 }, agenda, ctx).reply.text).to.contain("couldn't find day 9");
    expect(applySubscriptionChange(reg({ reminders: 'none' }), { action: 'unfollow' }, agenda, ctx).patch).to.equal(undefined);
  });
});
