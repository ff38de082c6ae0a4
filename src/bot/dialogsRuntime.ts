// The botbuilder-dialogs classes the bot runs, imported from their own modules rather than the package index.
// The index also loads every prompt (DateTimePrompt, ChoicePrompt, …) and through them the Microsoft
// recognizers-text suites: ~4.6 MB of the bundle and ~0.5 s of start-up CPU, for prompts this bot never uses
// (its prompts are dialogs/askPrompt.ts). Types can still come from 'botbuilder-dialogs' (erased at build).
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog.js';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog.js';
