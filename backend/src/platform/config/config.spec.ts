import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for one machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/eduplatform',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('refuses to start in production with the development JWT secret or admin password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a real password' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) })).toThrow(/ADMIN_PASSWORD/);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), ADMIN_PASSWORD: 'a real password' }).NODE_ENV,
    ).toBe('production');
  });

  it('names every invalid setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' })).toThrow(/PORT.*JWT_SECRET/);
  });

  it('trusts no proxy by default and reads lists of proxies and image hosts', () => {
    expect(loadConfig({})).toMatchObject({ TRUSTED_PROXIES: [], LESSON_IMAGE_HOSTS: [] });
    const config = loadConfig({
      TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,loopback',
      LESSON_IMAGE_HOSTS: 'CDN.example.com, ',
      PUBLIC_ORIGIN: 'https://edu.example.com/',
    });
    expect(config.TRUSTED_PROXIES).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback']);
    expect(config.LESSON_IMAGE_HOSTS).toEqual(['cdn.example.com']);
    expect(config.PUBLIC_ORIGIN).toBe('https://edu.example.com');
    expect(() => loadConfig({ TRUSTED_PROXIES: 'everyone' })).toThrow(/TRUSTED_PROXIES/);
  });
});
