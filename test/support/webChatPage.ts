// Driving the event page's Web Chat in real Chromium (playwright-core) as a visitor does: launch, type into the
// send box, wait for the bot's answer, read the transcript.
import { existsSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium, or undefined (with a note) when it is not installed. */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    console.log(`    NOTE: ${CHROMIUM} not found; browser tests skipped. Install it (apt-get install -y chromium) or run .ci/run.`);
    return undefined;
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Web Chat renders markdown with typographic quotes (What’s); compare with plain ones. */
export async function transcript(page: Page): Promise<string> {
  return (await page.locator('#webchat').innerText()).replace(/[’‘]/g, "'");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How many times `expected` shows in the transcript. */
export async function countIn(page: Page, expected: string | RegExp): Promise<number> {
  return ((await transcript(page)).match(new RegExp(typeof expected === 'string' ? escape(expected) : expected.source, 'g')) ?? []).length;
}

/** How many activities in the transcript (not counting the screen reader's copies) contain `text`. */
export async function activitiesWith(page: Page, text: string): Promise<number> {
  return page.locator('.webchat__basic-transcript__activity', { hasText: text }).count();
}

/** Waits until `expected` shows at least `times` times in the transcript. */
// A liveness bound ("the reply came"), not a speed claim: with two suites and Chromium sharing two cores, a first
// reply has been seen to take over 30 s.
export async function waitForText(page: Page, expected: string | RegExp, times = 1, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await countIn(page, expected)) < times) {
    if (Date.now() > deadline) throw new Error(`no ${expected} (×${times}) in:\n${(await transcript(page)).slice(-1500)}`);
    await page.waitForTimeout(100);
  }
}

/** Opens the chat (its send box and the bot's greeting). */
export async function chatReady(page: Page): Promise<void> {
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 20_000 });
}

/** Types `text` into Web Chat's send box and waits for `expected` to appear once more than before; returns the transcript. */
export async function say(page: Page, text: string, expected: string | RegExp): Promise<string> {
  const before = await countIn(page, expected);
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
  await waitForText(page, expected, before + 1).catch((err: Error) => {
    throw new Error(`"${text}" → ${err.message}`);
  });
  return transcript(page);
}

/** Registers through the chat on `page`; returns the reference the bot gave. */
export async function registerInChat(page: Page, mail: { codeFor(address: string): Promise<string> }, name: string, email: string): Promise<string> {
  await say(page, 'register', /What.s your full name\?/);
  await say(page, name, "What's your e-mail address?");
  await say(page, email, 'six-digit code');
  await say(page, await mail.codeFor(email), 'Which organisation are you with?');
  await say(page, 'Analytical Engines', 'Which country are you based in?');
  await say(page, 'Kenya', 'Which of these best describes you?');
  await say(page, 'Central bank', /reminders/i);
  await say(page, 'All sessions', 'Do you agree');
  await say(page, 'I agree', 'Please check your details');
  const text = await say(page, 'confirm', /reference is/);
  const reference = text.match(/reference is ([A-Z2-9]{4}-[A-Z2-9]{4})/)?.[1];
  expect(reference, text.slice(-800)).to.be.a('string');
  return reference!;
}
