// The bot as Teams sees it: @mentions in team and group chats, replies in the thread, the user's zone from
// the clientInfo entity, and a greeting when the app is installed.
import { expect } from 'chai';
import { TestAdapter, TurnContext } from 'botbuilder';
import { messageText } from '../../src/bot/eventBot.ts';
import { ManualClock } from '../../src/clock.ts';
import { visibleText } from '../support/mockConnector.ts';
import { startBot, type BotUnderTest } from '../support/botUnderTest.ts';

const botAccount = { id: '28:bot-id', name: 'Event Bot' };

describe('Teams channel behaviour', function () {
  let bot: BotUnderTest;
  before(async () => {
    bot = await startBot({}, { clock: new ManualClock('2022-03-29T08:00:00Z') });
  });
  after(async () => bot.stop());

  const teams = (conversationId: string, text: string, extra: Record<string, unknown> = {}) =>
    bot.say(text, {
      channelId: 'msteams',
      conversationId,
      userId: '29:user-aad',
      extra: { recipient: botAccount, ...extra },
    });

  it('strips the @mention in a team channel and answers in the same thread', async () => {
    const thread = '19:abc123@thread.tacv2;messageid=1648000000000';
    const replies = await teams(thread, '<at>Event Bot</at> when does day 1 start?', {
      conversation: { id: thread, conversationType: 'channel', isGroup: true },
      channelData: { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:abc123@thread.tacv2' }, tenant: { id: 'tenant-1' } },
      entities: [{ type: 'mention', mentioned: botAccount, text: '<at>Event Bot</at>' }],
    });
    expect(replies).to.have.length.greaterThan(0);
    const text = replies.map(visibleText).join('\n');
    expect(text).to.match(/Day 1/).and.match(/10:00/);
    expect(text).to.not.match(/didn't catch/);
    // Every reply went to the thread's conversation id (the ;messageid= suffix kept), as a reply to the message.
    expect(bot.connector.sent.filter((s) => s.conversationId.startsWith('19:abc123')).every((s) => s.conversationId === thread)).to.equal(true);
    expect(replies.every((r) => typeof r.replyToId === 'string')).to.equal(true);
  });

  it('reads the text without the mention (what the engine sees)', () => {
    const context = new TurnContext(new TestAdapter(), {
      type: 'message',
      channelId: 'msteams',
      text: '<at>Event Bot</at> when does day 1 start?',
      recipient: botAccount,
      from: { id: '29:user-aad', name: 'User' },
      conversation: { id: '19:x@thread.tacv2;messageid=1' } as never,
      entities: [{ type: 'mention', mentioned: botAccount, text: '<at>Event Bot</at>' }],
    });
    expect(messageText(context)).to.equal('when does day 1 start?');
  });

  it('strips the @mention in a group chat', async () => {
    const chat = '19:groupchat@thread.v2';
    const text = (
      await teams(chat, 'Hey <at>Event Bot</at> who are the speakers?', {
        conversation: { id: chat, conversationType: 'groupChat', isGroup: true },
        entities: [{ type: 'mention', mentioned: botAccount, text: '<at>Event Bot</at>' }],
      })
    )
      .map(visibleText)
      .join('\n');
    expect(text).to.not.match(/didn't catch/);
    expect(text.toLowerCase()).to.contain('speaker');
  });

  it('takes the user’s time zone from the clientInfo entity Teams sends', async () => {
    const chat = 'a:personal-chat-tokyo';
    const text = (
      await teams(chat, 'when does day 1 start?', {
        conversation: { id: chat, conversationType: 'personal' },
        entities: [{ type: 'clientInfo', locale: 'ja-JP', country: 'JP', platform: 'Web', timezone: 'Asia/Tokyo' }],
      })
    )
      .map(visibleText)
      .join('\n');
    expect(text).to.contain('Asia/Tokyo');
    expect(text).to.contain('16:00'); // 10:00 EAT = 16:00 in Tokyo
  });

  it('greets when the app is installed', async () => {
    const chat = 'a:personal-chat-install';
    const res = await bot.post({
      type: 'installationUpdate',
      action: 'add',
      id: 'install-1',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      from: { id: '29:user-aad' },
      recipient: botAccount,
      conversation: { id: chat, conversationType: 'personal' },
      channelData: { tenant: { id: 'tenant-1' } },
    });
    expect(res.status).to.equal(200);
    await bot.connector.waitFor(() => bot.connector.to(chat).length > 0);
    expect(visibleText(bot.connector.to(chat)[0])).to.match(/assistant for DFS Security Clinic/);
  });
});
