// Why a link ended, and whether a quick retry can help. A rejected token or
// a protocol mismatch will not heal in a second: those are `failed`.
import { CLOSE_CODES, SUBPROTOCOL } from '../../../shared/protocol';

export interface LinkFault {
  kind: 'retry' | 'failed';
  message: string;
}

export function classifySocketError(err: Error & { code?: string }): LinkFault {
  const http = /Unexpected server response: (\d{3})/.exec(err.message);
  if (http) return classifyHttpStatus(Number(http[1]));
  if (/subprotocol/i.test(err.message)) {
    return { kind: 'failed', message: `endpoint does not speak ${SUBPROTOCOL}: ${err.message}` };
  }
  if (err.code === 'ECONNREFUSED') return { kind: 'retry', message: 'connection refused' };
  if (err.code === 'ENOTFOUND') return { kind: 'retry', message: 'host not found' };
  if (err.code === 'ECONNRESET') return { kind: 'retry', message: 'connection reset' };
  const tls = `${err.code ?? ''} ${err.message}`;
  if (/certificate|self.signed|CERT_|UNABLE_TO_VERIFY/i.test(tls)) {
    return { kind: 'failed', message: `TLS certificate not trusted: ${err.message}` };
  }
  if (/SSL|TLS/i.test(tls))
    return { kind: 'failed', message: `TLS handshake failed: ${err.message}` };
  if (/Max payload size exceeded/i.test(err.message)) {
    return { kind: 'retry', message: 'frame too big (over 1 MiB): closed with 1009' };
  }
  return { kind: 'retry', message: err.message };
}

function classifyHttpStatus(status: number): LinkFault {
  if (status === 401 || status === 403) {
    return { kind: 'failed', message: `token rejected by the endpoint (HTTP ${status})` };
  }
  if (status === 426 || status === 400) {
    return {
      kind: 'failed',
      message: `endpoint refused subprotocol ${SUBPROTOCOL} (HTTP ${status})`,
    };
  }
  return { kind: 'retry', message: `endpoint answered HTTP ${status}` };
}

export function classifyClose(code: number, reason: string): LinkFault {
  const why = reason ? `: ${reason}` : '';
  switch (code) {
    case CLOSE_CODES.authFailed:
      return { kind: 'failed', message: `token rejected by the endpoint (close ${code})${why}` };
    case CLOSE_CODES.versionMismatch:
      return { kind: 'failed', message: `protocol version mismatch (close ${code})${why}` };
    case CLOSE_CODES.policy:
      return { kind: 'failed', message: `endpoint closed for a policy violation (1008)${why}` };
    case CLOSE_CODES.tooBig:
      return { kind: 'retry', message: `frame too big (1009)${why}` };
    case CLOSE_CODES.slowConsumer:
      return { kind: 'retry', message: `endpoint says the console is too slow (4003)${why}` };
    case CLOSE_CODES.tooManySeries:
      return { kind: 'failed', message: `too many series (4004)${why}` };
    case 1006:
      return { kind: 'retry', message: 'connection lost' };
    default:
      return { kind: 'retry', message: `closed with code ${code}${why}` };
  }
}
