import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortenName, titleParts, type TitledSeries } from './title-parts';

const cohort = (key: string, title: string, attributes: Record<string, string>): TitledSeries => ({
  key,
  title,
  attributes,
});

/** The text a tile shows at full width: name and chip. */
const shown = (series: TitledSeries[]) =>
  [...titleParts(series).values()].map((part) => [part.name, part.chip].filter(Boolean).join(' '));

describe('titleParts', () => {
  it('shows the ring or the baseline as a chip beside the measure', () => {
    const parts = titleParts([
      { key: 'users', title: 'Current users' },
      cohort('base', 'Current users (baseline 5.8.1)', { version: '5.8.1', baseline: 'true' }),
      cohort('beta', 'Current users (beta on 5.9.0)', { ring: 'beta', version: '5.9.0' }),
    ]);
    expect(parts.get('users')).toEqual({ name: 'Current users', keep: 'users' });
    expect(parts.get('base')).toMatchObject({ name: 'Current users', chip: 'baseline' });
    expect(parts.get('beta')).toMatchObject({ name: 'Current users', chip: 'beta' });
  });

  it('adds the version only where a ring would otherwise read twice', () => {
    const parts = titleParts([
      cohort('old', 'Failed requests (beta on 5.9.0)', { ring: 'beta', version: '5.9.0' }),
      cohort('new', 'Failed requests (beta on 5.9.1)', { ring: 'beta', version: '5.9.1' }),
      cohort('int', 'Failed requests (internal on 5.9.1)', { ring: 'internal', version: '5.9.1' }),
    ]);
    expect(parts.get('old')?.chip).toBe('beta 5.9.0');
    expect(parts.get('new')?.chip).toBe('beta 5.9.1');
    expect(parts.get('int')?.chip).toBe('internal');
  });

  it('uses a parenthesised label as the chip when there are no attributes', () => {
    expect(titleParts([{ key: 'a', title: 'Queue depth (eu-west)' }]).get('a')).toMatchObject({
      name: 'Queue depth',
      chip: 'eu-west',
    });
  });

  it('gives every tile of the ring-rollout wall a different text', () => {
    const texts = shown([
      { key: '1', title: 'Response time p95' },
      cohort('2', 'Response time p95 (baseline 5.8.1)', { version: '5.8.1', baseline: 'true' }),
      cohort('3', 'Response time p95 (internal on 5.9.0)', { ring: 'internal', version: '5.9.0' }),
      cohort('4', 'Response time p95 (beta on 5.9.0)', { ring: 'beta', version: '5.9.0' }),
    ]);
    expect(new Set(texts).size).toBe(4);
  });

  it('keeps the words that tell a name from the others', () => {
    const parts = titleParts([
      { key: 'a', title: 'Pulse 4' },
      { key: 'b', title: 'Pulse 42' },
      { key: 'c', title: 'Errors in production' },
    ]);
    expect(parts.get('a')?.keep).toBe('4');
    expect(parts.get('b')?.keep).toBe('42');
    // Nothing shared: its last word stays, so the ellipsis falls in the middle.
    expect(parts.get('c')?.keep).toBe('production');
  });
});

describe('titleParts over many titles', () => {
  /** The rule spelled out pair by pair: words after the longest prefix shared with any other name. */
  function pairwiseKeep(name: string, names: string[]): string {
    const words = name.split(' ');
    let shared = 0;
    for (const other of new Set(names)) {
      if (other === name) continue;
      const theirs = other.split(' ');
      let count = 0;
      while (count < words.length && words[count] === theirs[count]) count += 1;
      shared = Math.max(shared, count);
    }
    if (shared >= words.length) return '';
    return words.slice(shared === 0 ? words.length - 1 : shared).join(' ');
  }

  it('keeps what tells each name from every other name', () => {
    const word = fc.constantFrom('Pulse', 'Response', 'time', 'p95', '4', '42', '', 'a');
    const title = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(title, { maxLength: 30 }), (titles) => {
        const parts = titleParts(titles.map((text, i) => ({ key: `k${i}`, title: text })));
        titles.forEach((text, i) => {
          const name = parts.get(`k${i}`)?.name ?? '';
          const names = titles.map((t, j) => parts.get(`k${j}`)?.name ?? t);
          expect(parts.get(`k${i}`)?.keep).toBe(pairwiseKeep(name, names));
        });
      }),
    );
  });

  it('tells 5,000 titles apart, as at the series cap', () => {
    const series = Array.from({ length: 5_000 }, (_, i) => ({ key: `k${i}`, title: `Pulse ${i}` }));
    const parts = titleParts(series);
    expect(parts.size).toBe(5_000);
    expect(parts.get('k4242')?.keep).toBe('4242');
    expect(new Set([...parts.values()].map((part) => part.keep)).size).toBe(5_000);
  });
});

describe('shortenName', () => {
  it('leaves a name that fits alone', () => {
    expect(shortenName('Signups', 'Signups', 7)).toBe('Signups');
  });

  it('puts the ellipsis in the middle and keeps the distinguishing tail whole', () => {
    expect(shortenName('Response time p95', 'p95', 12)).toBe('Respons… p95');
    expect(shortenName('Response time p95', 'p95', 13)).toBe('Response… p95');
    expect(shortenName('Pulse 42', '42', 6)).toBe('Pu… 42');
  });

  it('keeps the tail even when nothing of the head fits', () => {
    expect(shortenName('Response time p95', 'p95', 5)).toBe('… p95');
    expect(shortenName('Response time p95', 'p95', 4)).toBe('…p95');
    // A hundred tiles at 1366: "42" alone rather than a cut "…4".
    expect(shortenName('Pulse 42', '42', 2)).toBe('42');
  });

  it('shows no head of a single letter: copies of a name at two widths read alike', () => {
    // Baseline and internal copies of one tile at 1366×768 read "F… requests" and "…requests".
    expect(shortenName('Failed requests', 'requests', 11)).toBe('… requests');
    expect(shortenName('Failed requests', 'requests', 10)).toBe('… requests');
    expect(shortenName('Failed requests', 'requests', 12)).toBe('Fa… requests');
  });

  it('cuts at the end only a name with nothing to keep', () => {
    expect(shortenName('Availability', '', 6)).toBe('Avail…');
  });
});
