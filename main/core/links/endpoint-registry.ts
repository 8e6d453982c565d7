// The user's own endpoints: kept in the settings file (without tokens), with
// tokens in a SecretVault. Where no vault can keep a token safely, the token
// is used for this session only and the operator is told so.
import { readFile } from 'node:fs/promises';
import type { EndpointConfig, EndpointStatus } from '../../../shared/api/links';
import type { StoredEndpoint } from '../../../shared/api/settings';
import {
  canonicalEndpointUrl,
  endpointUrlProblem,
  withoutCredentials,
} from '../../../shared/rules/endpoint-url';
import type { SettingsStore } from '../settings/settings-store';

export interface EndpointSpec {
  id?: string;
  url: string;
  token?: string;
  /** PEM text of the extra CA, read from caFile. */
  ca?: string;
  caFile?: string;
  source: EndpointStatus['source'];
  /** Problems to show on the link from the start (a token not kept, say). */
  problems?: string[];
}

/** Encrypted token storage; the desktop app's is Electron's safeStorage. */
export interface SecretVault {
  /** Why tokens cannot be kept safely here, or undefined when they can. */
  unavailable(): Promise<string | undefined>;
  save(id: string, token: string): Promise<void>;
  load(id: string): Promise<string | undefined>;
  remove(id: string): Promise<void>;
}

export class EndpointRegistry {
  constructor(
    private readonly settings: SettingsStore,
    private readonly vault: SecretVault | undefined,
  ) {}

  /** The saved endpoints, ready to link. */
  async load(): Promise<EndpointSpec[]> {
    const specs: EndpointSpec[] = [];
    for (const { endpoint: stored, problems } of this.scrubbedEndpoints()) {
      const token = await this.vault?.load(stored.id).catch((err: Error) => {
        problems.push(`stored token unreadable: ${err.message}`);
        return undefined;
      });
      const ca = stored.caFile
        ? await readCa(stored.caFile).catch((err: Error) => {
            problems.push(err.message);
            return undefined;
          })
        : undefined;
      specs.push({ ...stored, token, ca, source: 'settings', problems });
    }
    return specs;
  }

  /**
   * Stored endpoints with any credentials an older version let into their URL
   * taken out, and the settings file rewritten without them.
   */
  private scrubbedEndpoints(): { endpoint: StoredEndpoint; problems: string[] }[] {
    const scrubbed = this.settings.value.endpoints.map((endpoint) => {
      const url = withoutCredentials(endpoint.url);
      if (url === endpoint.url) return { endpoint, problems: [] };
      const problems = [
        'credentials were removed from this endpoint URL: put the token in the Token field, where it is kept encrypted',
      ];
      return { endpoint: { ...endpoint, url }, problems };
    });
    if (scrubbed.some((entry) => entry.problems.length > 0)) {
      this.settings.update({ endpoints: scrubbed.map((entry) => entry.endpoint) });
    }
    return scrubbed;
  }

  /** Checks a configuration and keeps its token; `before` is the spec being edited. */
  async prepare(id: string, config: EndpointConfig, before?: EndpointSpec): Promise<EndpointSpec> {
    const problem = endpointUrlProblem(config.url);
    if (problem) throw new Error(problem);
    const url = canonicalEndpointUrl(config.url);
    const ca = config.caFile ? await readCa(config.caFile) : undefined;
    const problems: string[] = [];
    let token = before?.token;
    if (config.token === '') {
      token = undefined;
      await this.vault?.remove(id);
    } else if (config.token !== undefined) {
      token = config.token;
      const why = this.vault
        ? await this.vault.unavailable()
        : 'browser mode has no encrypted store';
      if (why) {
        problems.push(`token used for this session only, not saved: ${why}`);
        // An older saved token must not come back silently at the next start.
        await this.vault?.remove(id);
      } else await this.vault?.save(id, token);
    }
    return { id, url, token, ca, caFile: config.caFile, source: 'settings', problems };
  }

  async forget(id: string): Promise<void> {
    await this.vault?.remove(id);
  }

  save(specs: EndpointSpec[]): Promise<void> {
    const endpoints: StoredEndpoint[] = specs.map(({ id, url, caFile }) => ({
      id: id as string,
      url,
      ...(caFile ? { caFile } : {}),
    }));
    this.settings.update({ endpoints });
    return Promise.resolve();
  }
}

async function readCa(file: string): Promise<string> {
  try {
    const pem = await readFile(file, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
    return pem;
  } catch (err) {
    throw new Error(`CA file ${file}: ${(err as Error).message}`, { cause: err });
  }
}
