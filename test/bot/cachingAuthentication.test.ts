// The connector-client cache: one client per (bot, service URL, audience), shared by turns, bounded,
// and authentication still done by the wrapped instance on every request.
import { expect } from 'chai';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CachingBotFrameworkAuthentication } from '../../src/bot/cachingAuthentication.ts';

const activity = (serviceUrl: string) => ({ type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }) as never;

describe('CachingBotFrameworkAuthentication', () => {
  it('gives every turn from the same service URL the same connector client', async () => {
    const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
    const a = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const b = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const ca = await a.connectorFactory!.create('http://127.0.0.1:1', a.audience);
    const cb = await b.connectorFactory!.create('http://127.0.0.1:1', b.audience);
    expect(ca).to.equal(cb);
    expect((ca as unknown as { baseUri?: string }).baseUri ?? (ca as unknown as { _baseUri?: string })._baseUri).to.contain('127.0.0.1:1');
    const other = await a.connectorFactory!.create('http://127.0.0.1:2', a.audience);
    expect(other).to.not.equal(ca);
    // Proactive turns (reminders) go through createConnectorFactory and share the same clients.
    const proactive = await auth.createConnectorFactory(a.claimsIdentity).create('http://127.0.0.1:1', a.audience);
    expect(proactive).to.equal(ca);
    expect(await auth.createUserTokenClient(a.claimsIdentity)).to.equal(await auth.createUserTokenClient(b.claimsIdentity));
  });

  it('keeps at most maxClients, dropping the least recently used', async () => {
    const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}), { maxClients: 3 });
    const r = await auth.authenticateRequest(activity('http://x'), '');
    const first = await r.connectorFactory!.create('http://h0', r.audience);
    for (let i = 1; i < 10; i++) await r.connectorFactory!.create(`http://h${i}`, r.audience);
    expect(auth.cachedClients).to.equal(3);
    expect(await r.connectorFactory!.create('http://h0', r.audience)).to.not.equal(first);
  });

  it('still rejects a request without a token when an app id is configured', async () => {
    const auth = new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x' }));
    let error: Error | undefined;
    await auth.authenticateRequest(activity('http://127.0.0.1:1'), '').catch((e) => (error = e));
    expect(error?.message).to.match(/Unauthorized/);
  });
});
