// The console's credential never leaves its origin. Cookies are scoped by host,
// not port, so a cookie would reach every other server on 127.0.0.1: here a
// neighbour server on another port, visited by navigation from the console and
// loading its own page that requests the console's paths, must receive no
// cookie and no token, and the address bar and history must hold no token.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileKeyOf } from '../../main/web/session-credential';
import { expect, test } from './browser-mode';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A page on another port that asks its own server for the console's paths, credentials included. */
const NEIGHBOUR_PAGE = `<!doctype html><title>neighbour</title>
<img src="/api"><img src="/files/incident.wfsnap">
<script>
  fetch('/files/incident.wfsnap', { credentials: 'include' }).catch(() => {});
  fetch('/api?probe=1', { credentials: 'include' }).finally(() => (document.title = 'done'));
</script>`;

async function startNeighbour(): Promise<{ server: Server; origin: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('Content-Type', 'text/html');
    res.end(req.url === '/' ? NEIGHBOUR_PAGE : 'nothing here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, seen };
}

test('no credential of the console reaches another port of 127.0.0.1, none stays in the address', async ({
  page,
  browserMode,
}) => {
  const token = new URL(browserMode.url).searchParams.get('token') ?? '';
  expect(token.length).toBeGreaterThan(20);
  const secrets = [token, fileKeyOf(token), 'wf_token'];
  const neighbour = await startNeighbour();
  try {
    await page.goto(browserMode.url);
    await expect(page.getByTestId('tile').first()).toBeVisible({ timeout: 20_000 });
    // The address bar and the history entry hold no token.
    expect(page.url()).toBe(`${browserMode.origin}/`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.context().cookies()).toEqual([]);

    // The console navigates to the neighbour; the neighbour's page asks for the console's paths.
    await page.evaluate((to) => (location.href = to), `${neighbour.origin}/`);
    await expect(page).toHaveTitle('done');
    await page.goto(`${neighbour.origin}/files/incident.wfsnap`);
    await page.goto(`${neighbour.origin}/api`);
    expect(neighbour.seen.map((s) => s.url)).toEqual(
      expect.arrayContaining(['/', '/api', '/files/incident.wfsnap', '/api?probe=1']),
    );
    for (const { url, headers } of neighbour.seen) {
      expect(headers.cookie, url).toBeUndefined();
      const sent = JSON.stringify({ url, headers });
      for (const secret of secrets) expect(sent, url).not.toContain(secret);
    }

    // Back in history: still no token in the address, and the console still works.
    await page.goBack();
    await page.goBack();
    await page.goBack();
    expect(page.url()).toBe(`${browserMode.origin}/`);
    await expect(page.getByTestId('tile').first()).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => history.length)).toBeGreaterThan(1);
  } finally {
    neighbour.server.close();
  }
});

test('a reload keeps the session; a new tab without the address gets nothing', async ({
  page,
  browserMode,
}) => {
  await page.goto(browserMode.url);
  await expect(page.getByTestId('tile').first()).toBeVisible({ timeout: 20_000 });
  await page.reload();
  expect(page.url()).toBe(`${browserMode.origin}/`);
  await expect(page.getByTestId('tile').first()).toBeVisible({ timeout: 20_000 });

  // Another tab of the same browser: sessionStorage is per tab, and no cookie stands in.
  const other = await page.context().newPage();
  await other.goto(`${browserMode.origin}/`);
  await expect(other.locator('body')).toContainText('needs its session token');
  await expect(other.getByTestId('tile')).toHaveCount(0);
  await other.close();
});
