// The bot edge: turns activities into calls on the answering engine and the features, and replies.
// The router gives a running dialog (registration) first refusal, but lets questions, help and cancel
// interrupt it: the question is answered, then the dialog's prompt comes back.
import { ConversationState, TeamsActivityHandler, TurnContext, UserState, type InvokeResponse, type StatePropertyAccessor } from 'botbuilder';
import type { DialogContext, DialogState } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from './dialogsRuntime.ts';
import type { AnsweringEngine } from '../answering/engine.ts';
import type { Clock } from '../clock.ts';
import type { DialogueMemory, Reply, Understood } from '../conversation/types.ts';
import { isUnanswered } from '../conversation/unanswered.ts';
import { welcomeReply } from '../conversation/welcome.ts';
import { isIanaZone } from '../understanding/zonedTime.ts';
import type { EventData } from '../event/schema.ts';
import type { Logger } from '../logger.ts';
import { isStorageUnavailable } from '../storage/keyValueStore.ts';
import type { BotFeature, BotTurn, CommandHandler } from './feature.ts';
import { toActivity } from './toActivity.ts';
import type { UserProfile } from './userProfile.ts';
import { DEFAULT_LANGUAGE, isLanguage, languageOfLocale, languageOfTurn, say, sayList, type Language } from '../language/index.ts';

/** Where the router leaves the turn's Understood (turnState), for dialogs. */
export const UNDERSTOOD_KEY = Symbol.for('eventBot.understood');
/** Where the router leaves the turn's language ('en' | 'fr', src/language), for dialogs and features. */
export const LANGUAGE_KEY = Symbol.for('eventBot.language');

/** Longest text the engine reads: enough for any question, and a 300 kB paste stays cheap. */
const MAX_TEXT = 1000;

export interface EventBotDeps {
  event: EventData;
  engine: AnsweringEngine;
  clock: Clock;
  conversationState: ConversationState;
  userState: UserState;
  features: BotFeature[];
  log: Logger;
  /** Keeps a question the bot could not answer (outside any dialog) for the organisers; absent when that is off. */
  onUnanswered?: (text: string) => Promise<unknown>;
}

export class EventBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly memory: StatePropertyAccessor<DialogueMemory>;
  private readonly profile: StatePropertyAccessor<UserProfile>;
  private readonly dialogs: DialogSet;
  private readonly commands = new Map<string, CommandHandler>();

  constructor(private readonly deps: EventBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty('dialogState');
    this.memory = deps.conversationState.createProperty('memory');
    this.profile = deps.userState.createProperty('profile');
    this.dialogs = new DialogSet(this.dialogState);
    for (const feature of deps.features) {
      feature.dialogs?.forEach((d) => this.dialogs.add(d));
      for (const [intent, handler] of Object.entries(feature.commands ?? {})) this.commands.set(intent, handler!);
    }

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      // The greeting in the channel's language (Web Chat's locale on the event page, a Teams client's).
      if (others.length) await context.sendActivity(toActivity(welcomeReply(deps.event, deps.clock.now(), languageOfLocale(context.activity.locale) ?? DEFAULT_LANGUAGE), context.activity));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await context.sendActivity(toActivity(welcomeReply(deps.event, deps.clock.now(), languageOfLocale(context.activity.locale) ?? DEFAULT_LANGUAGE), context.activity));
      await next();
    });
  }

  // The SDK answers invokes it does not know with 501; for a client that is not a server fault, so say 200
  // with nothing done (Teams treats that as handled) rather than a 5xx.
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    return response.status === 501 ? { status: 200, body: {} } : response;
  }

  override async run(context: TurnContext): Promise<void> {
    try {
      await Promise.all([this.deps.conversationState.load(context), this.deps.userState.load(context)]);
    } catch (err) {
      if (!isStorageUnavailable(err)) throw err;
      this.deps.log.warn({ conversationId: context.activity.conversation?.id }, 'storage unavailable: answering without state');
      return this.runWithoutStorage(context);
    }
    const profile = await this.profile.get(context, {});
    const timeZone = this.timeZoneOf(context, profile);
    for (const feature of this.deps.features) {
      try {
        await feature.onActivity?.(context, profile, timeZone);
      } catch (err) {
        // Bookkeeping (e.g. the conversation reference) must not cost the user their answer.
        this.deps.log.warn({ err: (err as Error).message, conversationId: context.activity.conversation?.id }, 'per-turn hook failed');
      }
    }
    await super.run(context);
    try {
      await this.deps.conversationState.saveChanges(context);
      await this.deps.userState.saveChanges(context);
    } catch (err) {
      if (!isStorageUnavailable(err)) throw err;
      // The answer is already out; only a dialog in progress loses something, so only then say so.
      const dialogState = await this.dialogState.get(context);
      if (dialogState?.dialogStack?.length) await context.sendActivity(STORAGE_APOLOGY);
      this.deps.log.warn({ conversationId: context.activity.conversation?.id }, 'storage unavailable: turn state not saved');
    }
  }

  /** Storage is down: questions are still answered from the event data; anything that needs storage apologises. */
  private async runWithoutStorage(context: TurnContext) {
    if (context.activity.type !== 'message') return;
    const text = messageText(context);
    const understood = this.deps.engine.understand({ text, now: this.deps.clock.now(), memory: {}, userTimeZone: this.timeZoneOf(context, {}) });
    if (understood.command || !understood.reply) await context.sendActivity(STORAGE_APOLOGY);
    else await context.sendActivity(toActivity(understood.reply, context.activity));
  }

  private timeZoneOf(context: TurnContext, profile: UserProfile): string | undefined {
    if (profile.timeZone) return profile.timeZone;
    // Web Chat sends activity.localTimezone; Teams sends a clientInfo entity with the user's IANA zone.
    const clientInfo = context.activity.entities?.find((e) => e.type === 'clientInfo') as { timezone?: unknown } | undefined;
    const fromChannel = context.activity.localTimezone ?? clientInfo?.timezone;
    return typeof fromChannel === 'string' && isIanaZone(fromChannel) ? fromChannel : undefined;
  }

  private async handleMessage(context: TurnContext) {
    const text = messageText(context);
    const profile = await this.profile.get(context, {});
    const memory = await this.memory.get(context, {});
    // A DialogContext (with its memory scopes) is built only when a dialog is running or a command starts one:
    // a plain question needs neither, and leaves the conversation state's dialogState untouched.
    const dialogActive = Boolean((await this.dialogState.get(context))?.dialogStack?.length);
    let dcPromise: Promise<DialogContext> | undefined;
    const dialogs = () => (dcPromise ??= this.dialogs.createContext(context));
    if (!text) {
      // Attachments or an empty card submit: let a running dialog re-ask, else explain.
      if (dialogActive) await (await dialogs()).repromptDialog();
      else await context.sendActivity('I can only read text messages. Try asking "what is on day 1?".');
      return;
    }

    // The turn's language: asked for, else written in, else the user's so far, else the channel's locale.
    const choice = languageOfTurn(text, { remembered: isLanguage(profile.language) ? profile.language : undefined, locale: context.activity.locale });
    const language: Language = choice.language;
    // An answer inside a dialog (a name, "ITU", an English organisation name) says which language it is written in,
    // not which one the attendee speaks: only a request to switch changes the conversation's language then.
    const previousLanguage = isLanguage(profile.language) ? profile.language : undefined;
    if (profile.language !== language) profile.language = language;
    context.turnState.set(LANGUAGE_KEY, language);
    if (choice.switched) {
      this.deps.log.info({ language, why: choice.why }, 'language switched');
      // (what is sent later — reminders, digests, announcements — follows the attendee's choice too)
      for (const feature of this.deps.features) {
        try {
          await feature.onLanguageChosen?.(context, language);
        } catch (err) {
          this.deps.log.warn({ err: (err as Error).message, conversationId: context.activity.conversation?.id }, 'language hook failed');
        }
      }
      await context.sendActivity(toActivity({ text: say(language, 'language.switched'), suggestions: sayList(language, 'language.suggestions') }, context.activity, language));
      if (dialogActive) await (await dialogs()).repromptDialog();
      return;
    }

    const understood = this.deps.engine.understand({
      text,
      now: this.deps.clock.now(),
      memory,
      userTimeZone: this.timeZoneOf(context, profile),
      language,
    });
    // How it was understood, for tuning and the organisers: ids and a score, never the text.
    if (understood.understanding) {
      const { intent, score, lowConfidence, source } = understood.understanding;
      this.deps.log.info({ intent, score: Math.round(score * 1000) / 1000, lowConfidence, source, language }, 'understood');
    }
    await this.memory.set(context, understood.memory);
    if (understood.rememberTimeZone) profile.timeZone = understood.rememberTimeZone;
    context.turnState.set(UNDERSTOOD_KEY, understood); // lets a running dialog see a command typed at its prompt

    const send = async (reply: Reply) => {
      await context.sendActivity(toActivity(reply, context.activity, language));
    };
    const turn: BotTurn = { context, dialogs, understood, profile, timeZone: this.timeZoneOf(context, profile), language, send };

    if (dialogActive) {
      const dc = await dialogs();
      if (understood.command?.intent === 'cancel') {
        await dc.cancelAllDialogs();
        await send({ text: say(language, 'regd.stopped.any'), suggestions: [say(language, 'regd.s.register'), say(language, 'regd.s.help')] });
        return;
      }
      if (isInterruption(text, understood)) {
        if (understood.reply) await send(understood.reply);
        await dc.repromptDialog();
        return;
      }
      if (choice.why === 'detected' && previousLanguage) {
        profile.language = previousLanguage;
        context.turnState.set(LANGUAGE_KEY, previousLanguage);
      }
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }

    // "cancel" with nothing under way: say so, and what can be cancelled, rather than a hollow "OK, cancelled".
    if (understood.command?.intent === 'cancel') return send(NOTHING_TO_CANCEL);
    const handler = understood.command && this.commands.get(understood.command.intent);
    if (handler) {
      if (understood.preface) await send(understood.preface);
      return handler(turn);
    }
    if (understood.reply) {
      await send(understood.reply);
      if (isUnanswered(understood)) await this.noteUnanswered(context, text);
      return;
    }
    await send({ text: "Sorry, I didn't catch that. Try asking about the agenda, a session, a speaker or the reports.", suggestions: ['Help'] });
  }

  private async noteUnanswered(context: TurnContext, text: string) {
    try {
      await this.deps.onUnanswered?.(text);
    } catch (err) {
      this.deps.log.warn({ err: (err as Error).message, conversationId: context.activity.conversation?.id }, 'could not keep an unanswered question');
    }
  }
}

const NOTHING_TO_CANCEL: Reply = {
  text: "There's nothing under way to cancel. To stop reminders, say **stop reminders**; to cancel your registration, say **cancel my registration**.",
  suggestions: ['Stop reminders', 'Help'],
};

export const STORAGE_APOLOGY =
  "Sorry, I can't reach my storage right now, so I can't register you or look up your details. Questions about the event still work; please try the rest again in a minute.";

/** The message's text: the typed text without an @mention, or a card button's submitted text. */
export function messageText(context: TurnContext): string {
  const activity = context.activity;
  let text = typeof activity.text === 'string' ? activity.text : '';
  if (text && activity.entities?.some((e) => e.type === 'mention')) text = TurnContext.removeRecipientMention(activity) ?? text;
  if (!text.trim() && activity.value && typeof activity.value === 'object') {
    const v = activity.value as Record<string, unknown>;
    const submitted = [v.text, v.ask, v.question, v.query, (v.msteams as Record<string, unknown> | undefined)?.value].find((x) => typeof x === 'string');
    if (typeof submitted === 'string') text = submitted;
  }
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').trim().slice(0, MAX_TEXT);
}

const QUESTION_START = /^(who|whom|whose|what|when|where|which|why|how|is|are|was|will|can|could|do|does|did|tell me|show me|list|give me)\b/i;

/** Inside a dialog, text is an answer to the prompt unless it is plainly a question the engine can answer, or help. */
function isInterruption(text: string, understood: Understood): boolean {
  if (understood.intent === 'help') return true;
  if (understood.command) return false;
  if (!understood.reply || !understood.isEventQuestion) return false;
  return text.trim().endsWith('?') || QUESTION_START.test(text.trim());
}
