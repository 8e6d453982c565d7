import { describe, expect, it } from 'vitest';
import { classifyClose, classifySocketError } from './link-faults';

const socketError = (message: string, code?: string) =>
  Object.assign(new Error(message), code === undefined ? {} : { code });

describe('classifySocketError', () => {
  it.each([401, 403])('HTTP %d at the upgrade: failed, token rejected', (status) => {
    expect(classifySocketError(socketError(`Unexpected server response: ${status}`))).toEqual({
      kind: 'failed',
      message: `token rejected by the endpoint (HTTP ${status})`,
    });
  });

  it.each([426, 400])('HTTP %d at the upgrade: failed, subprotocol refused', (status) => {
    expect(classifySocketError(socketError(`Unexpected server response: ${status}`))).toEqual({
      kind: 'failed',
      message: `endpoint refused subprotocol watchfloor.v1 (HTTP ${status})`,
    });
  });

  it.each([503, 502, 500, 404])('HTTP %d at the upgrade: retry', (status) => {
    expect(classifySocketError(socketError(`Unexpected server response: ${status}`))).toEqual({
      kind: 'retry',
      message: `endpoint answered HTTP ${status}`,
    });
  });

  it.each(['Server sent no subprotocol', 'Server sent an invalid subprotocol'])(
    "'%s': failed, the endpoint does not speak watchfloor.v1",
    (message) => {
      const fault = classifySocketError(socketError(message));
      expect(fault.kind).toBe('failed');
      expect(fault.message).toBe(`endpoint does not speak watchfloor.v1: ${message}`);
    },
  );

  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ENOTFOUND', 'host not found'],
    ['ECONNRESET', 'connection reset'],
  ])('%s: retry (%s)', (code, message) => {
    expect(classifySocketError(socketError(`connect ${code} 127.0.0.1:7301`, code))).toEqual({
      kind: 'retry',
      message,
    });
  });

  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
    ['CERT_HAS_EXPIRED', 'certificate has expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"],
  ])('TLS error %s: failed, certificate not trusted', (code, message) => {
    expect(classifySocketError(socketError(message, code))).toEqual({
      kind: 'failed',
      message: `TLS certificate not trusted: ${message}`,
    });
  });

  it('a certificate problem named only in the message is failed too', () => {
    expect(classifySocketError(socketError('unable to get local issuer certificate')).kind).toBe(
      'failed',
    );
  });

  it('max payload exceeded: retry, reported as a too-big frame closed with 1009', () => {
    const fault = classifySocketError(
      socketError('Max payload size exceeded', 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'),
    );
    expect(fault.kind).toBe('retry');
    expect(fault.message).toMatch(/frame too big.*1009/);
  });

  it('anything else: retry with the error message', () => {
    expect(classifySocketError(socketError('socket hang up'))).toEqual({
      kind: 'retry',
      message: 'socket hang up',
    });
    expect(classifySocketError(socketError('weird', 'EWHATEVER'))).toEqual({
      kind: 'retry',
      message: 'weird',
    });
  });
});

describe('classifyClose', () => {
  it.each([
    [4001, 'failed', /token rejected by the endpoint \(close 4001\)/],
    [4002, 'failed', /protocol version mismatch \(close 4002\)/],
    [1008, 'failed', /policy violation \(1008\)/],
    [1009, 'retry', /frame too big \(1009\)/],
    [4003, 'retry', /too slow \(4003\)/],
    [4004, 'failed', /too many series \(4004\)/],
  ] as const)('close %d: %s', (code, kind, message) => {
    const fault = classifyClose(code, '');
    expect(fault.kind).toBe(kind);
    expect(fault.message).toMatch(message);
    expect(fault.message).not.toMatch(/: $/);
  });

  it.each([4001, 4002, 1008, 1009, 4003, 4004])('close %d appends the reason', (code) => {
    expect(classifyClose(code, 'because').message).toMatch(/\): because$/);
  });

  it('1006 (no close frame): retry, connection lost', () => {
    expect(classifyClose(1006, '')).toEqual({ kind: 'retry', message: 'connection lost' });
  });

  it.each([1000, 1001, 1011, 4999])('any other code (%d): retry, naming the code', (code) => {
    expect(classifyClose(code, '')).toEqual({ kind: 'retry', message: `closed with code ${code}` });
    expect(classifyClose(code, 'bye')).toEqual({
      kind: 'retry',
      message: `closed with code ${code}: bye`,
    });
  });
});
