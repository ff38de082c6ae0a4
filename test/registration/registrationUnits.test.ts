// The pure pieces of registration: country resolution, choice matching, yes/no, field checks, markdown
// escaping, change requests.
import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { parseChangeRequest } from '../../src/registration/changeRequest.ts';
import { resolveCountry } from '../../src/registration/country.ts';
import { categoryChoices, checkEmail, checkName, checkOrganisation, reminderChoices } from '../../src/registration/fields.ts';
import { escapeMarkdown } from '../../src/registration/markdown.ts';
import { matchChoice, yesNo } from '../../src/registration/match.ts';

describe('registration: country resolution', () => {
  const exact = (text: string, code: string) => it(`"${text}" is ${code}`, () => {
    const m = resolveCountry(text);
    expect(m.kind, JSON.stringify(m)).to.equal('exact');
    if (m.kind === 'exact') expect(m.country.code).to.equal(code);
  });
  exact('Kenya', 'KE');
  exact('Kenia', 'KE'); // how German and Spanish speakers spell it
  exact('Tanzania', 'TZ');
  exact('UK', 'GB');
  exact('USA', 'US');
  exact('united states', 'US');
  exact("Côte d'Ivoire", 'CI');
  exact('Cote dIvoire', 'CI');
  exact('Ivory Coast', 'CI');
  exact('KE', 'KE');
  exact('I am from Uganda', 'UG');
  exact('the Netherlands', 'NL');

  it('offers a typo back as a candidate to confirm', () => {
    expect(resolveCountry('Tanznia')).to.deep.equal({ kind: 'candidates', countries: [{ code: 'TZ', name: 'Tanzania' }] });
    expect(resolveCountry('Morroco')).to.deep.equal({ kind: 'candidates', countries: [{ code: 'MA', name: 'Morocco' }] });
  });
  it('asks which one when a name fits several', () => {
    const m = resolveCountry('Congo');
    expect(m.kind).to.equal('candidates');
    if (m.kind === 'candidates') expect(m.countries.map((c) => c.code)).to.have.members(['CD', 'CG']);
  });
  it('does not take "no" or "in" for Norway or India; knows nothing of Narnia', () => {
    expect(resolveCountry('no').kind).to.equal('unknown');
    expect(resolveCountry('in').kind).to.equal('unknown');
    expect(resolveCountry('Narnia').kind).to.equal('unknown');
    expect(resolveCountry('').kind).to.equal('unknown');
  });
});

describe('registration: choices, yes/no and fields', () => {
  const categories = categoryChoices(['Telecom/ICT regulator', 'DFS provider', 'Central bank', 'Mobile network operator']);
  const pick = (text: string) => matchChoice(text, categories).map((c) => c.value);

  it('reads a category exactly, by number, by word, by acronym and with typos', () => {
    expect(pick('Central bank')).to.deep.equal(['Central bank']);
    expect(pick('3')).to.deep.equal(['Central bank']);
    expect(pick('regulator')).to.deep.equal(['Telecom/ICT regulator']);
    expect(pick('I work for a central bank')).to.deep.equal(['Central bank']);
    expect(pick('MNO')).to.deep.equal(['Mobile network operator']);
    expect(pick('centrl bank')).to.deep.equal(['Central bank']);
    expect(pick('telecom regulater')).to.deep.equal(['Telecom/ICT regulator']);
    expect(pick('none of these')).to.deep.equal(['Other']);
    expect(pick('banana')).to.deep.equal([]);
  });
  it('reads reminder choices', () => {
    const r = (t: string) => matchChoice(t, reminderChoices).map((c) => c.value);
    expect(r('All sessions')).to.deep.equal(['all']);
    expect(r("I'll choose")).to.deep.equal(['choose']);
    expect(r('none')).to.deep.equal(['none']);
    expect(r('no reminders')).to.deep.equal(['none']);
  });
  it('reads yes and no', () => {
    for (const y of ['yes', 'Yes!', 'yep', 'I agree', 'sure', "Yes, it's mine", 'Yes, delete it']) expect(yesNo(y), y).to.equal(true);
    for (const n of ['no', 'No thanks', 'nope', "No, keep it", 'I do not agree']) expect(yesNo(n), n).to.equal(false);
    expect(yesNo('maybe')).to.equal(undefined);
  });
  it('checks e-mails with a reason', () => {
    expect(checkEmail('Ada@Example.org')).to.deep.equal({ ok: true, value: 'ada@example.org' });
    expect(checkEmail('my email is ada@example.org.')).to.deep.equal({ ok: true, value: 'ada@example.org' });
    expect(checkEmail('sure, my email is Mary.Wambui@kcb.co.ke')).to.deep.equal({ ok: true, value: 'mary.wambui@kcb.co.ke' });
    expect(checkEmail("it should be jmwangi@equitybank.co.ke, thanks")).to.deep.equal({ ok: true, value: 'jmwangi@equitybank.co.ke' });
    for (const bad of ['ada', 'ada@example', 'ada @example.org', 'ada@@example.org']) {
      const c = checkEmail(bad);
      expect(c.ok, bad).to.equal(false);
      if (!c.ok) expect(c.reason).to.match(/e-mail|domain|@/);
    }
  });
  it('checks names and organisations', () => {
    expect(checkName('  Ada   Lovelace ')).to.deep.equal({ ok: true, value: 'Ada Lovelace' });
    expect(checkName('My name is Grace Hopper')).to.deep.equal({ ok: true, value: 'Grace Hopper' });
    expect(checkName('x').ok).to.equal(false);
    expect(checkName('12345').ok).to.equal(false);
    expect(checkName('ada@example.org').ok).to.equal(false);
    expect(checkOrganisation('Central Bank of Kenya')).to.deep.equal({ ok: true, value: 'Central Bank of Kenya' });
    expect(checkOrganisation('!!').ok).to.equal(false);
  });
  it('reads change requests', () => {
    expect(parseChangeRequest('change country')).to.deep.equal({ field: 'country' });
    expect(parseChangeRequest('Change e-mail')).to.deep.equal({ field: 'email' });
    expect(parseChangeRequest('change my e-mail to ada@new.org')).to.deep.equal({ field: 'email', value: 'ada@new.org' });
    expect(parseChangeRequest('organisation: Acme Ltd')).to.deep.equal({ field: 'organisation', value: 'Acme Ltd' });
    expect(parseChangeRequest('the company')).to.deep.equal({ field: 'organisation' });
    expect(parseChangeRequest('banana')).to.equal(undefined);
  });
});

describe('registration: what users typed stays text', () => {
  // Web Chat renders markdown with markdown-it; Teams with a similar subset.
  const md = new MarkdownIt({ linkify: true });
  const render = (s: string) => md.renderInline(escapeMarkdown(s));
  it('renders markup, links and scripts as inert text', () => {
    expect(render('[x](javascript:alert(1))')).to.equal('[x](javascript:alert(1))');
    expect(render('<script>alert(1)</script>')).to.equal('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(render('**bold** _it_ `code`')).to.equal('**bold** _it_ `code`');
    expect(render('http://evil.example.com')).to.equal('http://evil.example.com');
    expect(render('evil.example.com')).to.not.include('<a');
    expect(render('ada@example.org')).to.not.include('<a');
    expect(render("O'Brien & Sons")).to.equal("O'Brien &amp; Sons");
  });
});
