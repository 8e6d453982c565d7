// A refusal once the answer has begun cannot change its status: it cuts the answer off.
import type { ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { refuse } from './http-refusal';

function response(headersSent: boolean) {
  return {
    headersSent,
    statusCode: 200,
    setHeader: vi.fn(),
    end: vi.fn(),
    destroy: vi.fn(),
  };
}

describe('refuse', () => {
  it('answers with the status and a plain-text line', () => {
    const res = response(false);
    refuse(res as unknown as ServerResponse, 404, 'Not found');
    expect(res.statusCode).toBe(404);
    expect(res.setHeader).toHaveBeenCalledWith('Content-Type', 'text/plain; charset=utf-8');
    expect(res.end).toHaveBeenCalledWith('Not found');
    expect(res.destroy).not.toHaveBeenCalled();
  });

  it('cuts off an answer already under way rather than pretend it failed cleanly', () => {
    const res = response(true);
    refuse(res as unknown as ServerResponse, 404, 'Not found');
    expect(res.destroy).toHaveBeenCalledOnce();
    expect(res.end).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(200);
  });
});
