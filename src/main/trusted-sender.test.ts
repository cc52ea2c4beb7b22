import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './external-links';
import { isTrustedRendererUrl } from './trusted-sender';

describe('isTrustedRendererUrl', () => {
  it('trusts our app:// origin and, in development, the dev server origin only', () => {
    expect(isTrustedRendererUrl('app://workbench/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://other/index.html')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('file:///index.html')).toBe(false);
    expect(isTrustedRendererUrl('not a url')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://codeforces.com/problemset/problem/1/A', true],
    ['http://example.com', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['vscode://file/etc/passwd', false],
    ['smb://host/share', false],
    ['https://user:pass@example.com', false],
    ['data:text/html,<script>1</script>', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});
