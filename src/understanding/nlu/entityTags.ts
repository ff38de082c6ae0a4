// The kinds of entity a question mentions, as the classifier's features: what the recognisers found, not the
// words that named it, so "when does <any speaker> speak" reads alike for every speaker of every event.
import type { Entities } from '../entities.ts';

export function entityTags(e: Entities): string[] {
  const tags: string[] = [];
  if (e.speakers.length) tags.push('speaker');
  if (e.organisations.length) tags.push('organisation');
  if (e.topics.some((t) => t.strength === 'strong')) tags.push('topic');
  if (e.sessions.some((s) => s.strong)) tags.push('session');
  else if (e.sessions.length) tags.push('session?');
  if (e.reports.length) tags.push('report');
  if (e.day) tags.push('day');
  if (e.time) tags.push('time');
  if (e.target) tags.push('place');
  if (e.partOfDay) tags.push('period');
  return tags;
}
