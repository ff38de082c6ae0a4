// Reading what Web Chat shows for a question in real Chromium: the activities the question brought, the Adaptive
// Card among them and its rows, the text bubbles beside it, and whether anything scrolls sideways.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { projectRoot } from '../../src/config.ts';

export const ARTIFACTS = resolve(projectRoot, 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const DESKTOP = { name: 'desktop', viewport: { width: 1366, height: 900 } };
export const PHONE = { name: 'phone', viewport: { width: 390, height: 844 } };

const ACTIVITY = '#webchat .webchat__basic-transcript__activity';
const FROM_USER = '.webchat__stacked-layout--from-user, .webchat__bubble--from-user';

/** Opens the event page and waits for the chat's greeting. */
export async function openChat(page: Page, url: string, path = '/') {
  await page.goto(`${url}${path}`);
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 20_000 });
  // the greeting, in the page's language
  await page
    .getByText(/assistant for|l.assistant de/)
    .first()
    .waitFor({ timeout: 15_000 });
}

/** What one message brought back: the bot's activities after it, their text bubbles and cards. */
export interface Answer {
  activities: Locator[];
  /** The text bubbles' visible text. */
  texts: string[];
  cards: Locator[];
}

/**
 * Types `text` into the send box and waits until a bot activity after it shows `until` (a card by default),
 * then until no further activity arrives for a moment.
 */
export async function ask(page: Page, text: string, until: 'card' | RegExp = 'card'): Promise<Answer> {
  const before = await page.locator(ACTIVITY).count();
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await botActivitiesSince(page, before);
    const done = until === 'card' ? answer.cards.length > 0 : answer.texts.some((t) => until.test(t.replace(/[’‘]/g, "'")));
    if (done) {
      // settled: nothing more arrived (a second message of the same turn would be counted)
      await page.waitForTimeout(400);
      const settled = await botActivitiesSince(page, before);
      if (settled.activities.length === answer.activities.length) return settled;
      continue;
    }
    if (Date.now() > deadline) throw new Error(`"${text}" → no ${String(until)} in:\n${(await page.locator('#webchat').innerText()).slice(-1500)}`);
    await page.waitForTimeout(100);
  }
}

async function botActivitiesSince(page: Page, index: number): Promise<Answer> {
  const all = await page.locator(ACTIVITY).all();
  const activities: Locator[] = [];
  for (const a of all.slice(index)) if (!(await a.locator(FROM_USER).count())) activities.push(a);
  const texts: string[] = [];
  const cards: Locator[] = [];
  for (const a of activities) {
    for (const t of await a.locator('.webchat__text-content').all()) texts.push(await t.innerText());
    cards.push(...(await a.locator('.ac-adaptiveCard').all()));
  }
  return { activities, texts, cards };
}

/**
 * A card's rows as the visitor sees them: the text of each element directly in its body that is a ColumnSet or
 * Container (a session, a speaker, a report) and each row of a FactSet (a registration detail).
 */
export async function cardRows(card: Locator): Promise<string[]> {
  return card.evaluate((el) => {
    const rows: string[] = [];
    for (const child of Array.from(el.children)) {
      if (child.matches('.ac-columnSet, .ac-container')) rows.push((child as HTMLElement).innerText);
      for (const tr of Array.from(child.querySelectorAll('table.ac-factset tr'))) rows.push((tr as HTMLElement).innerText);
    }
    return rows.map((r) => r.replace(/\s+/g, ' ').trim());
  });
}

/** How far the page, the chat's transcript and a card scroll sideways (0 = none). */
export async function sidewaysOverflow(page: Page, card?: Locator) {
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const transcript = await page.evaluate(() => {
    // (Web Chat's keyboard help is a collapsed box until the keyboard user opens it: not part of what is read)
    const scrollers = Array.from(document.querySelectorAll('#webchat *')).filter(
      (e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && !e.closest('.webchat__keyboard-help'),
    );
    return Math.max(0, ...scrollers.map((e) => e.scrollWidth - e.clientWidth));
  });
  const cardOverflow = card ? await card.evaluate((el) => el.scrollWidth - el.clientWidth) : 0;
  return { page: pageOverflow, transcript, card: cardOverflow };
}
