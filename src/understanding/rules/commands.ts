// Requests for the router to act on (register, remind, cancel, update, join…), rather than questions to answer.
import type { CommandIntent } from '../../conversation/types.ts';
import type { Decision, Resolved } from '../decision.ts';
import type { Question } from './question.ts';
import { has } from './words.ts';
import { isCancelRequest } from '../cancel.ts';
import { emailAddressesIn } from '../emailAddresses.ts';

export function command({ n, t, r }: Question): Decision | undefined {
  return decideCommand(t, n.raw, r);
}

function decideCommand(t: string, raw: string, r: Resolved): Decision | undefined {
  const c = (command: CommandIntent, extra: Partial<Extract<Decision, { intent: 'command' }>> = {}): Decision => ({ intent: 'command', command, ...extra });
  if (isCancelRequest(raw)) return c('cancel');
  // "remind me about day 2" / "don't remind me about the SS7 session": the same target, either way round.
  // A speaker stands for their sessions; a break is passed on as asked (the reminders say breaks get none).
  const target = (): Partial<Extract<Decision, { intent: 'command' }>> => {
    const sessions = r.sessions.filter((s) => s.kind !== 'break');
    if (sessions.length) return { sessions: sessions.slice(0, 1) };
    if (r.speakers.length && r.speakerSessions.length) return { sessions: r.speakerSessions };
    if (r.entities.day?.day) return { day: r.entities.day.day };
    if (r.sessions.length) return { sessions: r.sessions.slice(0, 1) };
    // "remind me about the blockchain session": something was named, but nothing in the programme
    if (has(/\b(about|for|of)\b (?!(all|every|each|everything|them|it|sessions|the sessions|all sessions)\b)\w+/, t)) return { field: 'unknown' };
    return {};
  };
  // "can I add it to my calendar?", "send me an invite": the calendar files
  if (has(/\b(calendar|outlook|google calendar|ical|ics|calendar invite|meeting invite|invitation file)\b|\bsend (me )?(an? )?(invite|invitation)\b/, t) && !has(/\b(what|which) (day|date)\b/, t)) return c('calendar', target());
  // E-mail as a channel for reminders and announcements: "stop e-mails", "also send my reminders by e-mail".
  // (Not "change my e-mail to …", nor questions about the address itself.)
  if (has(/\b(e ?mails?|emailing|inbox)\b/, t) && !has(/\b(change|update|correct|edit|fix|modify|is my|my email is|my email address)\b/, t)) {
    if (has(/\b(stop|no more|dont|do not|unsubscribe|opt out|turn off|switch off|disable|mute|without)\b/, t)) return c('email-reminders', { field: 'off' });
    if (has(/\b(by|via|per|through|over|in|to) (my )?(email|inbox)\b|\bemail me\b|\b(start|resume|turn on|switch on|enable)\b.*\be ?mails?\b/, t) && has(/\b(reminders?|announcements?|updates|notifications?|send|also|too|as well|e ?mails)\b/, t))
      return c('email-reminders', { field: 'on' });
  }
  if (has(/\b(stop|cancel|disable|turn off|switch off|remove|delete|clear|no more|unsubscribe( from)?|opt out( of)?|mute)\b.*\breminders?\b|\b(do not|dont|stop) remind\w*\b|^(unsubscribe|opt out)( me)?( please)?$/, t)) return c('stop-reminders', target());
  if (has(/\b(which|what|list|show|see|view|my|any|have i)\b.*\breminders\b|\breminders (do i have|have i set|are set)\b|\bwhat (am i|will i be) reminded\b/, t)) return c('list-reminders');
  // ("remind me which days it is on" asks to be told again, now)
  if (has(/\bremind\w*\b|\breminder\b|\bnotify me\b|\balert me\b|\bping me\b|\bnotification\b/, t) && !has(/\bremind (me|us) (again )?(on |of |about )?(which|what|when|where|who|how|whether|if)\b/, t)) {
    // "remind me 1 hour before": the lead time is the event's, not each attendee's
    if (has(/\b\d+ ?(min|mins|minutes|hours?|hrs?|h)\b|\b(an|one|half an?) hour\b|\b(earlier|sooner|later) (reminders?|than)\b/, t)) return c('remind', { field: 'lead' });
    return c('remind', target());
  }
  if (has(/\b(cancel|withdraw|delete|remove|revoke|drop|erase|forget)\b.*\b(registration|booking|sign ?up|seat|place|spot|attendance)\b|\b(delete|erase|remove|forget) (all )?my (data|details|information|personal data|account)\b|\b(unregister|deregister|unenrol|unenroll|un register|de register)\b|\bno longer (attend|attending|able to attend|come|coming|participat\w*)\b|\bcannot (attend|make it|come) (any ?more|after all)\b/, t))
    return c('cancel-registration');
  const field = t.match(/\b(change|update|correct|edit|modify|fix|amend)\b.*?\b(email|e mail|name|organi[sz]ation|company|employer|country|phone|job title|title|role|category|registration|details)\b/);
  if (field) {
    const fieldName = normaliseField(field[2]);
    const value = valueAfter(raw, field[2]);
    return c('update-registration', fieldName === 'registration' || fieldName === 'details' ? {} : { field: fieldName, value });
  }
  if (has(/\bam i (still |already |actually |really )?(registered|signed up|booked|on the list|enrolled|in)\b|\b(did|has) my (registration|sign ?up|booking) (go through|work|succeed|complete|get saved)\b|\bis my (registration|sign ?up|booking) (confirmed|complete|done|ok|okay|valid|saved|active)\b|\b(what is|what s|whats|give me|send me) my (registration |booking )?(reference|ref|registration number|reference number|confirmation number)\b|\b(did|have) i (already )?(register|registered|sign up|signed up)\b|\b(show|check|view|see|display|confirm|what is|what are|review)\b.*\bmy (registration|booking|details|sign ?up)\b|^my registration|\bregistration (status|details)\b|\bstatus of my registration\b/, t))
    return c('registration-status');
  if (has(/\bhow (can|do|could|should|would|will|may) (i|we|one) (attend|participate|take part|follow|watch)\b/, t)) return undefined;
  const requirement = /\b(virtual|online|in person|physical\w*|remote\w*|if|how much|without|need|needed|required|require|requires|mandatory|necessary|must|compulsory|obligatory|free|cost|costs|fee|fees|deadline|link|page|where|url|close|closes|open|opens|have to|flights?|hotels?|taxi|cab|visa|rooms?|restaurant|table|car|train|accommodation|trip)\b/;
  if (
    !has(requirement, t) &&
    (has(/\b(sign me up|sign up|register me|enrol me|enroll me|book me|count me in|rsvp|save me a (seat|spot|place)|reserve (me )?a (seat|spot|place))\b/, t) ||
      has(/\b(i (want|would like|wish|d like|am keen|plan|intend) to|i will|let me|can i|could i|may i|please|i would love to) (register|attend|sign up|join the (event|clinic|webinar|forum|conference|workshop)|participate|enrol|enroll|take part)\b/, t) ||
      has(/^(register|registration please|sign up|i am in|i want in|please register)$/, t) ||
      has(/\bhow (do|can|could|should) i (register|sign up|enrol|enroll)\b|\bcan you (register|sign) me\b|\bregister (me |myself )?(for|to)\b|\bi want to register\b|\b(make|do|complete|start|process) (a |the |my )?registration (for me|please)\b|\bregistration for me\b/, t))
  )
    return c('register');
  // The event page is public; the connection details are not.
  const publicPage = has(/\b(page|web ?site|web ?page|home ?page|site)\b/, t) && !has(/\b(join|joining|connect|connection|meeting|zoom|teams|webex|dial|log ?in|login|stream|streaming|access)\b/, t);
  if (
    !publicPage &&
    has(/\bhow (do|can|could|will|should|would) (i|we) (join|connect|log ?in|access|get into|get in(?! touch)|enter|dial in|get the link)\b|^(and |so |ok )?can (i|we) join( it| this| that| in)?$/, t) ||
    has(/\b(join|joining|meeting|webinar|zoom|teams|webex|connection|dial in|access|login|log in|stream|streaming) (link|url|details|information|code|id|address|credentials|instructions)\b/, t) ||
    has(/\bremote (connection|access|participation)\b|\blink to (join|connect|get in|log ?in|the (meeting|webinar|call|stream|event|clinic))\b|\bwhere (do|can) i (join|connect|watch)\b|\b(join|connection) link\b/, t)
  )
    return c('join');
  return undefined;
}

function normaliseField(f: string): string {
  if (f === 'e mail' || f === 'email') return 'email';
  if (/^organi/.test(f) || f === 'company' || f === 'employer') return 'organisation';
  if (f === 'job title') return 'title';
  return f;
}

/** The new value as typed (case and punctuation kept): what follows "to" after the field's name. */
function valueAfter(raw: string, field: string): string | undefined {
  if (field === 'email' || field === 'e mail') {
    const email = emailAddressesIn(raw)[0];
    if (email) return email;
  }
  const at = raw.toLowerCase().search(new RegExp(field.replace(/^e ?mail$/, 'e-?mail').replace(' ', '[- ]?')));
  if (at < 0) return undefined;
  const m = raw.slice(at).match(/\s(?:to|is|as|=|:)\s*:?\s*(.+)$/i);
  return m ? m[1].trim().replace(/[.!]+$/, '') || undefined : undefined;
}
