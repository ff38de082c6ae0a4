// What attendees are told about the questions the bot keeps, in the registration dialog's privacy notice and on
// the event page: one sentence, so both say the same, and say nothing is kept when that is switched off.

/** `retentionDays` undefined: unanswered questions are not kept (UNANSWERED_QUESTIONS=off). */
export function unansweredPrivacyNote(retentionDays: number | undefined): string {
  if (retentionDays === undefined) return 'The text of your questions is not saved.';
  return (
    `Questions I can't answer are kept for ${retentionDays} days as text only, without your name or any id and with e-mail addresses and numbers masked, ` +
    'so the organisers can add the answers; nothing else you ask is saved.'
  );
}
