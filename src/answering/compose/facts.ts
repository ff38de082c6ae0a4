// Answers about the event as a whole: dates, format, how to attend, registration, organisers,
// contact, event page, audience, objectives.
import { DateTime } from 'luxon';
import type { DetailKind, FactKind } from '../../understanding/intents.ts';
import type { QuestionSlots } from '../../understanding/slots.ts';
import type { AnswerContext } from '../context.ts';
import { duration } from '../timeFormat.ts';
import { offsetLabel, zoned } from '../../understanding/zonedTime.ts';
import type { Answer } from './types.ts';
import { titleInSentence } from './sessions.ts';
import { botRegistersNow, joinDetailsOffered } from '../../event/lifecycle.ts';
import { whenLabel } from '../../conversation/registrationText.ts';
import { wallClock } from '../../language/dateTime.ts';

export function organiserNames(ctx: AnswerContext): string {
  // (each in running text: in French with its article, "l'Union internationale des télécommunications (UIT)")
  return ctx.event.organisers.map((o) => ctx.inText(o.shortName ? `${o.name} (${o.shortName})` : o.name)).join(ctx.say('word.and'));
}

export function datesLine(ctx: AnswerContext): string {
  const { agenda } = ctx;
  const n = agenda.days.length;
  const days = agenda.days.map((d) => `${ctx.dayLabel(d)}${ctx.language === 'fr' ? '\u00a0:' : ':'} ${ctx.span(d.startsAt, d.endsAt)}`);
  return `${ctx.say('facts.datesLine', { title: ctx.event.title, days: n === 1 ? ctx.say('facts.days.one') : ctx.say('facts.days.many', { n }) })}\n${days.join('\n')}`;
}

function eventState(ctx: AnswerContext): string {
  const { agenda, now } = ctx;
  if (now > +agenda.endsAt) return `\n${ctx.say('facts.ended')}`;
  if (now >= +agenda.startsAt) return `\n${ctx.say('facts.running')}`;
  return '';
}

export function composeFact(ctx: AnswerContext, fact: FactKind, slots: QuestionSlots, placeAsked?: string): Answer {
  const e = ctx.event;
  const reg = e.registration;
  const regLine = ctx.registrationLine();
  // The announcement's note on registration, only where it agrees with the route (it may name another page).
  const regNote = registrationNote(ctx);
  const say = (text: string, suggestions: string[]) => ({ reply: { text, suggestions: suggestions.filter(Boolean) } });
  const registerMe = botRegistersNow(ctx.lifecycle) ? ctx.say('s.registerMe') : '';
  const howJoin = joinDetailsOffered(ctx.lifecycle) ? ctx.say('s.howJoin') : '';
  const s = (id: string, vars?: Record<string, string | number>) => ctx.say(id, vars);
  switch (fact) {
    case 'dates': {
      const checked = datesChecked(ctx, slots);
      if (checked) return say(`${checked}\n${datesLine(ctx)}${eventState(ctx)}`, [s('s.showAgenda'), s('s.isVirtual')]);
      if (slots.asksLength) {
        const total = ctx.agenda.days.reduce((m, d) => m + (+d.endsAt - +d.startsAt) / 60_000, 0);
        return say(`${s('facts.lasts', { title: e.title, days: ctx.agenda.days.length === 1 ? s('facts.days.one') : s('facts.days.many', { n: ctx.agenda.days.length }), duration: ctx.duration(Math.round(total)) })}\n${datesLine(ctx)}`, [s('s.showAgenda'), s('s.timeZone')]);
      }
      if (slots.edge.start && !slots.edge.end) {
        const d = ctx.agenda.days[0];
        // "what day of the week does it start on?": the weekday spelt out.
        const weekday = slots.asksWeekday ? `${d.startsAt.setZone(e.timeZone).setLocale(ctx.language === 'fr' ? 'fr' : 'en-GB').toFormat('cccc')}, ` : '';
        return say(`${s('facts.starts', { title: e.title, weekday, day: ctx.dayLabel(d), time: ctx.span(d.startsAt) })}\n${datesLine(ctx)}${eventState(ctx)}`, [s('s.showAgenda'), s('s.speakers')]);
      }
      if (slots.edge.end) {
        const d = ctx.agenda.days[ctx.agenda.days.length - 1];
        return say(`${s('facts.ends', { title: e.title, day: ctx.dayLabel(d), time: ctx.span(d.endsAt) })}\n${datesLine(ctx)}${eventState(ctx)}`, [s('s.showAgenda')]);
      }
      // The days are a list: "what's on the second one?"
      const listed = ctx.agenda.days.length > 1 ? { kind: 'day' as const, ids: ctx.agenda.days.map((d) => String(d.day)) } : ctx.memory.listed;
      return { ...say(`${datesLine(ctx)}${eventState(ctx)}`, [s('s.showAgenda'), s('s.isVirtual'), s('s.timeZone')]), memory: { ...ctx.memory, listed } };
    }
    case 'format':
    case 'attend': {
      const where = e.location ? s('facts.location', { location: e.location }) : '';
      // (in another language the label is the event's own translated words: "entièrement virtuel")
      const label = e.formatLabel.toLowerCase().includes(e.format) || ctx.language !== 'en' ? e.formatLabel[0].toLowerCase() + e.formatLabel.slice(1) : `${e.format} (${e.formatLabel})`;
      // "is the clinic in Nairobi?": the place named, checked against where it is held
      const place = placeAsked && slots.checks ? s(e.format === 'virtual' ? 'verdict.noDash' : e.location && e.location.toLowerCase().includes(placeAsked.toLowerCase()) ? 'verdict.yesDash' : 'verdict.noDash') : '';
      const head = `${s('facts.format', { verdict: place, title: e.title, label, where })}\n${datesLine(ctx)}`;
      const how = fact === 'attend' || e.format !== 'in-person' ? `\n${regLine}.\n${regNote ?? s('facts.detailsOnPage', { url: e.eventPage })}` : '';
      return say(`${head}${how}`, [registerMe, howJoin, s('s.showAgenda')]);
    }
    case 'signatory': {
      const signed = e.signedBy;
      if (!signed) return say(s('facts.signatoryUnknown', { title: e.title, contact: e.contact.name, email: e.contact.email }), [s('s.contact'), s('s.whoOrganises')]);
      const speaks = e.speakers.some((x) => x.name === signed.name);
      const notSpeaker = speaks ? '' : s('facts.signatoryNotSpeaker', { name: signed.name });
      return say(s('facts.signedBy', { name: signed.name, role: signed.title, title: e.title, source: e.source ? ` — ${e.source}` : '', notSpeaker }), [s('s.speakers'), s('s.whoOrganises')]);
    }
    case 'clock-change': {
      // Each day's offset in the event's zone: a change between (or on) the days shows as different offsets.
      const offsets = ctx.agenda.days.map((d) => ({ d, start: zoned(+d.startsAt, e.timeZone).offset, end: zoned(+d.endsAt, e.timeZone).offset }));
      const all = new Set(offsets.flatMap((o) => [o.start, o.end]));
      if (all.size === 1) return say(s('clockChange.none', { zone: e.timeZone, offset: offsetLabel([...all][0]), title: e.title }), [s('clockChange.s.zone')]);
      const lines = offsets.map((o) => s('clockChange.line', { day: ctx.dayLabel(o.d), offsets: `${offsetLabel(o.start)}${o.end !== o.start ? ` → ${offsetLabel(o.end)}` : ''}` }));
      return say(s('clockChange.some', { zone: e.timeZone, title: e.title, lines: lines.join('\n') }), [s('clockChange.s.zone'), s('s.showAgenda')]);
    }
    case 'source':
      return say(
        e.source
          ? s('facts.source', { title: e.title, source: e.source, signed: e.signedBy ? s('facts.sourceSigned', { name: e.signedBy.name, role: e.signedBy.title }) : '' })
          : s('facts.sourceUnknown', { title: e.title, url: e.eventPage }),
        [s('s.whoOrganises'), s('s.showAgenda')],
      );
    case 'programme-status': {
      const page = s('facts.latestOnPage', { url: e.eventPage });
      if (e.programmeStatus === 'draft') return say(s('facts.programmeDraft', { title: e.title, page }), [s('s.showAgenda'), s('s.remindAll')]);
      if (e.programmeStatus === 'final') return say(s('facts.programmeFinal', { title: e.title, page }), [s('s.showAgenda')]);
      return say(s('facts.programmeUnknown', { title: e.title, page }), [s('s.showAgenda')]);
    }
    case 'registration': {
      // "registration is optional, right?": the premise corrected first
      const wrong = reg.mandatory ? slots.premise.claimsOptional : slots.premise.claimsMandatory;
      const body = s('facts.regBody', { verdict: wrong ? s('verdict.noDash') : '', reg: regLine, note: regNote ? `\n${regNote}` : '', url: e.eventPage });
      return say(body, [registerMe, ctx.lifecycle.route.via === 'bot' ? s('s.amIRegistered') : '', howJoin, ctx.lifecycle.phase === 'ended' ? s('s.showReports') : '']);
    }
    case 'organisers': {
      const links = e.organisers.filter((o) => o.url).map((o) => ctx.say('facts.orgLink', { org: o.shortName ?? o.name, url: o.url! }));
      return say(`${s('facts.organisers', { title: e.title, names: organiserNames(ctx) })}${links.length ? `\n${links.join('\n')}` : ''}`, [s('s.speakers'), s('s.contactPerson')]);
    }
    case 'contact': {
      const c = e.contact;
      // The contact may also be a speaker: said, and "and is he speaking?" is then about them.
      const asSpeaker = e.speakers.find((sp) => sp.name === c.name);
      const talks = asSpeaker ? ctx.agenda.sessionsOfSpeaker(asSpeaker.id).map((x) => `${titleInSentence(x.title)} (${ctx.sessionWhen(x)})`) : [];
      const alsoSpeaks = talks.length ? `\n${s('facts.contactAlsoSpeaker', { name: c.name, talks: talks.join(ctx.semicolon) })}` : '';
      const verdict = slots.asksIfSpeaks ? (talks.length ? 'Yes — ' : 'No — ') : '';
      const reach = `${c.email}${c.phone ? s('speaker.phone', { phone: c.phone }) : ''}${c.fax ? s('facts.fax', { fax: c.fax }) : ''}`;
      const text = verdict
        ? `${verdict}the contact person, ${c.name}, ${talks.length ? `is also a speaker: ${talks.join(ctx.semicolon)}` : 'is not among the speakers'}.\nContact: ${reach}.`
        : `${s('facts.contact', { name: c.name, reach })}${alsoSpeaks}`;
      return { reply: { text, suggestions: [s('s.eventPage'), s('s.organisers')] }, memory: asSpeaker ? { ...ctx.memory, speakerId: asSpeaker.id } : undefined };
    }
    case 'privacy': {
      // The same promise the registration's consent step makes, and how to act on it.
      const orgs = e.organisers.map((o) => o.shortName ?? o.name).join(' and ');
      return say(
        `When you register, I store the details you give (name, e-mail, organisation, country, category and reminder choice) for ${e.title} only: the e-mail identifies your registration (one per address), and ${orgs} use the details to run the event and send the reminders you ask for. Nothing is shared with anyone else. This chat also remembers, for up to two weeks, what was discussed last (your last question included) so that follow-ups like "when does he speak?" work; nothing you type is written to the logs. Say "show my registration" to see what is kept and "cancel my registration" to delete it.`,
        ['Show my registration', 'Register me'],
      );
    }
    case 'page':
      return say(`${s('facts.page', { url: e.eventPage })}${regNote ? `\n${regNote}` : ''}`, [s('s.registrationRequired'), s('s.showAgenda')]);
    case 'audience': {
      const groups = e.audience.groups.join(', ');
      return say(`${e.audience.description}\n${s('facts.audienceGroups', { groups })}`, [s('s.objectives'), registerMe]);
    }
    case 'name': {
      const sub = e.subtitle ? ` — “${e.subtitle}”` : '';
      return say(s('facts.name', { title: e.title, sub }), [s('s.whatAbout'), s('s.whenIsIt'), s('s.showAgenda')]);
    }
    case 'objectives': {
      const text = `${e.title}${e.subtitle ? ` — ${e.subtitle}` : ''}.\n${e.objectives.join('\n')}`;
      return { reply: { text, suggestions: [s('s.showAgenda'), s('s.whoFor')] } };
    }
  }
}

/** "DFS stands for Digital Financial Services": the spelling-out the event's own text gives. */
export function composeAcronym(ctx: AnswerContext, word: string, expansion?: string): Answer {
  const w = word.toLowerCase();
  const sessions = ctx.agenda.sessions.filter((s) => [s.title, ...s.keywords, ...s.speakers.map((x) => x.talkTitle ?? '')].some((x) => new RegExp(`\\b${w}\\b`, 'i').test(x)));
  const lines = [expansion ? ctx.say('acronym.standsFor', { word, expansion }) : ctx.say('acronym.unknown', { word })];
  const org = ctx.event.organisers.find((o) => o.shortName?.toLowerCase() === w);
  if (org) lines.push(ctx.say('acronym.organiser', { name: org.name, short: org.shortName!, title: ctx.event.title }));
  if (w === ctx.event.timeZoneLabel.toLowerCase()) lines.push(ctx.say('acronym.zone', { label: ctx.event.timeZoneLabel, zone: ctx.event.timeZone }));
  if (sessions.length && sessions.length <= 2) lines.push(ctx.say('acronym.covered', { list: sessions.slice(0, 3).map((s) => `${s.title} (${ctx.sessionWhen(s)})`).join(ctx.semicolon) }));
  return { reply: { text: lines.join('\n'), suggestions: [ctx.say('s.eventAbout'), ctx.say('s.showAgenda')] } };
}

// What each detail is called (locales: detail.<kind>) is worded so that the reply never reads as a promise ("… will be recorded").

/** A practical detail: the event data's own answer when it has one, else plainly that it is not given, and where to ask. */
export function composeDetail(ctx: AnswerContext, detail: DetailKind, slots?: QuestionSlots): Answer {
  const e = ctx.event;
  const reg = e.registration;
  const lc = ctx.lifecycle;
  const regLine = ctx.registrationLine();
  // "is it too late to register?" with no deadline announced: not too late while the event has not ended
  const noDeadline = detail === 'deadline' && !lc.deadlineGiven && lc.registration === 'open' && slots?.stillTime ? `${regLine}.` : undefined;
  const known = detail === 'fee' ? reg.fee : detail === 'deadline' ? (deadlineState(ctx, reg.deadline) ?? noDeadline) : undefined;
  const ask = ctx.say('detail.ask', { url: e.eventPage, email: e.contact.email });
  const aboutRegistration = detail === 'fee' || detail === 'deadline';
  // At a virtual event, on-site questions (food, wi-fi, clothes) have a plainer answer than "not mentioned".
  const onSite = (detail === 'catering' || detail === 'wifi' || detail === 'dress' || detail === 'parking' || detail === 'accommodation' || detail === 'bandwidth') && e.format === 'virtual' ? ctx.say('detail.virtual', { title: e.title, format: e.formatLabel.toLowerCase() }) : '';
  const text = known
    ? `${known}${known.endsWith(`${regLine}.`) ? '' : `\n${regLine}.`}`
    : `${ctx.say('detail.notMentioned', { title: e.title, what: ctx.say(`detail.${detail}`) })}${onSite}${aboutRegistration ? `\n${regLine}.` : ''}\n${ask}`;
  const registerMe = botRegistersNow(lc) ? 's.registerMe' : 's.showAgenda';
  const suggestions = (detail === 'recording' || detail === 'slides' ? ['s.showReports', 's.showAgenda'] : aboutRegistration ? [registerMe, 's.contact'] : ['s.contact', 's.showAgenda']).map((id) => ctx.say(id));
  return { reply: { text, suggestions } };
}

/**
 * The deadline as the event states it, with where registration stands by the bot's clock (src/event/lifecycle.ts):
 * closed, or open with the days left; undefined when the file gives no deadline and registration is open.
 */
function deadlineState(ctx: AnswerContext, deadline: string | undefined): string | undefined {
  const lc = ctx.lifecycle;
  if (lc.registration !== 'open') return `${ctx.registrationLine()}.`;
  if (!lc.deadlineGiven) return deadline;
  const left = Math.floor((+lc.closesAt - ctx.now) / 86_400_000);
  const open = ctx.say('reg.open.until', {
    date: whenLabel(ctx.event, lc.closesAt, ctx.language),
    left: left >= 2 || left === 1 ? ctx.say(left === 1 ? 'reg.open.daysLeft.one' : 'reg.open.daysLeft.many', { n: left }) : ctx.say('reg.open.lastDay'),
  });
  return deadline ? `${deadline} ${open}` : open;
}

/** The announcement's own note on registration, where it cannot contradict the route (the file names that page). */
function registrationNote(ctx: AnswerContext): string | undefined {
  return ctx.lifecycle.route.via === 'page' && ctx.lifecycle.registration === 'open' ? ctx.event.registration.note : undefined;
}

/** "it runs for three days, doesn't it?", "is it in April?": a yes or no against the event's days, when the question states one. */
function datesChecked(ctx: AnswerContext, slots: QuestionSlots): string | undefined {
  const days = ctx.agenda.days;
  const { days: n, month } = slots.premise;
  if (n === undefined && !month) return undefined;
  const months = new Set(days.map((d) => zoned(+d.startsAt, ctx.event.timeZone).longDate.split(' ')[2].toLowerCase()));
  const wrongDays = n !== undefined ? n !== days.length : false;
  const wrongMonth = month ? !months.has(month) : false;
  const count = days.length === 1 ? ctx.say('dates.count1') : ctx.say('dates.countN', { n: days.length });
  // (the months as the reply's language names them: "March" / "mars")
  const named = [...new Set(days.map((d) => wallClock(+d.startsAt, ctx.event.timeZone, ctx.language).longDate.split(' ').at(-2)!))];
  const shown = ctx.language === 'en' ? named.map((m) => m[0].toUpperCase() + m.slice(1)) : named;
  return wrongDays || wrongMonth ? ctx.say('dates.wrong', { title: ctx.event.title, count, months: shown.join(ctx.say('word.and')) }) : ctx.say('dates.right', { title: ctx.event.title, count });
}
