// The clock the tests' bots run on unless a test sets one.
/** A week before the first event's first day (registration open): the clock tests run on unless they set one. */
export const BEFORE_THE_EVENT = '2022-03-23T08:00:00Z';
const testsStarted = Date.now();
/**
 * BOT_NOW for a bot started now: BEFORE_THE_EVENT plus the time the tests have run, so a bot restarted in a test
 * goes on from where the last one was (as a real clock would) instead of starting again at the same instant.
 */
export const botNowDefault = () => new Date(Date.parse(BEFORE_THE_EVENT) + (Date.now() - testsStarted)).toISOString();
