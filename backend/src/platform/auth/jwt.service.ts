import { Inject, Injectable } from '@nestjs/common';
import { createSigner, createVerifier } from 'fast-jwt';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainError } from '../domain/errors.js';
import { ROLES, type AuthUser, type Role } from './auth-user.js';

interface AccessClaims {
  sub: string;
  role: Role;
  is_verified: boolean;
}

/** What a signed token must claim before anyone trusts it: ids reach SQL as UUIDs, roles reach the guards. */
const accessClaims = z.object({
  sub: z.uuid(),
  role: z.enum(ROLES),
  is_verified: z.boolean().optional(),
});

const VERIFIED_TOKENS_CACHED = 10_000;

/** Issues and checks access tokens: HS256 only (the algorithm is pinned on both sides), with expiry. */
@Injectable()
export class JwtService {
  private readonly sign: (claims: AccessClaims) => string;
  private readonly verify: (token: string) => unknown;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.sign = createSigner({ key: config.JWT_SECRET, algorithm: 'HS256', expiresIn: config.JWT_TTL_SECONDS * 1000 });
    this.verify = createVerifier({
      key: config.JWT_SECRET,
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      // A signed-in client sends the same token with every request: its signature is checked once, and the
      // verified claims are reused (never past the token's expiry) for the tokens most recently seen.
      cache: VERIFIED_TOKENS_CACHED,
    });
  }

  issue(user: AuthUser): string {
    return this.sign({ sub: user.id, role: user.role, is_verified: user.isVerified });
  }

  /** The token's user; 401 for anything malformed, forged, expired or signed with another algorithm. */
  authenticate(token: string): AuthUser {
    let verified: unknown;
    try {
      verified = this.verify(token);
    } catch {
      throw new DomainError('not-authenticated', 'Invalid or expired token');
    }
    const claims = accessClaims.safeParse(verified);
    if (!claims.success) throw new DomainError('not-authenticated', 'Invalid or expired token');
    return { id: claims.data.sub, role: claims.data.role, isVerified: claims.data.is_verified === true };
  }
}
