// Outgoing rate limits on a fake monotonic clock: the global bucket and Teams' per-conversation windows.
import { expect } from 'chai';
import { PerKeyLimiter, TokenBucket, teamsConversationWindows } from '../../src/proactive/rateLimiter.ts';
import { backoffMs, classifyStatus, parseRetryAfter } from '../../src/proactive/retry.ts';

describe('outgoing rate limits', () => {
  it("global bucket: a second's burst, then the configured rate", () => {
    let t = 0;
    const bucket = new TokenBucket(50, undefined, () => t);
    let taken = 0;
    while (bucket.tryTake() === 0) taken++;
    expect(taken).to.equal(50);
    expect(bucket.tryTake()).to.equal(20); // one token every 20 ms
    t += 1000;
    taken = 0;
    while (bucket.tryTake() === 0) taken++;
    expect(taken).to.equal(50);
    bucket.refund();
    expect(bucket.tryTake()).to.equal(0);
  });

  it("per conversation: Teams' 7 in 1 s, 8 in 2 s, 60 in 30 s", () => {
    expect(teamsConversationWindows(7)).to.deep.equal([
      { count: 7, ms: 1000 },
      { count: 8, ms: 2000 },
      { count: 60, ms: 30_000 },
      { count: 1800, ms: 3_600_000 },
    ]);
    let t = 0;
    const limiter = new PerKeyLimiter(teamsConversationWindows(7), () => t);
    for (let i = 0; i < 7; i++) expect(limiter.tryTake('c1')).to.equal(0);
    expect(limiter.tryTake('c1')).to.equal(1000);
    expect(limiter.tryTake('c2')).to.equal(0); // other conversations are not held up
    t = 1000;
    expect(limiter.tryTake('c1')).to.equal(0); // the 8th within 2 s
    expect(limiter.tryTake('c1')).to.equal(1000); // a 9th would break 8 in 2 s
    // Sustained: never more than 60 in any 30 s.
    let sent = 8;
    for (t = 2000; t < 30_000; t += 10) if (limiter.tryTake('c1') === 0) sent++;
    expect(sent).to.be.at.most(60);
  });
});

describe('retry policy', () => {
  it('classifies statuses', () => {
    expect(classifyStatus(429, '3')).to.deep.equal({ ok: false, kind: 'transient', status: 429, retryAfterMs: 3000 });
    expect(classifyStatus(503)).to.include({ kind: 'transient' });
    expect(classifyStatus(undefined)).to.include({ kind: 'transient' });
    expect(classifyStatus(403)).to.include({ kind: 'unreachable' });
    expect(classifyStatus(404)).to.include({ kind: 'unreachable' });
    expect(classifyStatus(400)).to.include({ kind: 'rejected' });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2022-03-30T07:00:00Z');
    expect(parseRetryAfter('2', now)).to.equal(2000);
    expect(parseRetryAfter('Wed, 30 Mar 2022 07:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
  });

  it('backs off exponentially with jitter, capped, and never before Retry-After', () => {
    const opts = { baseMs: 1000, maxMs: 8000 };
    expect(backoffMs(1, opts, undefined, () => 0)).to.equal(500);
    expect(backoffMs(1, opts, undefined, () => 1)).to.equal(1000);
    expect(backoffMs(3, opts, undefined, () => 1)).to.equal(4000);
    expect(backoffMs(10, opts, undefined, () => 1)).to.equal(8000);
    expect(backoffMs(1, opts, 5000, () => 0)).to.equal(5000);
  });
});
