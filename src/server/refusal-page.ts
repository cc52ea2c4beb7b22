import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '../shared/security-headers';

/** The refusals a person may meet in a browser tab, each with a page of its own. */
export type Refusal = 'token' | 'host';

const statusOf: Record<Refusal, number> = { token: 401, host: 421 };

/** What tools (curl, scripts, our own fetch calls) get: one line, as before. */
const plainText: Record<Refusal, string> = {
  token: 'Missing or invalid access token. Open the address that `vibe serve` printed.',
  host: 'Unexpected Host header.',
};

/**
 * Answers a refused request: a page for a browser navigating here (GET or HEAD asking for HTML),
 * the plain line for everything else. The page is static text: it never repeats anything from the
 * request (the token given, the Host name) or the server (token, folders), so it tells nobody
 * anything, and it has no script (the CSP allows none inline) and loads nothing.
 */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const status = statusOf[refusal];
  if (!wantsPage(req)) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`${plainText[refusal]}\n`);
    return;
  }
  const body = refusalPage(refusal);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A browser navigation: fetch() and tools send `*\/*` (or JSON), page loads list text/html. */
function wantsPage(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
}

const pages: Record<Refusal, { title: string; heading: string; body: string }> = {
  token: {
    title: 'Access address needed',
    heading: 'This workbench needs its access address',
    body: `<p>The address you opened has no access token, or its token is no longer accepted. Each start of
<code>vibe serve</code> makes a new token unless it is told to keep one, so an address from before a
restart stops working.</p>
<h2>What to do</h2>
<ul>
<li>Open the address <code>vibe serve</code> printed when it started: the line that begins with
<code>Open: http://</code> and ends with <code>?token=</code> and the token.</li>
<li>In a class or on a shared machine, ask the person running the workbench for the current address.</li>
<li>Running it yourself? Start it with <code>--keep-token</code> (or <code>--token</code>) and the address
stays the same across restarts, so open tabs reconnect by themselves.</li>
</ul>
<p class="small">Sessions saved on the server are still there once you are back in.</p>`,
  },
  host: {
    title: 'Wrong address for this workbench',
    heading: 'This workbench does not answer to that name',
    body: `<p>The workbench listens on this computer only, and answers only when it is opened as
<code>localhost</code>, <code>127.0.0.1</code> or <code>[::1]</code>. This page was opened under another
name, which is also how other web sites try to reach local servers, so the request was refused.</p>
<h2>What to do</h2>
<ul>
<li>Open the address <code>vibe serve</code> printed (it starts with <code>http://127.0.0.1:</code>).</li>
<li>To use the workbench from other machines, the person running it must start it with
<code>--host 0.0.0.0 --allow-remote</code>.</li>
</ul>`,
  },
};

const style = `
:root { color-scheme: light dark; --bg: #f4f5f8; --panel: #fff; --text: #1b1e24; --muted: #646b78; --border: #e1e4ea; --accent: #4f5bd5; }
@media (prefers-color-scheme: dark) { :root { --bg: #111318; --panel: #181a20; --text: #e6e8ee; --muted: #9098a8; --border: #2a2e37; --accent: #8b95ff; } }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.55 'Inter', 'Segoe UI', system-ui, -apple-system, Arial, sans-serif; }
main { max-width: 38rem; margin: 12vh auto; padding: 28px 32px; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; }
.brand { color: var(--accent); font-weight: 600; font-size: 13px; margin: 0 0 8px; }
h1 { font-size: 21px; margin: 0 0 12px; }
h2 { font-size: 15px; margin: 20px 0 6px; }
ul { padding-left: 20px; margin: 0; } li { margin: 4px 0; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; white-space: nowrap; }
.small { color: var(--muted); font-size: 13px; margin-top: 20px; }
@media (max-width: 40rem) { main { margin: 0; border: none; border-radius: 0; } }`;

/** The whole page: one file, inline styles only. Exported for tests. */
export function refusalPage(refusal: Refusal): string {
  const page = pages[refusal];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title} · VibeThinker Workbench</title>
<style>${style}</style>
</head>
<body>
<main>
<p class="brand">VibeThinker Workbench</p>
<h1>${page.heading}</h1>
${page.body}
</main>
</body>
</html>
`;
}
