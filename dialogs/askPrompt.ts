// One prompt for every registration question. It asks, reads the typed answer with the parser named in
// its options, re-asks with the reason when the answer is not usable, and gives up after three unusable
// answers (the caller then ends politely). Choices go out as suggested actions, never as a card, and
// every one can be typed. After an interruption (a question answered by the router) it re-asks "in context".
// Its state is plain JSON, so a restart mid-dialog resumes at the same question.
import { ActionTypes, ActivityTypes, CardFactory, InputHints, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../src/bot/dialogsRuntime.ts';
import type { Checked } from '../src/registration/fields.ts';
import { messageText, UNDERSTOOD_KEY } from '../src/bot/eventBot.ts';
import type { CommandIntent, Understood } from '../src/conversation/types.ts';
import { isCancelRequest } from '../src/understanding/cancel.ts';
import type { ReplyContent } from '../src/conversation/content.ts';
import { capabilitiesOf } from '../src/render/capabilities.ts';
import { render } from '../src/render/render.ts';
import { rendererStrings } from '../src/render/strings.ts';
import { DEFAULT_LANGUAGE, type Language } from '../src/language/languages.ts';
import { say } from '../src/language/messages.ts';

export const MAX_UNUSABLE_ANSWERS = 3;

export interface AskOptions {
  /** Which parser reads the answer. */
  kind: string;
  /** The question (markdown; anything the user typed in it already escaped). */
  text: string;
  /** Offered as suggested actions (imBack), always typeable too. */
  suggestions?: string[];
  /** Said before the question when it is first asked (not when it is asked again). */
  lead?: string;
  /** What the parser needs besides the text (JSON only: it is stored with the dialog state). */
  data?: Record<string, unknown>;
  /**
   * Structured content shown with the question (the registration summary): a card where cards render, with
   * `text` as the line before it; a list after `text` elsewhere. Never both.
   */
  content?: ReplyContent;
  /** The dialog's language (its own, kept from its start): the prompt's own words are said in it. */
  language?: Language;
  /** Put before the question when it is asked again after an interruption (else the prompt's default). */
  resume?: string;
}

export type AskResult<T = unknown> =
  | { status: 'answered'; value: T }
  | { status: 'gave-up' }
  | { status: 'stopped' }
  /** The attendee asked for something the caller handles itself (e.g. "change my e-mail" while updating). */
  | { status: 'command'; command: NonNullable<Understood['command']>; text: string };

export type AskParser = (text: string, options: AskOptions, context: TurnContext) => Promise<Checked<unknown>> | Checked<unknown>;

/**
 * What to do when the router's understanding of the text is a command while a question is open
 * (e.g. "how do I join?" mid-registration): 'reprompt' after having said something, 'stop' to end the
 * dialog, 'command' to end it handing the command to the caller, or 'answer' to read the text as the
 * answer after all.
 */
export type CommandInterrupt = (context: TurnContext, intent: CommandIntent, options: AskOptions) => Promise<'reprompt' | 'stop' | 'command' | 'answer'>;

interface AskState {
  options: AskOptions;
  attempts: number;
}



export class AskPrompt extends Dialog<AskOptions> {
  constructor(
    dialogId: string,
    private readonly parsers: Record<string, AskParser>,
    private readonly onCommand?: CommandInterrupt,
    /** Put before the question when it is asked again after an interruption. */
    private readonly resumePrefix = 'Back to your registration. ',
    /**
     * Kinds whose parser accepts almost any text (a name, an organisation): there a command the router
     * recognised wins over the text as an answer. Elsewhere the answer is read first.
     */
    private readonly freeTextKinds = new Set<string>(),
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: AskOptions): Promise<DialogTurnResult> {
    if (!options || !this.parsers[options.kind]) throw new Error(`AskPrompt needs a known kind (got ${options?.kind})`);
    const state: AskState = { options, attempts: 0 };
    dc.activeDialog!.state = state;
    await dc.context.sendActivity(question(options, dc.context.activity, options.lead));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as AskState;
    const text = messageText(dc.context);
    if (!text) {
      await dc.context.sendActivity(question(state.options, dc.context.activity, say(state.options.language ?? DEFAULT_LANGUAGE, 'regd.r.typedOnly')));
      return Dialog.EndOfTurn;
    }
    if (isCancelRequest(text)) return dc.endDialog({ status: 'stopped' } satisfies AskResult);

    let checked: Checked<unknown>;
    try {
      checked = await this.parsers[state.options.kind](text, state.options, dc.context);
    } catch (err) {
      if ((err as Error).name === 'StorageUnavailableError') throw err;
      checked = { ok: false, reason: say(state.options.language ?? DEFAULT_LANGUAGE, 'regd.r.unreadable') };
    }

    const understood = dc.context.turnState.get(UNDERSTOOD_KEY) as Understood | undefined;
    const intent = understood?.command?.intent;
    if (intent && this.onCommand && (!checked.ok || this.freeTextKinds.has(state.options.kind))) {
      const action = await this.onCommand(dc.context, intent, state.options);
      if (action === 'stop') return dc.endDialog({ status: 'stopped' } satisfies AskResult);
      if (action === 'command') return dc.endDialog({ status: 'command', command: understood!.command!, text } satisfies AskResult);
      if (action === 'reprompt') {
        await dc.context.sendActivity(question(state.options, dc.context.activity, undefined, state.options.resume ?? this.resumePrefix));
        return Dialog.EndOfTurn;
      }
    }
    if (checked.ok) return dc.endDialog({ status: 'answered', value: checked.value } satisfies AskResult);

    state.attempts++;
    if (state.attempts >= MAX_UNUSABLE_ANSWERS) return dc.endDialog({ status: 'gave-up' } satisfies AskResult);
    await dc.context.sendActivity(question(state.options, dc.context.activity, checked.reason));
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state as AskState;
    await context.sendActivity(question(state.options, context.activity, undefined, state.options.resume ?? this.resumePrefix));
  }
}

/**
 * The question as an activity for the channel it goes to: the reason for re-asking first, then the question (with
 * its content as a card or as text), choices as suggested actions.
 */
export function question(options: AskOptions, to: { channelId?: string; channelData?: unknown }, reason?: string, prefix = ''): Partial<Activity> {
  // Rendered like any reply (src/render), except that choices are never capped: each must stay one tap away.
  const out = options.content ? render({ text: options.text, lead: options.text, content: options.content }, capabilitiesOf(to.channelId, to.channelData), rendererStrings(options.language)) : undefined;
  const body = `${prefix}${out ? out.text : options.text}`;
  const activity = MessageFactory.text(reason ? `${reason}\n\n${body}` : body, undefined, InputHints.ExpectingInput);
  activity.textFormat = 'markdown';
  if (out?.card) activity.attachments = [CardFactory.adaptiveCard(out.card)];
  if (options.suggestions?.length) {
    activity.suggestedActions = { to: [], actions: options.suggestions.map((s) => ({ type: ActionTypes.ImBack, title: s, value: s })) };
  }
  return activity;
}
