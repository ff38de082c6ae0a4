// The registration dialog on its own, without HTTP or the router (botbuilder-testing's DialogTestClient):
// table-driven conversations, each a list of [what the user says, what the bot's reply must contain].
import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { RegistrationDialog } from '../../dialogs/registrationDialog.ts';
import { ManualClock } from '../../src/clock.ts';
import { loadEventFile } from '../../src/event/load.ts';
import { projectRoot } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { RegistrationStore } from '../../src/registration/registrationStore.ts';
import { openBackend } from '../../src/storage/backend.ts';
import { KeyValueStore } from '../../src/storage/keyValueStore.ts';
import { EmailProof } from '../../src/registration/emailProof.ts';
import type { MailMessage, Mailer } from '../../src/mail/mailer.ts';

/** Keeps what would be mailed; "<code>" in a case's turns is replaced by the last code sent. */
class KeptMail implements Mailer {
  readonly description = 'kept in memory';
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
    return { ok: true } as const;
  }
  async close() {}
  lastCode() {
    return this.sent.at(-1)?.text.match(/Your code: (\d{6})/)?.[1] ?? 'no code sent';
  }
}

const event = loadEventFile(`${projectRoot}/events/dfs-security-clinic-2022.json`);

const cases: { name: string; turns: [string, string | RegExp][]; stored?: Record<string, unknown> }[] = [
  {
    name: 'a straight registration',
    turns: [
      ['hi', "What's your full name?"],
      ['Grace Hopper', "What's your e-mail address?"],
      ['grace@navy.example.mil', "I've sent a six-digit code to **grace@navy.example.mil**"],
      ['<code>', 'Which organisation are you with?'],
      ['US Navy', 'Which country are you based in?'],
      ['usa', 'Which of these best describes you?'],
      ['other', 'reminders'],
      ['none', 'Do you agree'],
      ['ok', 'Please check your details'],
      ['save', /You're registered for DFS Security Clinic! Your reference is \*\*[A-Z2-9]{4}-[A-Z2-9]{4}\*\*/],
    ],
    stored: { fullName: 'Grace Hopper', email: 'grace@navy.example.mil', category: 'Other', reminders: 'none' },
  },
  {
    name: 'three unusable category answers',
    turns: [
      ['hi', "What's your full name?"],
      ['Grace Hopper', 'e-mail'],
      ['grace@example.org', 'code'],
      ['<code>', 'organisation'],
      ['US Navy', 'country'],
      ['Kenya', 'Which of these best describes you?'],
      ['banana', 'Please choose one of: Telecom/ICT regulator, DFS provider, Central bank, Mobile network operator, Other.'],
      ['apple', 'Please choose one of'],
      ['cherry', "I've stopped the registration for now; nothing was saved"],
    ],
  },
  {
    name: 'a typo in the country, confirmed',
    turns: [
      ['hi', "What's your full name?"],
      ['Grace Hopper', 'e-mail'],
      ['grace@example.org', 'code'],
      ['<code>', 'organisation'],
      ['US Navy', 'country'],
      ['Ugnada', 'Did you mean **Uganda**?'],
      ['yes', 'Which of these best describes you?'],
    ],
  },
];

describe('registration dialog (DialogTestClient)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const store = new RegistrationStore(new KeyValueStore(await openBackend('memory://')));
      const clock = new ManualClock('2022-03-01T00:00:00Z');
      const mail = new KeptMail();
      const proof = new EmailProof(new KeyValueStore(await openBackend('memory://')), mail, () => event.title, () => clock.now().getTime());
      const dialog = new RegistrationDialog({ store, event, clock, log: createLogger('silent'), proof, trustChannelProfile: false });
      const client = new DialogTestClient('test', dialog);
      for (const [said, expected] of c.turns) {
        let reply = await client.sendActivity(said === '<code>' ? mail.lastCode() : said);
        const texts: string[] = [];
        while (reply) {
          texts.push(reply.text ?? '');
          reply = client.getNextReply();
        }
        const all = texts.join('\n');
        if (typeof expected === 'string') expect(all, `after "${said}"`).to.include(expected);
        else expect(all, `after "${said}"`).to.match(expected);
      }
      if (c.stored) expect((await store.all())[0]).to.include(c.stored);
    });
  }
});
