import { OctopusCardsError } from "./errors";
import { authTokensSchema, logoutSchema } from "./schemas";
import { call, validate, type TransportOptions } from "./transport";

/** Renew when less than this is left (the client's clock vs *_expires_at). */
const renewMarginMs = 60_000;

interface Tokens {
  access: string;
  accessExpiresAt: Date;
  refresh: string;
  refreshExpiresAt: Date;
}

/**
 * Holds the JWT pair privately and renews it: refresh while the refresh token is good, else
 * log in again. One renewal at a time: concurrent callers share the same in-flight promise.
 */
export class TokenManager {
  private tokens: Tokens | null = null;
  private renewal: Promise<Tokens> | null = null;

  constructor(
    private readonly transport: TransportOptions,
    private readonly credentials: { apiKey: string; apiSecret: string },
    private readonly now: () => Date,
  ) {}

  async accessToken(): Promise<string> {
    const tokens = this.tokens;
    if (tokens && tokens.accessExpiresAt.getTime() - this.now().getTime() > renewMarginMs) return tokens.access;
    return (await this.renew()).access;
  }

  /** After a 401 with this token: forget it, so the next accessToken() renews (unless someone already did). */
  invalidate(accessToken: string): void {
    if (this.tokens?.access === accessToken) this.tokens = { ...this.tokens, accessExpiresAt: new Date(0) };
  }

  /** POST /auth/logout: the provider revokes every token of the client. */
  async logout(): Promise<void> {
    const tokens = this.tokens;
    this.tokens = null;
    if (!tokens) return;
    const result = await call(this.transport, { method: "POST", path: "/auth/logout", accessToken: tokens.access });
    validate(logoutSchema, result.json, result.status);
  }

  private renew(): Promise<Tokens> {
    this.renewal ??= this.obtain().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  private async obtain(): Promise<Tokens> {
    const current = this.tokens;
    if (current && current.refreshExpiresAt.getTime() - this.now().getTime() > renewMarginMs) {
      try {
        return this.store(
          await call(this.transport, {
            method: "POST",
            path: "/auth/refresh",
            body: { refresh_token: current.refresh },
          }),
        );
      } catch (error) {
        // A revoked or expired refresh token: fall back to a fresh login.
        if (!(error instanceof OctopusCardsError && error.httpStatus === 401)) throw error;
      }
    }
    this.tokens = null;
    return this.store(
      await call(this.transport, {
        method: "POST",
        path: "/auth/login",
        body: { username: this.credentials.apiKey, password: this.credentials.apiSecret },
      }),
    );
  }

  private store(result: { status: number; json: unknown }): Tokens {
    const { data } = validate(authTokensSchema, result.json, result.status);
    this.tokens = {
      access: data.access_token,
      accessExpiresAt: new Date(data.access_expires_at),
      refresh: data.refresh_token,
      refreshExpiresAt: new Date(data.refresh_expires_at),
    };
    return this.tokens;
  }
}
