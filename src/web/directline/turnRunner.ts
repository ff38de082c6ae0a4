// How the built-in Direct Line hands an activity to the bot: one call per turn. The Bot Framework side (adapter,
// authentication, the bot) lives in src/bot/directLineTurns.ts, so this folder imports nothing from botbuilder.
export interface TurnRunner {
  /** Runs the bot's turn for one incoming activity; replies come back through the connector routes. */
  run(activity: Record<string, unknown>): Promise<void>;
}
