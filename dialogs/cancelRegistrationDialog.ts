// "Cancel my registration": confirm, then delete the attendee's data (the registration and every
// identity link; not a flag). Saying no, giving up or stopping keeps it.
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/bot/dialogsRuntime.ts';
import { yesNo } from '../src/registration/match.ts';
import { notRegisteredReply, titleIn } from '../src/registration/replies.ts';
import { LANGUAGE_KEY } from '../src/bot/eventBot.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../src/language/languages.ts';
import { say } from '../src/language/messages.ts';
import { lifecycleAt } from '../src/event/lifecycle.ts';
import { AskPrompt, type AskResult } from './askPrompt.ts';
import { CANCEL_REGISTRATION_DIALOG } from './dialogIds.ts';
import { identityOfTurn, send } from './turn.ts';
import type { RegistrationDeps } from './registrationDialog.ts';

const STEPS = 'registration.cancel.steps';
const ASK = 'registration.cancel.ask';

export class CancelRegistrationDialog extends ComponentDialog {
  constructor(private readonly deps: RegistrationDeps) {
    super(CANCEL_REGISTRATION_DIALOG);
    this.addDialog(
      new AskPrompt(
        ASK,
        {
          yesno: (text, options) => {
            const yes = yesNo(text);
            return yes === undefined ? { ok: false, reason: say(options.language ?? DEFAULT_LANGUAGE, 'regc.r.yesno') } : { ok: true, value: yes };
          },
        },
        async (_context, intent) => (intent === 'cancel' ? 'stop' : 'answer'),
        `${say(DEFAULT_LANGUAGE, 'regc.resume')} `,
      ),
    );
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.confirm(step), (step) => this.act(step)]));
    this.initialDialogId = STEPS;
  }

  private async confirm(step: WaterfallStepContext) {
    const { event, store } = this.deps;
    // The dialog speaks the conversation's language as it starts, whatever its answers are written in.
    const turnLanguage: unknown = step.context.turnState.get(LANGUAGE_KEY);
    const language: Language = isLanguage(turnLanguage) ? turnLanguage : DEFAULT_LANGUAGE;
    const reg = await store.byIdentity(identityOfTurn(step.context));
    if (!reg) {
      await send(step.context, notRegisteredReply(event, say(language, 'regc.none'), lifecycleAt(event, this.deps.clock.now()), language), language);
      return step.endDialog();
    }
    Object.assign(step.values, { reference: reg.reference, language });
    return step.beginDialog(ASK, {
      kind: 'yesno',
      text: say(language, 'regc.q', { title: titleIn(event, language), ref: reg.reference }),
      suggestions: [say(language, 'regc.s.yes'), say(language, 'regc.s.no')],
      language,
      resume: `${say(language, 'regc.resume')} `,
    });
  }

  private async act(step: WaterfallStepContext) {
    const result = step.result as AskResult<boolean>;
    const { reference, language = DEFAULT_LANGUAGE } = step.values as { reference?: string; language?: Language };
    const s = (id: string, vars: Record<string, string> = {}) => say(language, id, vars);
    if (result.status === 'answered' && result.value) {
      const removed = await this.deps.store.remove(identityOfTurn(step.context));
      if (removed) this.deps.log.info({ channel: step.context.activity.channelId, reference }, 'registration deleted');
      await send(step.context, { text: s('regc.done'), suggestions: [s('regd.s.register'), s('regd.s.help')] }, language);
    } else {
      await send(step.context, { text: s('regc.kept', { ref: reference ?? '' }), suggestions: [s('regd.s.showRegistration'), s('regd.s.help')] }, language);
    }
    return step.endDialog();
  }
}
