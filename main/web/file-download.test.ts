// The Content-Disposition of a download: an ASCII fallback and the exact UTF-8 name.
import { describe, expect, it } from 'vitest';
import { attachment } from './file-download';

describe('attachment', () => {
  it('keeps safe ASCII as it is and replaces the rest in the fallback', () => {
    expect(attachment('Billing outage (1) café.wfsnap')).toBe(
      `attachment; filename="Billing outage (1) caf_.wfsnap"; ` +
        `filename*=UTF-8''Billing%20outage%20%281%29%20caf%C3%A9.wfsnap`,
    );
  });

  it('never lets a quote or a star through, and escapes them in upper-case hex', () => {
    expect(attachment(`a"b'c*d.html`)).toBe(
      `attachment; filename="a_b_c_d.html"; filename*=UTF-8''a%22b%27c%2Ad.html`,
    );
  });
});
