// Reminders, digests and announcements as e-mail: the chat's words in plain text, a subject that says what
// it is, and the unsubscribe link in the body and in List-Unsubscribe (RFC 2369 / RFC 8058 one-click).
import type { Reply } from '../conversation/types.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { OccurrenceKind } from './schedule.ts';

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

export function reminderEmail(to: string, kind: OccurrenceKind, reply: Reply, opts: { eventTitle: string; unsubscribeUrl: string; reference: string }): MailMessage {
  const body = plainText(reply.text);
  const firstLine = body.split('\n').find((l) => l.trim())?.replace(/^[^\p{L}\p{N}]+/u, '') ?? opts.eventTitle;
  const subject =
    kind === 'announcement' ? `Announcement: ${opts.eventTitle}` : kind === 'digest' ? `Your sessions today: ${opts.eventTitle}` : `${shorten(firstLine, 160)} (${opts.eventTitle})`;
  return {
    to,
    subject,
    text: [
      body,
      '',
      '--',
      `You get this because you registered for ${opts.eventTitle} (reference ${opts.reference}) and reminders by e-mail are on.`,
      `Stop these e-mails: ${opts.unsubscribeUrl}`,
      'Or say "stop e-mails" to the event assistant in the chat.',
    ].join('\n'),
    headers: { 'List-Unsubscribe': `<${opts.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
  };
}
