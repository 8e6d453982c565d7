import { describe, expect, it } from 'vitest';
import {
  failingFromLog,
  failingFromResults,
  stepStandIn,
} from '../../../../endpoints/buildbot/failing-tests';

const set = (category: string, value_unit = 'boolean') => ({
  test_result_setid: 1,
  category,
  value_unit,
  tests_failed: null,
});

describe('failing tests from Buildbot test results', () => {
  it('names the tests whose pass_fail value is 0, in order, once each', () => {
    const names = failingFromResults([
      {
        set: set('pass_fail'),
        results: [
          { test_name: 'invoice_total', value: '0' },
          { test_name: 'tax_rounding', value: '1' },
          { test_name: null, test_code_path: 'tests/email.sh', value: '0' },
          { test_name: 'invoice_total', value: '0' },
        ],
      },
    ]);
    expect(names).toEqual(['invoice_total', 'tests/email.sh']);
  });

  it('takes every fail_only result as a failure, and says nothing for sets it cannot read', () => {
    expect(
      failingFromResults([
        { set: set('fail_only', 'none'), results: [{ test_name: 'a', value: 'x' }] },
      ]),
    ).toEqual(['a']);
    expect(
      failingFromResults([
        { set: set('performance', 'ns'), results: [{ test_name: 'a', value: '5' }] },
      ]),
    ).toBeUndefined();
    expect(failingFromResults([])).toBeUndefined();
  });
});

describe('failing tests from a failing step’s log', () => {
  it('reads unittest, pytest, TAP and FAIL: lines', () => {
    const lines = [
      'ok tax_rounding',
      'FAIL: invoice_total (expected 42, got 43)',
      'FAILED tests/test_mail.py::test_signup_email - AssertionError',
      'not ok 4 - renders the PDF # slow',
      'ERROR: test_refund (billing.tests.RefundTest)',
      '2 failed',
    ];
    expect(failingFromLog(lines)).toEqual([
      'invoice_total',
      'tests/test_mail.py::test_signup_email',
      'renders the PDF',
      'test_refund',
    ]);
  });

  it('uses the configured pattern instead, its first group being the name', () => {
    expect(failingFromLog(['✗ checkout › pays', 'FAIL: other'], /^✗ (.+)$/)).toEqual([
      'checkout › pays',
    ]);
  });

  it('keeps within the protocol: 500 names of at most 300 characters', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `FAIL: ${'x'.repeat(400)}${i}`);
    const names = failingFromLog(lines);
    expect(names.length).toBeLessThanOrEqual(500);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(300);
  });

  it('lets the failing step stand in when nothing names a test', () => {
    expect(stepStandIn({ name: 'compile', state_string: "'make' (failure)" })).toBe(
      "step compile failed: 'make' (failure)",
    );
  });
});
