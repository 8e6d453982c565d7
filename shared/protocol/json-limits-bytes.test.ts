// The byte limit measures a value as the JSON text it would become, in UTF-8.
// It may over-count by one byte per container (a comma it cannot see is
// missing) but must never under-count: every case below sits just inside and
// just outside the limit, measured against the real JSON.stringify output.
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, freeFormProblem } from './json-limits';

const LIMIT = JSON_LIMITS.bytes;
const TOO_LARGE = /^larger than 65536 bytes as JSON$/;

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** The value `make` builds, padded with ASCII so its JSON text is exactly `bytes` long. */
function sized(bytes: number, make: (pad: string) => unknown): unknown {
  const value = make('a'.repeat(bytes - jsonBytes(make(''))));
  expect(jsonBytes(value)).toBe(bytes);
  return value;
}

/** Inside the limit by the per-container slack, and one byte past it. */
function expectLimitAt(containers: number, make: (pad: string) => unknown): void {
  expect(freeFormProblem(sized(LIMIT - containers, make))).toBeUndefined();
  expect(freeFormProblem(sized(LIMIT + 1, make))).toMatch(TOO_LARGE);
}

const THOUSAND = 1_000;

describe('free-form byte limit: UTF-8 width of each character', () => {
  it.each([
    ['DEL, the last one-byte character', '\u007f'],
    ['the first two-byte character', '\u0080'],
    ['é', 'é'],
    ['the last two-byte character', '\u07ff'],
    ['the first three-byte character', '\u0800'],
    ['€', '€'],
    ['the last three-byte character below the surrogates', '\ud7ff'],
    ['the first three-byte character above the surrogates', '\ue000'],
    ['the last BMP character', '\uffff'],
    ['the first astral character (lowest surrogates)', '\ud800\udc00'],
    ['the last astral character (highest surrogates)', '\udbff\udfff'],
    ['an emoji', '😀'],
  ])('counts %s exactly', (_name, char) => {
    expectLimitAt(1, (pad) => ({ text: char.repeat(THOUSAND) + pad }));
  });
});

describe('free-form byte limit: every kind of member', () => {
  it('counts the quotes around each string in an array, and no keys for its items', () => {
    expectLimitAt(1, (pad) => [...Array.from({ length: THOUSAND - 1 }, () => 's'.repeat(60)), pad]);
  });

  it('counts numbers, booleans and null as their JSON text', () => {
    const scalars = [12_345.678, -7, true, false, null, 1e21];
    expectLimitAt(1, (pad) => [
      ...Array.from({ length: THOUSAND - 1 }, (_, i) => scalars[i % scalars.length]),
      pad,
    ]);
  });

  it('counts brackets and commas of many small arrays', () => {
    expectLimitAt(501, (pad) => [...Array.from({ length: 500 }, () => [1, 2, 3]), pad]);
  });

  it('counts the quoted key and colon of every object member, at any depth', () => {
    expectLimitAt(1, (pad) =>
      Object.fromEntries([
        ...Array.from({ length: THOUSAND - 1 }, (_, i) => [`key-${String(i).padStart(4, '0')}`, 1]),
        ['pad', pad],
      ]),
    );
    expectLimitAt(4, (pad) => ({ outer: [{ inner: [pad, 'x'.repeat(THOUSAND)] }] }));
  });

  it('counts a bare string exactly: the limit itself is allowed', () => {
    expect(freeFormProblem(sized(LIMIT, (pad) => pad))).toBeUndefined();
    expect(freeFormProblem(sized(LIMIT + 1, (pad) => pad))).toMatch(TOO_LARGE);
  });
});
