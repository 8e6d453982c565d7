// The renderer's own CSP (the Electron window has no host to send a header):
// scripts and styles from the app only, no eval, no inline code, no plugins.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const html = readFileSync('renderer/index.html', 'utf8');
const metas = [
  ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi),
];
const directives = new Map(
  (metas[0]?.[1] ?? '')
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name as string, sources]),
);

describe('renderer CSP', () => {
  it('is declared once, in the page itself', () => {
    expect(metas).toHaveLength(1);
  });

  it('takes scripts, styles and everything else from the app only', () => {
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src']) {
      expect(directives.get(name), name).toEqual(["'self'"]);
    }
  });

  it('allows no eval, no inline code and no plugins', () => {
    const sources = [...directives.values()].flat();
    for (const unsafe of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'unsafe-hashes'",
      "'wasm-unsafe-eval'",
      '*',
      'blob:',
    ]) {
      expect(sources, unsafe).not.toContain(unsafe);
    }
    // data: for images only (the empty favicon).
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});
