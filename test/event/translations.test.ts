// An event file's own translations: checked against the event when loaded, and laid over its text per language.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { EventFileError, loadEventFile, parseEvent } from '../../src/event/load.ts';
import { localiseEvent } from '../../src/event/translations.ts';

const CLINIC = 'events/dfs-security-clinic-2022.json';
const raw = () => JSON.parse(readFileSync(CLINIC, 'utf8'));

describe('event translations', () => {
  const event = loadEventFile(CLINIC);
  const fr = localiseEvent(event, 'fr');

  it('gives the event in French where the file translates it, and as published where it does not', () => {
    expect(fr.title).to.equal('Clinique sur la sécurité des SFN');
    expect(fr.programme.find((p) => p.id === 'd1-coffee-break')!.title).to.equal('Pause café');
    expect(fr.audience.groups).to.have.length(event.audience.groups.length);
    // Names, times, links and published titles never change.
    expect(fr.speakers.map((s) => s.name)).to.deep.equal(event.speakers.map((s) => s.name));
    expect(fr.programme.map((p) => [p.start, p.end, p.speakers])).to.deep.equal(event.programme.map((p) => [p.start, p.end, p.speakers]));
    expect(fr.reports).to.deep.equal(event.reports);
    expect(fr.eventPage).to.equal(event.eventPage);
  });

  it('adds the translation\'s keywords and aliases to the event\'s own, so either language finds a session', () => {
    const ussd = fr.programme.find((p) => p.id === 'd1-ussd-stk-android')!;
    expect(ussd.keywords).to.include('USSD').and.include('homme du milieu');
    expect(fr.topics.find((t) => t.id === 'dfs-security-lab')!.aliases).to.include('security lab').and.include('laboratoire de sécurité');
  });

  it('leaves the event as it is in a language it has no translation for', () => {
    expect(localiseEvent(event, 'en')).to.equal(event);
    expect(localiseEvent(event, 'sw')).to.equal(event);
  });

  const broken: [string, (e: any) => void, RegExp][] = [
    ['an unknown session', (e) => (e.translations.fr.programme['no-such-session'] = { title: 'x' }), /translations\.fr\.programme\.no-such-session: "no-such-session" is not one of the event's programme/],
    ['audience groups of another length', (e) => e.translations.fr.audience.groups.pop(), /translations\.fr\.audience\.groups: has 3 entries; the event has 4/],
    ['a field translations may not change', (e) => (e.translations.fr.eventPage = 'https://example.org'), /translations\.fr: Unrecognized key/],
    ['a language tag that is not one', (e) => (e.translations.French = e.translations.fr), /translations\.French: must be a language tag/],
  ];
  for (const [what, spoil, problem] of broken)
    it(`refuses a file whose translation has ${what}, naming where`, () => {
      const e = raw();
      spoil(e);
      expect(() => parseEvent(JSON.stringify(e))).to.throw(EventFileError).with.property('message').that.matches(problem);
    });
});
