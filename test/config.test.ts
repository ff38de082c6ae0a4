import { expect } from 'chai';
import { ConfigError, loadSettings } from '../src/config.ts';

describe('settings', () => {
  it('runs locally with no settings at all: SQLite under data/, port 3978, no auth', () => {
    const s = loadSettings({});
    expect(s.PORT).to.equal(3978);
    expect(s.storageUrl).to.match(/^sqlite:\/\/.*data\/bot\.sqlite$/);
    expect(s.localMode).to.equal(true);
    expect(s.REMINDER_LEAD_MINUTES).to.equal(15);
    expect(s.STORAGE_KEY_PREFIX).to.equal('bot');
  });

  it('listens on 127.0.0.1 in local mode and on every interface with Bot Framework authentication, unless HOST says', () => {
    expect(loadSettings({}).HOST).to.equal('127.0.0.1');
    expect(loadSettings({ HOST: '' }).HOST).to.equal('127.0.0.1');
    expect(loadSettings({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' }).HOST).to.equal('0.0.0.0');
    expect(loadSettings({ HOST: '0.0.0.0' }).HOST).to.equal('0.0.0.0');
    expect(loadSettings({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', HOST: '10.0.0.5' }).HOST).to.equal('10.0.0.5');
  });

  it('treats empty values as unset, as a copied .env.example has them', () => {
    expect(loadSettings({ MicrosoftAppId: '', JOIN_URL: ' ', BOT_NOW: '' }).localMode).to.equal(true);
    expect(loadSettings({ STORAGE_KEY_PREFIX: '' }).STORAGE_KEY_PREFIX).to.equal('bot');
  });

  const invalid: [string, Record<string, string>, RegExp][] = [
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    ['a BOT_NOW that is not an instant', { BOT_NOW: 'next tuesday' }, /BOT_NOW: must be an ISO-8601 instant/],
    ['an app id without a password', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }, /MicrosoftAppPassword: is required/],
    ['a single-tenant app without a tenant', { MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    ['a short admin token', { ADMIN_TOKEN: 'secret' }, /ADMIN_TOKEN: must be at least 16/],
    ['a join link that is not a URL', { JOIN_URL: 'zoom meeting' }, /JOIN_URL: must be an http\(s\) URL/],
    ['a negative reminder lead', { REMINDER_LEAD_MINUTES: '-5' }, /REMINDER_LEAD_MINUTES/],
    ['a key prefix with a colon (it would reach into another prefix’s keys)', { STORAGE_KEY_PREFIX: 'bot:other' }, /STORAGE_KEY_PREFIX: must be 1–64 letters/],
  ];
  for (const [what, env, message] of invalid) {
    it(`fails fast on ${what}, naming the setting`, () => {
      expect(() => loadSettings(env)).to.throw(ConfigError, message);
    });
  }
});
