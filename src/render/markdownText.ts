// Replies as markdown text, for channels that show no cards and for the line said before a card: real
// paragraphs and lists (a blank line between blocks), never a run of "•" bullets inside one paragraph.
import type { ContentRow, ReplyContent } from '../conversation/content.ts';
import { zonesNote } from './adaptiveCard.ts';
import { inert, plain } from './escape.ts';
import type { RendererStrings } from './strings.ts';

const BULLET = /^\s*[•·▪◦]\s+/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

/**
 * A composer's text as markdown every client renders the same: "•" lines become list items, and each block
 * (paragraph or list) is separated by a blank line, so single line breaks are never folded into one paragraph.
 */
export function textMarkdown(text: string): string {
  const blocks: string[][] = [];
  let list = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      list = false;
      blocks.push([]);
      continue;
    }
    const item = BULLET.test(line) ? line.replace(BULLET, '- ') : LIST_ITEM.test(line) ? line : undefined;
    if (item !== undefined) {
      if (!list) blocks.push([]);
      blocks[blocks.length - 1].push(item);
      list = true;
    } else {
      blocks.push([line]);
      list = false;
    }
  }
  return blocks.filter((b) => b.length).map((b) => b.join('\n')).join('\n\n');
}

/** Structured content as markdown: title, the zones named once, a list item per row, facts, paragraphs, links. */
export function contentMarkdown(content: ReplyContent, strings: RendererStrings): string {
  const blocks: string[] = [[`**${plain(content.title)}**`, content.subtitle ? plain(content.subtitle) : ''].filter(Boolean).join('  \n')];
  const zones = zonesNote(content, strings);
  if (zones) blocks.push(plain(zones));
  for (const s of content.sections) {
    if (s.heading) blocks.push(`**${plain(s.heading)}**`);
    if (s.rows?.length) blocks.push(s.rows.map((r) => rowLine(r, strings)).join('\n'));
    if (s.facts?.length) blocks.push(s.facts.map((f) => `- ${plain(f.label)}${strings.colon} ${f.typed ? inert(f.value) : plain(f.value)}`).join('\n'));
    for (const p of s.paragraphs ?? []) blocks.push(plain(p));
  }
  if (content.note) blocks.push(`_${plain(content.note)}_`);
  if (content.links?.length) blocks.push(content.links.map((l) => `- [${plain(l.title)}](${l.url})`).join('\n'));
  return blocks.join('\n\n');
}

/** "- **10:00–11:15** (09:00–10:15) DFS Security Assurance Framework — Vijay Mauree". */
function rowLine(r: ContentRow, strings: RendererStrings): string {
  const [first, ...others] = r.times ?? [];
  const when = first ? `**${plain(first)}**${others.length ? ` (${others.map(plain).join(strings.semicolon)})` : ''} ` : '';
  const title = r.url ? `[${plain(r.title)}](${r.url})` : r.times?.length ? plain(r.title) : `**${plain(r.title)}**`;
  const more = [r.detail, ...(r.lines ?? [])].filter((x): x is string => !!x).map(plain);
  return `- ${when}${title}${more.length ? ` — ${more.join(strings.semicolon)}` : ''}`;
}
