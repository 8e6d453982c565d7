// The console core: owns the links, the stores, the action desk and the feed,
// and serves the ConsoleApi that both hosts (Electron IPC, browser host) expose.
import {
  actionRequestSchema,
  type ActionRecord,
  type ActionRequest,
  type ConsoleApi,
  type ConsoleDelta,
  type ConsoleState,
} from '../../shared/console-api';
import type { EndpointNotification } from '../../shared/protocol';
import { ActionDesk } from './action-desk';
import { ConsoleFeed } from './console-feed';
import { DeployStore } from './deploy-store';
import { EndpointLink } from './endpoint-link';
import { endpointIdFor } from './endpoint-id';
import { SeriesStore } from './series-store';

export interface ConsoleCoreOptions {
  endpoints: string[];
  clientVersion: string;
  /** Samples kept per series: 3600 is one hour at 1 Hz. */
  seriesCapacity?: number;
  flushMs?: number;
  /** How much history a fresh renderer receives. */
  initialWindowMs?: number;
}

export class ConsoleCore implements ConsoleApi {
  readonly links = new Map<string, EndpointLink>();
  private readonly series: SeriesStore;
  private readonly deploys = new DeployStore();
  private readonly feed: ConsoleFeed;
  private readonly desk: ActionDesk;

  constructor(private readonly options: ConsoleCoreOptions) {
    this.series = new SeriesStore(options.seriesCapacity ?? 3600);
    this.feed = new ConsoleFeed(options.flushMs ?? 200);
    this.desk = new ActionDesk(this.links, (record) => this.feed.action(record));
    for (const url of options.endpoints) this.addLink(url);
  }

  start(): void {
    this.feed.start();
    for (const link of this.links.values()) link.start();
  }

  stop(): void {
    this.feed.stop();
    for (const link of this.links.values()) link.stop();
  }

  getState(): Promise<ConsoleState> {
    const since = Date.now() - (this.options.initialWindowMs ?? 15 * 60_000);
    return Promise.resolve({
      endpoints: [...this.links.values()].map((link) => link.status),
      series: this.series.catalog(),
      points: this.series.pointsSince(since),
      deployments: this.deploys.all(),
      actions: this.desk.list(),
    });
  }

  /** Validates here as well as at the IPC edge: the core trusts no caller. */
  submitAction(request: ActionRequest): Promise<ActionRecord> {
    return this.desk.submit(actionRequestSchema.parse(request));
  }

  onDelta(listener: (delta: ConsoleDelta) => void): () => void {
    return this.feed.subscribe(listener);
  }

  private addLink(url: string): void {
    const id = endpointIdFor(url, new Set(this.links.keys()));
    const link = new EndpointLink({ id, url, clientVersion: this.options.clientVersion });
    link.on('status', (status) => {
      if (status.state === 'connecting') this.deploys.reset(id);
      this.feed.endpoint(status);
    });
    link.on('notification', (message) => this.onNotification(id, message));
    this.links.set(id, link);
  }

  private onNotification(endpointId: string, message: EndpointNotification): void {
    switch (message.method) {
      case 'catalog':
        this.feed.catalog(this.series.upsertCatalog(endpointId, message.params.series));
        return;
      case 'samples':
        return this.onSamples(endpointId, message.params.batches);
      case 'deployments': {
        const stored = this.deploys.apply({ endpointId, ...message.params });
        if (stored) this.feed.deployment(stored);
        return;
      }
      case 'action.status':
        this.desk.status(endpointId, message.params);
        return;
    }
  }

  private onSamples(
    endpointId: string,
    batches: Extract<EndpointNotification, { method: 'samples' }>['params']['batches'],
  ): void {
    const { added } = this.series.append(endpointId, batches);
    for (const { key, points } of added) this.feed.samples(key, points);
  }
}
