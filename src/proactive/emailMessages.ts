// Reminders, digests and announcements as e-mail: the chat's words in plain text, a subject that says what
// it is, and the unsubscribe link in the body and in List-Unsubscribe (RFC 2369 / RFC 8058 one-click).
import type { Reply } from '../conversation/types.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { OccurrenceKind } from './schedule.ts';
import { DEFAULT_LANGUAGE, type Language } from '../language/languages.ts';
import { say } from '../language/messages.ts';

/** Light markdown (bold, escapes) to plain text. */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/** At most `max` characters, cut at a word with an ellipsis. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** `language`: the attendee's (the reply is already in it; the subject and footer follow); `eventTitle` in that language. */
export function reminderEmail(to: string, kind: OccurrenceKind, reply: Reply, opts: { eventTitle: string; unsubscribeUrl: string; reference: string; language?: Language }): MailMessage {
  const language = opts.language ?? DEFAULT_LANGUAGE;
  const title = opts.eventTitle;
  const body = plainText(reply.text);
  const firstLine = body.split('\n').find((l) => l.trim())?.replace(/^[^\p{L}\p{N}]+/u, '') ?? title;
  const subject =
    kind === 'announcement' ? say(language, 'rem.mail.announcement', { title })
    : kind === 'digest' ? say(language, 'rem.mail.digest', { title })
    : say(language, 'rem.mail.reminder', { line: shorten(firstLine, 160), title });
  return {
    to,
    subject,
    text: [body, '', '--', say(language, 'rem.mail.footer', { title, ref: opts.reference, url: opts.unsubscribeUrl })].join('\n'),
    headers: { 'List-Unsubscribe': `<${opts.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
  };
}
