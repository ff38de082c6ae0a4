// Production Web Chat: exchange the Direct Line secret for a token at Azure Bot Service, server-side, so the
// secret never reaches the page. The page then talks to Azure's Direct Line (the `domain` we return).
export class AzureDirectLineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AzureDirectLineError';
  }
}

export interface AzureToken {
  token: string;
  conversationId: string;
  userId: string;
  expires_in: number;
  /** The Direct Line base URL the client must use with this token. */
  domain: string;
}

export async function azureToken(endpoint: string, secret: string, opts: { timeoutMs?: number; userId?: string } = {}): Promise<AzureToken> {
  const base = endpoint.replace(/\/+$/, '');
  // A "dl_" user id is one Azure trusts as set by the token issuer, so the user cannot impersonate another.
  const userId = opts.userId ?? `dl_${crypto.randomUUID().replace(/-/g, '')}`;
  let res: Response;
  try {
    res = await fetch(`${base}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw new AzureDirectLineError(0, `Direct Line unreachable: ${(err as Error).message}`);
  }
  if (!res.ok) throw new AzureDirectLineError(res.status, `Direct Line answered ${res.status}`);
  const body = (await res.json().catch(() => ({}))) as Partial<{ token: string; conversationId: string; expires_in: number }>;
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string')
    throw new AzureDirectLineError(502, 'Direct Line answered without a token');
  return { token: body.token, conversationId: body.conversationId, userId, expires_in: body.expires_in ?? 3600, domain: `${base}/v3/directline` };
}
