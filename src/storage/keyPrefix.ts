// The prefix every stored key carries (STORAGE_KEY_PREFIX), so several bots or test runs can share one Redis (or
// one SQLite file) without seeing each other's data. Kept apart from the backends so the settings can check it
// without loading a database driver.

/** The prefix when none is set: every key is `bot:…` (SQLite) or `bot::…` (Redis), as before the setting existed. */
export const DEFAULT_KEY_PREFIX = 'bot';
/** Letters, digits, '-' and '_': no ':', so that no prefix's keys start with another prefix's. */
export const KEY_PREFIX_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
