// The page is refused without its token, and the printed line is the only output.
import { expect, test } from './browser-mode';

test('browser mode prints exactly one line and refuses requests without the token', async ({
  page,
  browserMode,
}) => {
  const lines = browserMode.output.join('').trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^Watchfloor \(browser mode\): http:\/\/127\.0\.0\.1:\d+\/\?token=\S{20,}$/,
  );
  const refused = await page.goto(`${browserMode.origin}/`);
  expect(refused?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('needs its session token');
});
