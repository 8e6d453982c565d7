import { describe, expect, it } from 'vitest';
import { OutputTail } from '../../../../endpoints/runbook/output-tail';

describe('OutputTail', () => {
  it('keeps the last lines, without banner stars, colours or blank lines', () => {
    const tail = new OutputTail(2);
    tail.add([
      'TASK [one] *****************',
      '',
      '\u001b[0;32mok: [localhost]\u001b[0m',
      'TASK [two] ****',
    ]);
    expect(tail.message('running')).toBe('running\nok: [localhost]\nTASK [two]');
  });

  it('stays within the protocol’s 2,000 characters, newest output kept', () => {
    const tail = new OutputTail(50);
    tail.add(Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(100)}`));
    const message = tail.message('failed: exit code 2');
    expect(message.length).toBeLessThanOrEqual(2_000);
    expect(message.startsWith('failed: exit code 2\n…')).toBe(true);
    expect(message).toContain('line 49');
  });
});
