import { describe, expect, it } from 'vitest';
import { outOfTurn } from '../../../../endpoints/shared/request-turn';

describe('§3 turn-taking shared by the bridges', () => {
  it('lets the first hello in, and everything after it', () => {
    expect(outOfTurn('hello', false)).toBeUndefined();
    expect(outOfTurn('action.submit', true)).toBeUndefined();
    expect(outOfTurn('action.get', true)).toBeUndefined();
  });

  it('refuses a request before hello with -32600, naming it', () => {
    expect(outOfTurn('action.submit', false)).toEqual({
      code: -32600,
      message: 'say hello before action.submit',
    });
  });

  it('refuses a second hello with -32600', () => {
    expect(outOfTurn('hello', true)).toEqual({
      code: -32600,
      message: 'hello was already answered on this connection',
    });
  });
});
