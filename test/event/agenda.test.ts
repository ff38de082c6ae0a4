import { expect } from 'chai';
import { DateTime } from 'luxon';
import { Agenda } from '../../src/event/agenda.ts';
import { loadEventFile } from '../../src/event/load.ts';

describe('agenda (luxon instants from local times)', () => {
  const clinic = new Agenda(loadEventFile('events/dfs-security-clinic-2022.json'));
  const sample = new Agenda(loadEventFile('events/sample-cloud-resilience-forum.json'));

  it('places EAT session times at the right UTC instants', () => {
    const ss7 = clinic.session('d1-infrastructure-vulnerabilities')!;
    expect(ss7.startsAt.toUTC().toISO()).to.equal('2022-03-30T07:20:00.000Z');
    expect(ss7.durationMinutes).to.equal(90);
  });

  it('converts to a European zone after the summer-time change of 27 March 2022', () => {
    const opening = clinic.session('d1-opening')!;
    expect(opening.startsAt.setZone('Europe/Paris').toFormat('HH:mm')).to.equal('09:00');
    expect(opening.startsAt.setZone('Europe/London').toFormat('HH:mm')).to.equal('08:00');
  });

  it('knows what is on at an instant and what comes next', () => {
    const at = DateTime.fromISO('2022-03-31T10:30', { zone: 'Africa/Nairobi' });
    expect(clinic.sessionsAt(at).map((s) => s.id)).to.deep.equal(['d2-assurance-framework']);
    expect(clinic.nextSessionAfter(at)?.id).to.equal('d2-audit-guideline');
    expect(clinic.nextSessionAfter(at, true)?.id).to.equal('d2-coffee-break');
  });

  it('handles a zone whose offset changes during the event (Sydney, April 2027)', () => {
    const d1 = sample.day(1)!.startsAt.toUTC().toISO();
    const d3 = sample.day(3)!.startsAt.toUTC().toISO();
    expect(d1).to.equal('2027-04-01T22:00:00.000Z'); // AEDT, UTC+11
    expect(d3).to.equal('2027-04-04T04:00:00.000Z'); // AEST, UTC+10 after DST ends
  });

  it('links speakers, sessions and reports both ways', () => {
    expect(clinic.sessionsOfSpeaker('vijay-mauree').map((s) => s.id)).to.deep.equal(['d1-ussd-stk-android', 'd2-assurance-framework']);
    expect(clinic.sessionsWithReport('dfs-security-audit-guideline').map((s) => s.id)).to.deep.equal(['d2-audit-guideline']);
    expect(clinic.speakersOf(clinic.session('d1-infrastructure-vulnerabilities')!).map((s) => s.talkTitle)).to.include('SS7 Security: What regulators need to do?');
  });
});
