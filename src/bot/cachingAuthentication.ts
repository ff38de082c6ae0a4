// CloudAdapter asks its BotFrameworkAuthentication for a new ConnectorFactory, ConnectorClient and
// UserTokenClient on every turn: each client builds a fresh HTTP pipeline (policies, serializer, user
// agent, proxy settings), which was a large share of a turn's CPU. The clients hold no per-turn state
// (credentials refresh their own tokens), so this wrapper keeps one per bot app id, service URL and
// audience and hands it to every turn. Authentication itself is untouched: each request is still
// validated by the wrapped instance before any client is handed out.
import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** A small insertion-ordered LRU of promises; a rejected promise is dropped so the next caller retries. */
class PromiseCache<T> {
  private readonly map = new Map<string, Promise<T>>();
  constructor(private readonly max: number) {}

  get size() {
    return this.map.size;
  }

  get(key: string, create: () => Promise<T>): Promise<T> {
    const hit = this.map.get(key);
    if (hit) {
      // Refresh recency.
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const made = create();
    this.map.set(key, made);
    made.catch(() => {
      if (this.map.get(key) === made) this.map.delete(key);
    });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return made;
  }
}

/** The bot's app id as the SDK derives it for outbound calls (audience claim, else app id claim). */
function appIdOf(claimsIdentity: ClaimsIdentity | undefined): string {
  return claimsIdentity?.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity?.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: PromiseCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

export interface CachingAuthenticationOptions {
  /** Most clients kept (distinct app id × service URL × audience); the oldest unused is dropped. */
  maxClients?: number;
}

export class CachingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients: PromiseCache<ConnectorClient>;
  private readonly userTokenClients: PromiseCache<UserTokenClient>;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    options: CachingAuthenticationOptions = {},
  ) {
    super();
    // In local mode the service URL comes from unauthenticated clients, so the cache must stay bounded.
    this.connectorClients = new PromiseCache(options.maxClients ?? 64);
    this.userTokenClients = new PromiseCache(options.maxClients ?? 64);
  }

  /** Clients currently kept (tests). */
  get cachedClients(): number {
    return this.connectorClients.size;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    if (result.connectorFactory) result.connectorFactory = this.wrap(result.connectorFactory, result.claimsIdentity);
    return result;
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    // Streaming connections bring their own connector factory (replies go back over the socket).
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.wrap(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private wrap(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectorClients);
  }
}
