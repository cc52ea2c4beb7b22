import { expect, type Page } from '@playwright/test';

/**
 * Puts the page's event WebSocket through Playwright so a test can push
 * events exactly as the server sends them ({type: 'event', name, payload}),
 * alongside the real ones. Reloads the page to take effect.
 */
export async function connectEventWire(page: Page): Promise<(message: unknown) => void> {
  const wire: { inject?: (message: unknown) => void } = {};
  await page.routeWebSocket('**/api/events', (ws) => {
    ws.connectToServer();
    wire.inject = (message) => ws.send(JSON.stringify(message));
  });
  await page.reload();
  await expect(page.getByTestId('status-connection')).toHaveAttribute('data-state', 'connected');
  return (message) => wire.inject?.(message);
}
