import { describe, expect, it } from 'vitest';
import { accessTokenProblem, createAccessToken } from './access-token';

describe('access tokens', () => {
  it('are never refused by our own rules, and never begin with "-", which a command line reads as an option', () => {
    // Base64url starts one token in 64 with "-": 2,000 draws would all but surely show one.
    for (let i = 0; i < 2000; i++) {
      const token = createAccessToken();
      expect(token.startsWith('-')).toBe(false);
      expect(accessTokenProblem(token)).toBeNull();
    }
  });

  it('refuses a chosen token that begins with "-"', () => {
    expect(accessTokenProblem(`-${'a'.repeat(20)}`)).toMatch(/must not begin with "-"/);
  });
});
