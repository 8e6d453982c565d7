// The printed line is the only output, and without its token the page opens
// nothing: it says so, and the API socket refuses it. Binding beyond loopback
// (--host) warns that the token is all that guards the console.
import WebSocket from 'ws';
import { expect, startBrowserMode, test } from './browser-mode';

test('browser mode prints exactly one line and refuses requests without the token', async ({
  page,
  browserMode,
}) => {
  const lines = browserMode.output.join('').trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^Watchfloor \(browser mode\): http:\/\/127\.0\.0\.1:\d+\/\?token=\S{20,}$/,
  );
  await page.goto(`${browserMode.origin}/`);
  await expect(page.locator('body')).toContainText('needs its session token');
  await expect(page.getByTestId('tile')).toHaveCount(0);
  const status = await new Promise<number>((resolve) => {
    const socket = new WebSocket(`${browserMode.origin.replace('http', 'ws')}/api`, {
      headers: { origin: browserMode.origin },
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => resolve(101));
    socket.once('error', () => resolve(-1));
  });
  expect(status).toBe(401);
});

test('--host beyond loopback warns that the token is the only guard', async () => {
  const { mode, child } = await startBrowserMode(['--host', '0.0.0.0']);
  child.kill('SIGTERM');
  const output = mode.output.join('');
  expect(output).toContain(
    'warning: binding 0.0.0.0 exposes the console beyond this machine; the token is all that guards it',
  );
  expect(output).toMatch(/Watchfloor \(browser mode\): http:\/\/0\.0\.0\.0:\d+\/\?token=/);
});
