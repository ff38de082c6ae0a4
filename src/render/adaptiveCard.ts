// A reply's content as an Adaptive Card 1.5 that Teams' card host and Web Chat both render: only TextBlock,
// ColumnSet/Column, Container, FactSet and Action.OpenUrl. Rows are ColumnSets (a fixed time column, then the
// item) rather than a Table, so a 390 px phone shows each row on its own without scrolling sideways.
import type { ContentRow, ContentSection, ReplyContent } from '../conversation/content.ts';
import { inert, plain } from './escape.ts';
import type { RendererStrings } from './strings.ts';

type Element = Record<string, unknown>;

export const CARD_VERSION = '1.5';
/** Wide enough for "10:00–11:15" at the default size, narrow enough to leave a phone most of the row. */
const TIME_COLUMN = '92px';
const MAX_LINKS = 4;

export function adaptiveCard(content: ReplyContent, strings: RendererStrings): Record<string, unknown> {
  const timed = content.sections.some((s) => s.rows?.some((r) => r.times?.length));
  const body: Element[] = [
    { type: 'TextBlock', text: plain(content.title), style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    ...(content.subtitle ? [{ type: 'TextBlock', text: plain(content.subtitle), isSubtle: true, wrap: true, spacing: 'None' }] : []),
    ...(timed && content.zones?.length ? [zoneHeader(content, strings)] : []),
    ...content.sections.flatMap((s, i) => section(s, i, content)),
    ...[zonesNote(content, strings), content.note].filter((n): n is string => !!n).map((n) => ({ type: 'TextBlock', text: plain(n), isSubtle: true, size: 'Small', wrap: true, spacing: 'Medium' })),
  ];
  const card: Record<string, unknown> = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    speak: spoken(content, strings),
    body,
  };
  const links = (content.links ?? []).slice(0, MAX_LINKS);
  if (links.length) card.actions = links.map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url }));
  return card;
}

/** "EAT / Your time | Session", once above the rows: the zones are named here and nowhere else. */
function zoneHeader(content: ReplyContent, strings: RendererStrings): Element {
  const small = (text: string, extra: Element = {}) => ({ type: 'TextBlock', text: plain(text), size: 'Small', weight: 'Bolder', isSubtle: true, wrap: true, spacing: 'None', ...extra });
  return {
    type: 'ColumnSet',
    spacing: 'Medium',
    columns: [
      { type: 'Column', width: TIME_COLUMN, items: content.zones!.map((z) => small(capitalised(z.label))) },
      { type: 'Column', width: 'stretch', items: [small(strings.itemHeader)], verticalContentAlignment: 'Bottom' },
    ],
  };
}

function section(s: ContentSection, index: number, content: ReplyContent): Element[] {
  const out: Element[] = [];
  if (s.heading) out.push({ type: 'TextBlock', text: plain(s.heading), weight: 'Bolder', wrap: true, spacing: index === 0 && !content.zones ? 'Medium' : 'Large' });
  s.rows?.forEach((r, i) => out.push(row(r, i === 0 && !s.heading)));
  if (s.facts?.length) out.push({ type: 'FactSet', spacing: 'Medium', facts: s.facts.map((f) => ({ title: plain(f.label), value: f.typed ? inert(f.value) : plain(f.value) })) });
  for (const p of s.paragraphs ?? []) out.push({ type: 'TextBlock', text: plain(p), wrap: true, spacing: 'Medium' });
  return out;
}

/** One item: its time(s) in a fixed column when it has them, its name in bold, who or what beneath. */
function row(r: ContentRow, first: boolean): Element {
  const item: Element[] = [
    { type: 'TextBlock', text: plain(r.title), wrap: true, ...(r.minor ? { isSubtle: true } : { weight: 'Bolder' }) },
    ...(r.detail ? [{ type: 'TextBlock', text: plain(r.detail), isSubtle: true, wrap: true, spacing: 'None' }] : []),
    ...(r.lines ?? []).map((l) => ({ type: 'TextBlock', text: plain(l), size: 'Small', wrap: true, spacing: 'None' })),
  ];
  const open = r.url ? { selectAction: { type: 'Action.OpenUrl', title: r.title, url: r.url } } : {};
  const spacing = first ? { spacing: 'Small' } : { separator: true, spacing: 'Small' };
  if (!r.times?.length) return { type: 'Container', ...spacing, items: item, ...open };
  return {
    type: 'ColumnSet',
    ...spacing,
    ...open,
    columns: [
      { type: 'Column', width: TIME_COLUMN, items: r.times.map((t, i) => ({ type: 'TextBlock', text: plain(t), wrap: true, spacing: 'None', ...(i > 0 ? { isSubtle: true } : {}) })) },
      { type: 'Column', width: 'stretch', items: item },
    ],
  };
}

/** "Times in EAT (Africa/Nairobi), then Your time (Europe/Berlin, UTC+2).": what the time column's labels mean. */
export function zonesNote(content: ReplyContent, strings: RendererStrings): string | undefined {
  return content.zones?.length ? strings.timesIn(content.zones.map((z) => (z.detail ? `${z.label} (${z.detail})` : z.label))) : undefined;
}

const capitalised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** What a screen reader or a voice channel says for the card: its title, subtitle and how many items. */
function spoken(content: ReplyContent, strings: RendererStrings): string {
  const rows = content.sections.reduce((n, s) => n + (s.rows?.length ?? 0) + (s.facts?.length ?? 0), 0);
  const head = [content.title, content.subtitle].filter(Boolean).join('. ');
  return rows ? strings.spokenCount(head, rows) : head;
}
