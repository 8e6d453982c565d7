import { describe, expect, it } from 'vitest';
import { unsafeValueProblem } from '../../../../endpoints/runbook/argument-safety';
import {
  UnsafeArgumentError,
  buildArgv,
  templateProblems,
} from '../../../../endpoints/runbook/argv-template';

describe('argument safety', () => {
  it('lets identifiers and versions through', () => {
    for (const value of ['shop', '1.0.1', '2.0.0-rc.1', '1.0.1+b7', 'prod_eu', 'B42']) {
      expect(unsafeValueProblem('version', value), value).toBeUndefined();
    }
  });

  it('refuses what could become an option, a second argument, shell text or a path', () => {
    for (const value of [
      '--force',
      '-e',
      'a;b',
      '$(id)',
      '`id`',
      'a b',
      'a\nb',
      '../x',
      'a/b',
      '',
      "it's",
    ]) {
      expect(unsafeValueProblem('version', value), JSON.stringify(value)).toMatch(/is refused/);
    }
  });

  it('leaves free text to where the template puts it', () => {
    expect(unsafeValueProblem('reason', '--rm -rf /; $(id)')).toBeUndefined();
  });
});

describe('argv templates', () => {
  it('fills placeholders element by element, never splitting or joining elements', () => {
    const argv = buildArgv(['-i', 'localhost,', '--limit={service}', '{version}'], {
      service: 'shop',
      version: '1.0.1',
    });
    expect(argv).toEqual(['-i', 'localhost,', '--limit=shop', '1.0.1']);
  });

  it('puts a JSON element together with typed values and free text intact', () => {
    const reason = 'INC-9 "quoted"\n--evil $(id)';
    const [json] = buildArgv(
      [{ json: { total: '{total}', reason: '{reason}', note: 'v{version}' } }],
      {
        total: 3,
        reason,
        version: '1.0.1',
      },
    );
    expect(JSON.parse(json as string)).toEqual({ total: 3, reason, note: 'v1.0.1' });
  });

  it('throws on an unsafe value wherever it would go', () => {
    expect(() => buildArgv(['{version}'], { version: '--help' })).toThrow(UnsafeArgumentError);
    expect(() => buildArgv([{ json: { v: '{version}' } }], { version: 'a;b' })).toThrow(
      UnsafeArgumentError,
    );
  });

  it('finds unknown placeholders and free text before a "--"', () => {
    expect(templateProblems(['{versoin}'])).toEqual(['args[0]: unknown placeholder {versoin}']);
    expect(templateProblems(['--note={reason}'])[0]).toMatch(/\{reason\} is free text/);
    expect(templateProblems(['-i', 'localhost,', '{operator}'])[0]).toMatch(
      /\{operator\} is free text/,
    );
    expect(templateProblems(['--', '{reason}', { json: { by: '{operator}' } }])).toEqual([]);
  });
});
