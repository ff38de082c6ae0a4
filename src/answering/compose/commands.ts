// Commands are acted on by the bot's router (dialogs, stores). The engine names the command and adds a
// short reply the router may show first, or instead when it cannot act.
import type { CommandIntent } from '../../conversation/types.ts';
import type { Session } from '../../event/agenda.ts';
import type { AnswerContext } from '../context.ts';
import type { Answer } from './types.ts';

export function composeCommand(ctx: AnswerContext, command: CommandIntent, sessions?: Session[], day?: number): Answer {
  const e = ctx.event;
  const reg = e.registration;
  const memory = { ...ctx.memory, sessionId: sessions?.[0]?.id ?? ctx.memory.sessionId, day: day ?? sessions?.[0]?.day ?? ctx.memory.day };
  const say = (text: string): Answer => ({ reply: { text }, memory });
  switch (command) {
    case 'register':
      return say(`Let's register you for ${e.title}: I'll ask for your name and e-mail.${reg.mandatory ? ' Registration is mandatory.' : ''} The official registration page is ${reg.url}`);
    case 'join':
      return say(`The connection details for ${e.title} are for registered participants${reg.mandatory ? ' (registration is mandatory)' : ''}. Register or check your registration; details are on the event page: ${e.eventPage}`);
    case 'registration-status':
      return say('Let me check your registration.');
    case 'update-registration':
      return say('Let me update your registration.');
    case 'cancel-registration':
      return say('Let me cancel your registration.');
    case 'remind': {
      const what = sessions?.length ? sessions[0].title : day ? ctx.dayLabel(day) : undefined;
      return say(what ? `I'll set a reminder for ${what}.` : 'Which session or day should I remind you about?');
    }
    case 'stop-reminders':
      return say('Stopping your reminders.');
    case 'list-reminders':
      return say('Here are your reminders.');
    case 'email-reminders':
      return say('Changing how your reminders reach you.');
    case 'calendar':
      return say(`Here is the calendar file for ${e.title}.`);
    case 'cancel':
      return say('OK, cancelled.');
  }
}
