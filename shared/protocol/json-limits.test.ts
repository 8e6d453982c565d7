import { describe, expect, it } from 'vitest';
import {
  JSON_LIMITS,
  freeFormObjectSchema,
  freeFormProblem,
  freeFormValueSchema,
  frameDepthProblem,
} from './json-limits';

/** `{ a: { a: … } }` nested `levels` deep, built without recursion. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < levels; i += 1) value = { a: value };
  return value;
}

describe('free-form JSON limits', () => {
  it('accepts ordinary event data and procedure args', () => {
    expect(freeFormProblem({ service: 'billing', to: '2.13.2', rings: ['beta', 'all'] })).toBe(
      undefined,
    );
    expect(freeFormProblem(nested(JSON_LIMITS.depth))).toBe(undefined);
  });

  it('refuses data nested past the depth limit, even 6,000 levels deep', () => {
    expect(freeFormProblem(nested(JSON_LIMITS.depth + 1))).toMatch(/nested deeper than 8/);
    expect(freeFormProblem(nested(6_000))).toMatch(/nested deeper/);
    expect(freeFormObjectSchema.safeParse(nested(6_000)).success).toBe(false);
  });

  it('refuses a container wider than the member limit', () => {
    const wide = Object.fromEntries(
      Array.from({ length: JSON_LIMITS.members + 1 }, (_, i) => [`k${i}`, i]),
    );
    expect(freeFormProblem(wide)).toMatch(/more than 1000 members/);
    expect(freeFormProblem({ list: Array.from({ length: JSON_LIMITS.members }, () => 0) })).toBe(
      undefined,
    );
  });

  it('refuses data larger than the byte limit, counting multi-byte characters', () => {
    const half = JSON_LIMITS.bytes / 2;
    expect(freeFormProblem({ text: 'a'.repeat(half) })).toBe(undefined);
    expect(freeFormProblem({ text: 'é'.repeat(half) })).toMatch(/larger than 65536 bytes/);
  });

  it('bounds the nesting of a whole frame', () => {
    expect(frameDepthProblem({ jsonrpc: '2.0', params: nested(20) })).toBe(undefined);
    expect(frameDepthProblem({ jsonrpc: '2.0', params: nested(6_000) })).toMatch(/deeper than 32/);
  });

  it('takes a frame of exactly 32 levels and refuses one of 33', () => {
    expect(frameDepthProblem(nested(JSON_LIMITS.frameDepth))).toBe(undefined);
    expect(frameDepthProblem(nested(JSON_LIMITS.frameDepth + 1))).toBe(
      'nested deeper than 32 levels',
    );
  });

  it('refuses a value that contains itself as too deep, instead of walking it forever', () => {
    // Never from the wire (JSON cannot spell a cycle), but an in-process
    // caller can hand one over.
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(freeFormProblem(cyclic)).toBe('nested deeper than 8 levels');
    expect(frameDepthProblem({ jsonrpc: '2.0', params: cyclic })).toBe(
      'nested deeper than 32 levels',
    );
  });

  it('checks any JSON value, not only objects, with the problem as the message', () => {
    expect(freeFormValueSchema.safeParse('text').success).toBe(true);
    expect(freeFormValueSchema.safeParse(['beta', 'all']).success).toBe(true);
    expect(freeFormValueSchema.safeParse(null).success).toBe(true);
    const result = freeFormValueSchema.safeParse([nested(JSON_LIMITS.depth)]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'nested deeper than 8 levels',
    ]);
  });
});
