// Commands are acted on by the bot's router (dialogs, stores). The engine names the command and adds a
// short reply the router may show first, or instead when it cannot act.
import type { CommandIntent } from '../../conversation/types.ts';
import type { Session } from '../../event/agenda.ts';
import type { AnswerContext } from '../context.ts';
import type { Answer } from './types.ts';
import { botRegistersNow, joinDetailsOffered } from '../../event/lifecycle.ts';
import { cannotRegisterHereReply, eventEndedReply, whenLabel } from '../../conversation/registrationText.ts';

/** `howTo`: the command was asked as a question of how ("how can I register?"): the way it is done is said too. */
export function composeCommand(ctx: AnswerContext, command: CommandIntent, sessions?: Session[], day?: number, howTo = false): Answer {
  const e = ctx.event;
  const reg = e.registration;
  const memory = { ...ctx.memory, sessionId: sessions?.[0]?.id ?? ctx.memory.sessionId, day: day ?? sessions?.[0]?.day ?? ctx.memory.day };
  const say = (text: string): Answer => ({ reply: { text }, memory });
  const answer = (reply: { text: string; suggestions: string[] }): Answer => ({ reply, memory });
  const lc = ctx.lifecycle;
  switch (command) {
    case 'register': {
      // The dialog starts only where the event file routes registration through the bot, and while it is open.
      // "how do I register?": the route, the deadline and the event page, then the dialog where it starts here
      const deadline = lc.deadlineGiven && lc.registration === 'open' ? ` ${reg.deadline ?? ctx.say('reg.closesOn', { date: whenLabel(e, lc.closesAt, ctx.language) })}` : '';
      const how = howTo ? ctx.say('reg.how', { line: ctx.registrationLine(), deadline }) : '';
      if (!botRegistersNow(lc)) {
        const declined = cannotRegisterHereReply(e, lc, ctx.language);
        return { ...answer(how && lc.registration === 'open' ? { ...declined, text: how } : declined), declined: true };
      }
      if (how) return { ...say(ctx.say('reg.start', { title: e.title, mandatory: '' })), preface: { text: how } };
      return say(ctx.say('reg.start', { title: e.title, mandatory: reg.mandatory ? ctx.say('reg.start.mandatory') : '' }));
    }
    case 'join':
      // After the event there is nothing to join: said, and no joining details are looked up.
      if (!joinDetailsOffered(lc)) return { ...answer(eventEndedReply(e, lc, ctx.language)), declined: true };
      if (lc.route.via === 'page') return { ...answer({ text: ctx.say('reg.joinPage', { title: e.title, url: lc.route.url, page: e.eventPage }), suggestions: [ctx.say('s.showAgenda')] }), declined: true };
      return say(ctx.say('reg.joinFor', { title: e.title, line: ctx.registrationLine(), page: e.eventPage }));
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
