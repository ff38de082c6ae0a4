// "Cancel my registration": confirm, then delete the attendee's data (the registration and every
// identity link; not a flag). Saying no, giving up or stopping keeps it.
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/bot/dialogsRuntime.ts';
import { yesNo } from '../src/registration/match.ts';
import { notRegisteredReply } from '../src/registration/replies.ts';
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
          yesno: (text) => {
            const yes = yesNo(text);
            return yes === undefined ? { ok: false, reason: 'Please answer **yes** to delete your registration, or **no** to keep it.' } : { ok: true, value: yes };
          },
        },
        async (_context, intent) => (intent === 'cancel' ? 'stop' : 'answer'),
        'Back to cancelling your registration. ',
      ),
    );
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.confirm(step), (step) => this.act(step)]));
    this.initialDialogId = STEPS;
  }

  private async confirm(step: WaterfallStepContext) {
    const { event, store } = this.deps;
    const reg = await store.byIdentity(identityOfTurn(step.context));
    if (!reg) {
      await send(step.context, notRegisteredReply(event, "You don't have a registration with me, so there's nothing to cancel.", lifecycleAt(event, this.deps.clock.now())));
      return step.endDialog();
    }
    (step.values as { reference?: string }).reference = reg.reference;
    return step.beginDialog(ASK, {
      kind: 'yesno',
      text:
        `Do you want to cancel your registration for ${event.title} (reference **${reg.reference}**)? ` +
        "I'll delete all the details I hold for it (name, e-mail, organisation, country, category and reminder choices), and you won't get reminders or the joining details. Delete it?",
      suggestions: ['Yes, delete it', 'No, keep it'],
    });
  }

  private async act(step: WaterfallStepContext) {
    const result = step.result as AskResult<boolean>;
    const reference = (step.values as { reference?: string }).reference;
    if (result.status === 'answered' && result.value) {
      const removed = await this.deps.store.remove(identityOfTurn(step.context));
      if (removed) this.deps.log.info({ channel: step.context.activity.channelId, reference }, 'registration deleted');
      await send(step.context, {
        text: "Done: your registration is cancelled and I've deleted your details. Say **register** if you want to sign up again.",
        suggestions: ['Register', 'Help'],
      });
    } else {
      await send(step.context, { text: `OK, I've kept your registration (reference **${reference}**).`, suggestions: ['Show my registration', 'Help'] });
    }
    return step.endDialog();
  }
}
