// The reminders capability at the bot edge: keeps each user's conversation reference fresh (every turn,
// writing only on change) and handles "remind me about …", "stop reminders", "which reminders do I have?".
import type { BotFeature, BotTurn } from '../bot/feature.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { identityOf } from '../registration/registration.ts';
import type { RegistrationStore } from '../registration/registrationStore.ts';
import { storedReferenceOf } from './storedReference.ts';
import type { ReminderService } from './reminderService.ts';
import type { ReferenceStore } from './references.ts';
import { listRemindersReply } from './messages.ts';
import { escapeEmail } from '../registration/markdown.ts';
import { applySubscriptionChange, type SubscriptionRequest } from './subscriptions.ts';
import { say } from '../language/messages.ts';
import type { Language } from '../language/languages.ts';

export interface ReminderFeatureDeps {
  service: ReminderService;
  references: ReferenceStore;
  registrations: RegistrationStore;
  clock: Clock;
  log: Logger;
  leadMinutes: number;
}

const NONE_TO_STOP = (language: Language) => ({ text: say(language, 'rem.f.noneToStop'), suggestions: [say(language, 'rem.s.register')] });
const REGISTER_FIRST = (language: Language) => ({ text: say(language, 'rem.f.registerFirst'), suggestions: [say(language, 'rem.s.register')] });

/** What a turn's activity says about its conversation (the part of the channel's activity used here). */
interface TurnActivity {
  conversation?: { conversationType?: string; isGroup?: boolean };
}

/** Personal conversations only: a reminder must not land in a Teams channel or group chat. */
function isPersonal(activity: TurnActivity) {
  const type = activity.conversation?.conversationType;
  return activity.conversation?.isGroup !== true && (type === undefined || type === '' || type === 'personal');
}

export function createReminderFeature(deps: ReminderFeatureDeps): BotFeature {
  const identity = (context: BotTurn['context']) => identityOf(context.activity.channelId, context.activity.from.id);

  const change = async (turn: BotTurn, request: SubscriptionRequest) => {
    const id = identity(turn.context);
    const reg = await deps.registrations.byIdentity(id);
    // Nothing to stop for someone who is not registered: say so, rather than invite them to sign up.
    if (!reg) return turn.send(request.action === 'unfollow' ? NONE_TO_STOP(turn.language) : REGISTER_FIRST(turn.language));
    const result = applySubscriptionChange(reg, request, deps.service.agenda, { now: deps.clock.now().getTime(), userZone: turn.timeZone, leadMinutes: deps.leadMinutes, language: turn.language });
    if (result.patch) {
      await deps.registrations.update(id, () => result.patch!, deps.clock.now());
      deps.service.poke();
    }
    await turn.send(result.reply);
  };

  return {
    async onActivity(context, _profile, timeZone) {
      const activity = context.activity;
      if (!activity?.from?.id || !activity.conversation?.id || !activity.serviceUrl || !activity.recipient?.id) return;
      if (!isPersonal(activity)) return;
      // (what TurnContext.getConversationReference would take from the activity)
      const reference = storedReferenceOf({
        channelId: activity.channelId,
        serviceUrl: activity.serviceUrl,
        conversation: activity.conversation,
        from: activity.from,
        recipient: activity.recipient,
        locale: activity.locale,
        channelData: activity.channelData,
      });
      try {
        await deps.references.remember(identity(context), reference, timeZone, deps.clock.now());
      } catch (err) {
        // Never fail a turn over this: the next turn tries again.
        deps.log.warn({ err: (err as Error).message }, 'could not store the conversation reference');
      }
    },
    commands: {
      remind: (turn) => {
        const why = turn.understood.command?.field;
        const t = (id: string, vars: Record<string, string | number> = {}) => say(turn.language, id, vars);
        if (why === 'lead') return turn.send({ text: t('rem.f.lead', { n: deps.leadMinutes }), suggestions: [t('rem.s.which')] });
        if (why === 'unknown') return turn.send({ text: t('rem.f.unknown'), suggestions: [t('rem.s.which'), t('rem.s.agenda')] });
        return change(turn, { action: 'follow', sessionIds: turn.understood.command?.sessionIds, day: turn.understood.command?.day });
      },
      'stop-reminders': (turn) => change(turn, { action: 'unfollow', sessionIds: turn.understood.command?.sessionIds, day: turn.understood.command?.day }),
      'email-reminders': async (turn) => {
        const id = identity(turn.context);
        const reg = await deps.registrations.byIdentity(id);
        if (!reg) return turn.send(REGISTER_FIRST(turn.language));
        const t = (id: string, vars: Record<string, string | number> = {}) => say(turn.language, id, vars);
        const on = turn.understood.command?.field !== 'off';
        const now = deps.clock.now();
        await deps.registrations.update(id, () => (on ? { emailReminders: true, emailRemindersSince: reg.emailReminders === true ? reg.emailRemindersSince : now.toISOString() } : { emailReminders: false }), now);
        deps.service.poke();
        if (!on) return turn.send({ text: t('rem.f.emailsOff'), suggestions: [t('rem.s.which')] });
        const nothing = reg.reminders === 'none' ? t('rem.f.emailsOnNothing') : '';
        await turn.send({ text: t('rem.f.emailsOn', { email: escapeEmail(reg.email), nothing }), suggestions: [t('rem.s.which'), t('rem.s.stopEmails')] });
      },
      'list-reminders': async (turn) => {
        const reg = await deps.registrations.byIdentity(identity(turn.context));
        if (!reg) return turn.send(REGISTER_FIRST(turn.language));
        await turn.send(listRemindersReply(reg, deps.service.agenda, { now: deps.clock.now().getTime(), userZone: turn.timeZone, leadMinutes: deps.leadMinutes, language: turn.language }));
      },
    },
  };
}
