// Which request targets the host reads as its own paths: origin-form only.
import { describe, expect, it } from 'vitest';
import { decodeSegment, parseTarget } from './request-target';

describe('request target', () => {
  it('reads an origin-form path and its query', () => {
    const target = parseTarget('/files/a.wfsnap?key=k');
    expect(target?.path).toBe('/files/a.wfsnap');
    expect(target?.params.get('key')).toBe('k');
    expect(parseTarget('/a//')?.path).toBe('/a//');
  });

  it('refuses anything that could name another host, or nothing at all', () => {
    for (const url of [
      'http://evil.example/api',
      'evil.example/api',
      '//evil.example/api',
      '/\\evil.example/api',
      '',
    ]) {
      expect(parseTarget(url), url).toBeUndefined();
    }
    expect(parseTarget(undefined)).toBeUndefined();
  });

  it('decodes a segment, or says it cannot', () => {
    expect(decodeSegment('caf%C3%A9')).toBe('café');
    expect(decodeSegment('%E0%A4%A')).toBeUndefined();
  });
});
