import { describe, expect, it } from 'vitest';
import { alertRank, mountMore, pageWall, type WallPageQuery } from './wall-pages';
import type { BandKeys } from './wall-arrangement';

const keys = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

const query = (over: Partial<WallPageQuery> = {}): WallPageQuery => ({
  alerting: new Map(),
  search: '',
  haystack: (key) => `title of ${key}`.toLowerCase(),
  page: 0,
  pageSize: 10,
  ...over,
});

describe('pageWall', () => {
  it('shows a wall that fits whole, in the layout order, whatever alerts', () => {
    const bands: BandKeys = { business: ['b1', 'b0'], service: ['s0'], technical: [] };
    const page = pageWall(bands, query({ alerting: new Map([['s0', 0]]) }));
    expect(page.paged).toBe(false);
    expect(page.bands).toEqual(bands);
  });

  it('pages a wall that does not fit, alerting first, then the layout order', () => {
    const bands: BandKeys = { business: keys('b', 12), service: keys('s', 12), technical: [] };
    const alerting = new Map([
      ['s5', alertRank('warning') as number],
      ['s9', alertRank('critical') as number],
    ]);
    const first = pageWall(bands, query({ alerting }));
    expect(first).toMatchObject({ paged: true, page: 0, pages: 3, matches: 24, alerting: 2 });
    expect(first.bands.service).toEqual(['s9', 's5']);
    expect(first.bands.business).toEqual(keys('b', 8));
    const last = pageWall(bands, query({ alerting, page: 99 }));
    expect(last.page).toBe(2);
    expect(last.first).toBe(20);
    expect([...last.bands.business, ...last.bands.service]).toEqual(['s7', 's8', 's10', 's11']);
  });

  it('finds series by every word of the search, in any band, and pages what it found', () => {
    const bands: BandKeys = { business: keys('b', 30), service: [], technical: keys('t', 30) };
    const page = pageWall(bands, query({ search: ' OF T2', pageSize: 100 }));
    expect(page.paged).toBe(true);
    expect(page.bands.business).toEqual([]);
    expect(page.bands.technical).toEqual(['t2', ...keys('t', 30).filter((k) => /^t2\d/.test(k))]);
    expect(pageWall(bands, query({ search: 'nothing' })).matches).toBe(0);
  });

  it('ranks critical before warning before errors, and ignores the rest', () => {
    expect(alertRank('critical')).toBeLessThan(alertRank('warning') as number);
    expect(alertRank('warning')).toBeLessThan(alertRank('error') as number);
    expect(alertRank('ok')).toBeUndefined();
    expect(alertRank('stale')).toBeUndefined();
  });
});

describe('mountMore', () => {
  it('mounts a new page a slice at a time, in its order, until all of it is there', () => {
    const page = keys('p', 10);
    const steps: string[][] = [];
    let mounted: ReadonlySet<string> = new Set();
    for (let frame = 0; frame < 5; frame += 1) {
      mounted = mountMore(page, mounted, 4);
      steps.push([...mounted]);
    }
    expect(steps.map((step) => step.length)).toEqual([4, 8, 10, 10, 10]);
    expect(steps[0]).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(steps[2]).toEqual(page);
  });

  it('keeps the tiles still on the page and drops those that left', () => {
    const mounted = new Set(['a', 'b', 'gone']);
    const next = mountMore(['x', 'a', 'y', 'b', 'z'], mounted, 2);
    expect([...next].sort()).toEqual(['a', 'b', 'x', 'y']);
  });

  it('gives back the same set once the whole page is mounted', () => {
    const mounted = new Set(['a', 'b']);
    expect(mountMore(['b', 'a'], mounted, 1)).toBe(mounted);
  });
});
