// Registration as a BotFeature: the dialogs, and the commands the engine recognises (register, join,
// registration-status, update-registration, cancel-registration).
import type { BotFeature, BotTurn } from '../src/bot/feature.ts';
import { messageText } from '../src/bot/eventBot.ts';
import { botRegistersNow, lifecycleAt } from '../src/event/lifecycle.ts';
import { cannotRegisterHereReply } from '../src/conversation/registrationText.ts';
import { DEFAULT_LANGUAGE, type Language } from '../src/language/languages.ts';
import { parseChangeRequest } from '../src/registration/changeRequest.ts';
import { joinDetailsReply, notRegisteredReply, statusReply } from '../src/registration/replies.ts';
import { say } from '../src/language/messages.ts';
import { CancelRegistrationDialog } from './cancelRegistrationDialog.ts';
import { CANCEL_REGISTRATION_DIALOG } from './dialogIds.ts';
import { identityOfTurn } from './turn.ts';
import { REGISTRATION_DIALOG, RegistrationDialog, type RegistrationDeps, type RegistrationOptions } from './registrationDialog.ts';

export function createRegistrationFeature(deps: RegistrationDeps): BotFeature {
  // deps.event is read per turn: it is the live event (an edited event file applies at once).
  const { store, joinUrl } = deps;
  const registrationOf = (turn: BotTurn) => store.byIdentity(identityOfTurn(turn.context));
  // Where the event and its registration stand now, by the bot's clock (src/event/lifecycle.ts).
  const lifecycle = () => lifecycleAt(deps.event, deps.clock.now());
  const languageOf = (turn: BotTurn): Language => turn.language ?? DEFAULT_LANGUAGE;
  return {
    dialogs: [new RegistrationDialog(deps), new CancelRegistrationDialog(deps)],
    // "in English please" after registering: the registration's language, which reminders, digests and
    // announcements are sent in, becomes the one asked for.
    async onLanguageChosen(context, language) {
      const identity = identityOfTurn(context);
      const reg = await store.byIdentity(identity);
      if (reg && reg.language !== language) await store.update(identity, () => ({ language }), deps.clock.now());
    },
    commands: {
      async register(turn) {
        // The dialog starts only while registration is open and routed through this bot (the engine says so too).
        const lc = lifecycle();
        if (!botRegistersNow(lc)) return turn.send(cannotRegisterHereReply(deps.event, lc, languageOf(turn)));
        await (await turn.dialogs()).beginDialog(REGISTRATION_DIALOG, { mode: 'register' } satisfies RegistrationOptions);
      },
      async join(turn) {
        await turn.send(joinDetailsReply(deps.event, await registrationOf(turn), joinUrl, lifecycle(), languageOf(turn)));
      },
      async 'registration-status'(turn) {
        await turn.send(statusReply(deps.event, await registrationOf(turn), lifecycle(), languageOf(turn)));
      },
      async 'update-registration'(turn) {
        if (!(await registrationOf(turn))) return turn.send(notRegisteredReply(deps.event, say(languageOf(turn), 'regd.notReg.change'), lifecycle(), languageOf(turn)));
        const command = turn.understood.command;
        const typed = parseChangeRequest(messageText(turn.context));
        const options: RegistrationOptions = { mode: 'update', field: command?.field ?? typed?.field, value: command?.value ?? (command?.field ? undefined : typed?.value) };
        await (await turn.dialogs()).beginDialog(REGISTRATION_DIALOG, options);
      },
      async 'cancel-registration'(turn) {
        await (await turn.dialogs()).beginDialog(CANCEL_REGISTRATION_DIALOG);
      },
    },
  };
}
