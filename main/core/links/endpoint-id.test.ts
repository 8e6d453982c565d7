import { describe, expect, it } from 'vitest';
import { endpointIdFor } from './endpoint-id';

describe('endpointIdFor', () => {
  it('derives a readable id from host and port', () => {
    expect(endpointIdFor('ws://localhost:7301', new Set())).toBe('localhost:7301');
  });

  it('is stable: the same URL always gives the same id', () => {
    const a = endpointIdFor('wss://ops.example.com:8443/feed', new Set());
    const b = endpointIdFor('wss://ops.example.com:8443/feed', new Set());
    expect(a).toBe(b);
  });

  it('ignores a trailing slash', () => {
    expect(endpointIdFor('ws://localhost:7301/', new Set())).toBe('localhost:7301');
    expect(endpointIdFor('ws://h:1/a/b/', new Set())).toBe(
      endpointIdFor('ws://h:1/a/b', new Set()),
    );
  });

  it('includes the path, so two endpoints on one host get different ids', () => {
    const a = endpointIdFor('ws://h.example.com:9000/billing', new Set());
    const b = endpointIdFor('ws://h.example.com:9000/web', new Set());
    expect(a).toBe('h.example.com:9000-billing');
    expect(b).toBe('h.example.com:9000-web');
  });

  it('replaces characters outside [A-Za-z0-9._:-] with dashes', () => {
    const id = endpointIdFor('ws://h:1/a b/c%2Fd', new Set());
    expect(id).toMatch(/^[A-Za-z0-9._:~-]+$/);
    expect(id.startsWith('h:1-a')).toBe(true);
  });

  it('appends ~2, ~3, ... on collisions', () => {
    const taken = new Set<string>();
    const first = endpointIdFor('ws://h:1', taken);
    taken.add(first);
    const second = endpointIdFor('ws://h:1', taken);
    taken.add(second);
    const third = endpointIdFor('ws://h:1', taken);
    expect([first, second, third]).toEqual(['h:1', 'h:1~2', 'h:1~3']);
  });

  it('skips suffixes that are already taken', () => {
    expect(endpointIdFor('ws://h:1', new Set(['h:1', 'h:1~2', 'h:1~3']))).toBe('h:1~4');
    expect(endpointIdFor('ws://h:1', new Set(['h:1~2']))).toBe('h:1');
  });
});
