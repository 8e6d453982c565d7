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

export function browserHostUrl(): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // Without a token in the address, the host's session cookie authenticates the socket.
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}://${location.host}/api${query}`;
}

export function createBrowserBridge(url = browserHostUrl()): ConsoleBridge {
  return new BrowserBridge(url);
}

class BrowserBridge implements ConsoleBridge {
  readonly api: ConsoleApi;
  private socket: WebSocket | undefined;
  private state: BridgeConnection = 'connecting';
  private attempt = 0;
  private readonly requests = new RpcRequests();
  private readonly deltaListeners = new Set<(delta: ConsoleDelta) => void>();
  private readonly connectionListeners = new Set<ConnectionListener>();

  constructor(private readonly url: string) {
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

  /** The browser host serves the files this session wrote under one route. */
  fileLink(fileName: string): string {
    return snapshotDownloadPath(fileName);
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
