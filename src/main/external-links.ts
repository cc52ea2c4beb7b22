/**
 * Decides whether a link may leave the app for the user's browser. Model and
 * program output are untrusted, so only plain web links qualify: no `file:`,
 * no `javascript:`, no custom schemes that launch other programs, and no
 * credentials embedded in the URL.
 */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname.length > 0;
}
