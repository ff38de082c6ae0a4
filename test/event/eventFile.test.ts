import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { loadEventFile, parseEvent, EventFileError } from '../../src/event/load.ts';

const CLINIC = 'events/dfs-security-clinic-2022.json';
const SAMPLE = 'events/sample-cloud-resilience-forum.json';
const clinicJson = () => JSON.parse(readFileSync(CLINIC, 'utf8'));

function problemsOf(mutate: (e: any) => void): string[] {
  const e = clinicJson();
  mutate(e);
  try {
    parseEvent(JSON.stringify(e), 'broken.json');
  } catch (err) {
    expect(err).to.be.instanceOf(EventFileError);
    expect((err as Error).message).to.include('broken.json');
    return (err as EventFileError).problems;
  }
  throw new Error('the broken event was accepted');
}

describe('event files', () => {
  it('loads the DFS Security Clinic as transcribed from the circular', () => {
    const e = loadEventFile(CLINIC);
    expect(e.title).to.equal('DFS Security Clinic');
    expect(e.subtitle).to.equal('Addressing security risks to digital finance ecosystem');
    expect(e.timeZone).to.equal('Africa/Nairobi');
    expect(e.days.map((d) => [d.date, d.start, d.end])).to.deep.equal([
      ['2022-03-30', '10:00', '13:00'],
      ['2022-03-31', '10:00', '13:00'],
    ]);
    expect(e.organisers.map((o) => o.shortName)).to.deep.equal(['ITU', 'EACO']);
    expect(e.contact).to.deep.include({ name: 'Vijay Mauree', email: 'tsbevents@itu.int', phone: '+41 22 730 5591', fax: '+41 22 730 5853' });
    expect(e.registration.mandatory).to.equal(true);
    expect(e.programme).to.have.length(8);
    expect(e.speakers).to.have.length(7);
    expect(e.reports).to.have.length(5);
    expect(e.topics.find((t) => t.id === 'dfs-security-lab')?.established).to.equal('November 2020');
    expect(e.topics.find((t) => t.id === 'dfs-security-lab')?.objectives).to.have.length(6);
  });

  it('loads the invented sample event (another zone, three days)', () => {
    const e = loadEventFile(SAMPLE);
    expect(e.sample).to.equal(true);
    expect(e.timeZone).to.equal('Australia/Sydney');
    expect(e.days).to.have.length(3);
  });

  const broken: [string, (e: any) => void, RegExp][] = [
    ['a missing title', (e) => delete e.title, /^title: Required/],
    ['an unknown time zone', (e) => (e.timeZone = 'Mars/Olympus'), /^timeZone: is not an IANA time zone/],
    ['a session time that is not HH:mm', (e) => (e.programme[1].start = '10.20'), /^programme\[1\]\.start: must be a local time/],
    ['a session that ends before it starts', (e) => (e.programme[0].end = '09:00'), /^programme\[0\]\.end: must end after it starts/],
    ['a session outside its day', (e) => (e.programme[3].end = '13:30'), /^programme\[3\]\.start: .*outside day 1/],
    ['a session on a day the event does not have', (e) => (e.programme[0].day = 5), /^programme\[0\]\.day: day 5 is not one of the event's days/],
    ['a speaker id nobody declared', (e) => (e.programme[1].speakers[0].speakerId = 'nobody'), /^programme\[1\]\.speakers\[0\]\.speakerId: unknown speaker "nobody"/],
    ['a report id nobody declared', (e) => (e.programme[1].reports = ['ghost']), /^programme\[1\]\.reports\[0\]: unknown report "ghost"/],
    ['a duplicate session id', (e) => (e.programme[2].id = e.programme[1].id), /^programme\[2\]\.id: duplicate/],
    ['an impossible date', (e) => (e.days[0].date = '2022-02-30'), /^days\[0\]\.date: is not a real calendar date/],
    ['a report link that is not a URL', (e) => (e.reports[0].url = 'see the website'), /^reports\[0\]\.url: must be an absolute URL/],
    ['an invalid contact e-mail', (e) => (e.contact.email = 'tsbevents'), /^contact\.email: must be an e-mail address/],
    ['an unknown session kind', (e) => (e.programme[0].kind = 'party'), /^programme\[0\]\.kind: Invalid enum value/],
    ['no programme', (e) => (e.programme = []), /^programme: needs at least one programme item/],
  ];
  for (const [what, mutate, expected] of broken) {
    it(`refuses ${what}, naming the field`, () => {
      const problems = problemsOf(mutate);
      expect(problems.some((p) => expected.test(p)), problems.join('\n')).to.equal(true);
    });
  }

  it('refuses a file that is not JSON, naming the file', () => {
    expect(() => parseEvent('{ "title": ', 'bad.json')).to.throw(EventFileError, /bad\.json[\s\S]*not valid JSON/);
  });

  it('refuses a file that does not exist', () => {
    expect(() => loadEventFile('events/nope.json')).to.throw(EventFileError, /nope\.json[\s\S]*cannot be read: ENOENT/);
  });
});
