import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../config/config.js';
import { JwtService } from './jwt.service.js';

const config = { JWT_SECRET: 's'.repeat(48), JWT_TTL_SECONDS: 60 } as AppConfig;

describe('JwtService', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps refusing a token once it expired, although its verification was cached before', () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
    const jwt = new JwtService(config);
    const user = { id: randomUUID(), role: 'student' as const, isVerified: false };
    const token = jwt.issue(user);
    expect(jwt.authenticate(token)).toEqual(user);
    vi.advanceTimersByTime(59_000);
    expect(jwt.authenticate(token)).toEqual(user);
    vi.advanceTimersByTime(2_000);
    expect(() => jwt.authenticate(token)).toThrow('Invalid or expired token');
  });

  it('refuses a token signed with another key every time it is sent', () => {
    const jwt = new JwtService(config);
    const forged = new JwtService({ ...config, JWT_SECRET: 'f'.repeat(48) }).issue({
      id: randomUUID(),
      role: 'admin',
      isVerified: true,
    });
    expect(() => jwt.authenticate(forged)).toThrow('Invalid or expired token');
    expect(() => jwt.authenticate(forged)).toThrow('Invalid or expired token');
  });
});
