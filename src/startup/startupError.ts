// A start-up failure an operator can fix on their own: it names the setting, what is wrong and what to do.
// main.ts prints it as one line (and the stack only with LOG_LEVEL=debug).
export class StartupError extends Error {
  constructor(
    readonly setting: string,
    readonly problem: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(`${setting}: ${problem}. Fix: ${fix}.`, options);
    this.name = 'StartupError';
  }
}

/** A URL safe to print: the password (and user) replaced by ***. */
export function maskCredentials(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
