// With MicrosoftAppId set, only requests carrying a valid Bot Framework channel token get a turn. The
// signing keys are served locally (BotOpenIdMetadata), so real, forged and expired JWTs can be made here.
import { expect } from 'chai';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const APP_ID = '11111111-2222-3333-4444-555555555555';

function jwt(privateKey: KeyObject, kid: string, claims: Record<string, unknown>) {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc({ alg: 'RS256', typ: 'JWT', kid })}.${enc(claims)}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}

describe('HTTP: Bot Framework channel authentication', () => {
  const issuerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const attackerKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let issuer: http.Server;
  let bot: BotUnderTest;

  before(async () => {
    issuer = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/openid') return res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
      res.end(JSON.stringify({ keys: [{ ...issuerKeys.publicKey.export({ format: 'jwk' }), kid: 'k1', kty: 'RSA', use: 'sig' }] }));
    });
    await new Promise<void>((r) => issuer.listen(0, '127.0.0.1', r));
    bot = await startBot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      BotOpenIdMetadata: `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/openid`,
    });
  });
  after(async () => {
    await bot.stop();
    issuer.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}) => ({ iss: 'https://api.botframework.com', aud: APP_ID, nbf: now() - 60, exp: now() + 3600, serviceurl: bot.connector.url, ...over });
  const send = (authorization?: string) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: bot.connector.url, from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'auth' }, text: 'hi' }),
    });

  const cases: [string, () => string | undefined, number][] = [
    ['no token', () => undefined, 401],
    ['a token signed by another key', () => `Bearer ${jwt(attackerKeys.privateKey, 'k1', claims())}`, 401],
    ['an expired token', () => `Bearer ${jwt(issuerKeys.privateKey, 'k1', claims({ nbf: now() - 7200, exp: now() - 3600 }))}`, 401],
    ['a token for another bot', () => `Bearer ${jwt(issuerKeys.privateKey, 'k1', claims({ aud: 'someone-else' }))}`, 401],
    ['a token from another issuer', () => `Bearer ${jwt(issuerKeys.privateKey, 'k1', claims({ iss: 'https://evil.example' }))}`, 401],
    ['garbage', () => 'Bearer not.a.jwt', 401],
    ['a valid channel token', () => `Bearer ${jwt(issuerKeys.privateKey, 'k1', claims())}`, 200],
  ];
  for (const [what, token, status] of cases) {
    it(`answers ${status} to ${what}`, async () => {
      expect((await send(token())).status).to.equal(status);
    });
  }
});
