// ConsoleApi over the browser host's loopback WebSocket (JSON-RPC 2.0).
// Requests wait for the socket; a dropped socket is reopened with backoff and
// reported as 'lost' then 'open', so the app knows to reload the full state.
import { consoleDeltaSchema, type ConsoleDelta } from '../../../shared/api/console-state';
import { WEB_RPC_DELTA, webRpcName } from '../../../shared/api/console-channels';
import type { ConsoleApi } from '../../../shared/api/contract';
import { snapshotDownloadPath } from '../../../shared/api/snapshot-files';
import type {
  BridgeConnection,
  ConnectionListener,
  ConsoleBridge,
  ResultParser,
} from './bridge-connection';
import { contractApi } from './contract-api';
import { RpcRequests } from './rpc-requests';

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/** Where the page keeps the session token: sessionStorage is scoped to this tab and this port. */
const TOKEN_STORE = 'watchfloor.session';
/** What the host's file key signs (main/web/session-credential.ts FILE_KEY_PURPOSE). */
const FILE_KEY_PURPOSE = 'watchfloor files';

/**
 * Takes the session token out of the address (and so out of history) into this
 * tab's sessionStorage, which a reload keeps and no other origin, port
 * included, can read. Never a cookie: cookies go to every port of the host.
 */
export function takeSessionToken(): string | undefined {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given !== null) {
    sessionStorage.setItem(TOKEN_STORE, given);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return sessionStorage.getItem(TOKEN_STORE) ?? undefined;
}

export function browserHostUrl(token: string | undefined = takeSessionToken()): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}://${location.host}/api${query}`;
}

/** HMAC-SHA256(token, purpose) in base64url: the key that opens downloads, and nothing else. */
export async function fileKeyFor(token: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(token),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, encoder.encode(FILE_KEY_PURPOSE)),
  );
  return btoa(String.fromCharCode(...mac))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function createBrowserBridge(token = takeSessionToken()): ConsoleBridge {
  return new BrowserBridge(browserHostUrl(token), token);
}

class BrowserBridge implements ConsoleBridge {
  readonly api: ConsoleApi;
  private socket: WebSocket | undefined;
  private state: BridgeConnection = 'connecting';
  private attempt = 0;
  private readonly requests = new RpcRequests();
  private readonly deltaListeners = new Set<(delta: ConsoleDelta) => void>();
  private readonly connectionListeners = new Set<ConnectionListener>();
  private fileKey: string | undefined;

  constructor(
    private readonly url: string,
    token: string | undefined,
  ) {
    // WebCrypto is async; the key is ready long before a file is written to download.
    if (token !== undefined && globalThis.crypto?.subtle) {
      fileKeyFor(token).then(
        (key) => (this.fileKey = key),
        (error: unknown) => console.error('Watchfloor: cannot derive the download key', error),
      );
    }
    this.api = contractApi(
      (method, args, result) => this.request(webRpcName(method), args, result),
      (listener) => {
        this.deltaListeners.add(listener);
        return () => this.deltaListeners.delete(listener);
      },
    );
    this.connect();
  }

  onConnection(listener: ConnectionListener): () => void {
    this.connectionListeners.add(listener);
    listener(this.state);
    return () => this.connectionListeners.delete(listener);
  }

  /** The browser host serves the files this session wrote under one route, to its key only. */
  fileLink(fileName: string): string {
    const path = snapshotDownloadPath(fileName);
    return this.fileKey === undefined ? path : `${path}?key=${this.fileKey}`;
  }

  private request<T>(method: string, params: unknown, parser: ResultParser<T>): Promise<T> {
    const promise = this.requests.add(method, params, parser);
    this.flush();
    return promise;
  }

  private connect(): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch (error) {
      console.error('Watchfloor: cannot open the console host socket', error);
      this.setState('lost');
      return this.reconnectLater();
    }
    this.socket = socket;
    socket.onopen = () => this.opened();
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => this.closed(socket);
  }

  private opened(): void {
    this.attempt = 0;
    this.setState('open');
    this.flush();
  }

  private closed(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    this.requests.failSent(
      new Error(
        'Connection to the console host was lost before it replied; the outcome is unknown',
      ),
    );
    this.setState('lost');
    this.reconnectLater();
  }

  private reconnectLater(): void {
    // Exponential backoff with jitter so many walls do not reconnect in step.
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    this.attempt += 1;
    window.setTimeout(() => this.connect(), ceiling * (0.5 + Math.random() / 2));
  }

  private flush(): void {
    const socket = this.socket;
    if (socket?.readyState !== WebSocket.OPEN) return;
    for (const frame of this.requests.takeUnsent()) socket.send(frame);
  }

  private receive(data: unknown): void {
    const message = parseFrame(data);
    if (!message) return;
    if (message.method === WEB_RPC_DELTA) return this.emitDelta(message.params);
    if (typeof message.id === 'number') this.requests.settle(message.id, message);
  }

  private emitDelta(params: unknown): void {
    const parsed = consoleDeltaSchema.safeParse(params);
    if (!parsed.success) {
      console.error('Watchfloor: dropped a malformed delta from the console host', parsed.error);
      return;
    }
    for (const listener of this.deltaListeners) listener(parsed.data);
  }

  private setState(state: BridgeConnection): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.connectionListeners) listener(state);
  }
}

function parseFrame(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const message: unknown = JSON.parse(data);
    if (typeof message === 'object' && message !== null) return message as Record<string, unknown>;
  } catch {
    // Fall through: reported below like any other unreadable frame.
  }
  console.error('Watchfloor: ignored an unreadable frame from the console host');
  return undefined;
}
