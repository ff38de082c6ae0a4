// How capabilities (registration, reminders, …) plug into the bot without the router knowing them:
// each brings its dialogs, the commands it handles, and an optional per-turn hook.
import type { TurnContext } from 'botbuilder';
import type { Dialog, DialogContext } from 'botbuilder-dialogs';
import type { CommandIntent, Reply, Understood } from '../conversation/types.ts';
import type { UserProfile } from './userProfile.ts';
import type { Language } from '../language/languages.ts';

export interface BotTurn {
  context: TurnContext;
  /** The turn's dialog context, built on first use (most turns are questions and never need one). */
  dialogs(): Promise<DialogContext>;
  understood: Understood;
  profile: UserProfile;
  /** The attendee's zone: remembered, else what the channel sent. */
  timeZone?: string;
  /** The turn's language (src/language): what the reply is written in. */
  language: Language;
  send(reply: Reply): Promise<void>;
}

export type CommandHandler = (turn: BotTurn) => Promise<void>;

export interface BotFeature {
  dialogs?: Dialog[];
  commands?: Partial<Record<CommandIntent, CommandHandler>>;
  /** Runs on every incoming activity before routing (e.g. to keep the conversation reference). */
  onActivity?(context: TurnContext, profile: UserProfile, timeZone: string | undefined): Promise<void>;
  /** The attendee asked to be spoken to in `language` ("in English please", "en français svp"). */
  onLanguageChosen?(context: TurnContext, language: Language): Promise<void>;
}
