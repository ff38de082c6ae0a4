// The event's lifecycle from its file and the clock: registration opens and closes (a deadline in the file, else
// the event's end), the event is upcoming, running or over, and one registration route.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { EventFileError, loadEventFile, parseEvent } from '../../src/event/load.ts';
import { botRegistersNow, joinDetailsOffered, lifecycleAt } from '../../src/event/lifecycle.ts';

const CLINIC = 'events/dfs-security-clinic-2022.json';
const SAMPLE = 'events/sample-cloud-resilience-forum.json';
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const withRegistration = (file: string, registration: Record<string, unknown>) => {
  const e = json(file);
  e.registration = { ...e.registration, ...registration };
  return parseEvent(JSON.stringify(e), 'edited.json');
};
const problemsOf = (file: string, registration: Record<string, unknown>): string[] => {
  try {
    withRegistration(file, registration);
  } catch (err) {
    expect(err).to.be.instanceOf(EventFileError);
    return (err as EventFileError).problems;
  }
  throw new Error('the event was accepted');
};

describe('event lifecycle', () => {
  const clinic = loadEventFile(CLINIC);

  it('the clinic (no deadline in the circular): registration through the bot, open until the event ends', () => {
    expect(clinic.registration).to.not.have.property('closes');
    const before = lifecycleAt(clinic, Date.parse('2022-03-23T08:00:00Z'));
    expect(before).to.include({ phase: 'upcoming', registration: 'open', deadlineGiven: false });
    expect(before.route).to.deep.equal({ via: 'bot' });
    expect(before.closesAt.toUTC().toISO()).to.equal('2022-03-31T10:00:00.000Z'); // 13:00 EAT on day 2
    expect(botRegistersNow(before) && joinDetailsOffered(before)).to.equal(true);

    const during = lifecycleAt(clinic, Date.parse('2022-03-31T09:59:00Z'));
    expect(during).to.include({ phase: 'running', registration: 'open' });

    const after = lifecycleAt(clinic, Date.parse('2022-03-31T10:00:00Z'));
    expect(after).to.include({ phase: 'ended', registration: 'closed' });
    expect(botRegistersNow(after)).to.equal(false);
    expect(joinDetailsOffered(after)).to.equal(false);
  });

  it('a deadline in the file closes registration at the end of that day in the event zone, before the event', () => {
    const e = withRegistration(SAMPLE, { closes: '2027-03-26' });
    const open = lifecycleAt(e, Date.parse('2027-03-26T12:00:00Z')); // 23:00 in Sydney
    expect(open).to.include({ phase: 'upcoming', registration: 'open', deadlineGiven: true });
    const closed = lifecycleAt(e, Date.parse('2027-03-26T13:00:00Z')); // 00:00 on the 27th in Sydney
    expect(closed).to.include({ phase: 'upcoming', registration: 'closed' });
    expect(botRegistersNow(closed)).to.equal(false);
    expect(joinDetailsOffered(closed), 'registered attendees still get the joining details').to.equal(true);
  });

  it('a local date-time deadline and an opening date', () => {
    const e = withRegistration(SAMPLE, { opens: '2027-03-01', closes: '2027-03-20T17:00' });
    expect(lifecycleAt(e, Date.parse('2027-02-28T12:00:00Z')).registration).to.equal('not-yet'); // 23:00 on the 28th in Sydney
    expect(lifecycleAt(e, Date.parse('2027-02-28T13:00:00Z')).registration).to.equal('open');
    expect(lifecycleAt(e, Date.parse('2027-03-20T05:59:00Z')).registration).to.equal('open'); // 16:59 AEDT
    expect(lifecycleAt(e, Date.parse('2027-03-20T06:00:00Z')).registration).to.equal('closed');
  });

  it('the sample as it is: its announced deadline ("Registration closes on 26 March 2027.") is read from its words', () => {
    const e = loadEventFile(SAMPLE);
    expect(lifecycleAt(e, Date.parse('2027-03-20T00:00:00Z'))).to.include({ registration: 'open', deadlineGiven: true });
    expect(lifecycleAt(e, Date.parse('2027-03-28T00:00:00Z'))).to.include({ registration: 'closed', phase: 'upcoming' });
  });

  it('an external registration page is the route only where the file names it', () => {
    const e = withRegistration(SAMPLE, { via: 'page' });
    const lc = lifecycleAt(e, Date.parse('2027-03-01T00:00:00Z'));
    expect(lc.route).to.deep.equal({ via: 'page', url: 'https://events.example.org/cloud-resilience-forum/register' });
    expect(botRegistersNow(lc), 'the bot does not register for an event that registers on its own page').to.equal(false);
  });

  it('refuses a registration window that cannot be', () => {
    expect(problemsOf(SAMPLE, { via: 'page', url: undefined }).join('\n')).to.match(/registration\.url.*required when registration is via 'page'/);
    expect(problemsOf(SAMPLE, { closes: '2027-04-10' }).join('\n')).to.match(/registration\.closes.*must not be after the event ends/);
    expect(problemsOf(SAMPLE, { opens: '2027-03-20', closes: '2027-03-10' }).join('\n')).to.match(/registration\.closes.*must be after registration opens/);
    expect(problemsOf(SAMPLE, { closes: '26 March 2027' }).join('\n')).to.match(/registration\.closes.*YYYY-MM-DD/);
    expect(problemsOf(SAMPLE, { via: 'email' }).join('\n')).to.match(/registration\.via/);
  });
});
