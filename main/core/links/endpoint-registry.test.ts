import { DEFAULT_SETTINGS } from '../../../shared/api/settings';
import Conf from 'conf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EndpointRegistry, type EndpointSpec, type SecretVault } from './endpoint-registry';
import { SETTINGS_FILE, SettingsStore } from '../settings/settings-store';

/**
 * An in-memory SecretVault; `reason` makes it report itself unavailable. Like
 * a careless implementation, it still stores whatever it is given: keeping
 * tokens out of an unavailable vault is the registry's job.
 */
class FakeVault implements SecretVault {
  readonly tokens = new Map<string, string>();
  reason: string | undefined;
  failLoad: string | undefined;

  unavailable(): Promise<string | undefined> {
    return Promise.resolve(this.reason);
  }
  save(id: string, token: string): Promise<void> {
    this.tokens.set(id, token);
    return Promise.resolve();
  }
  load(id: string): Promise<string | undefined> {
    if (this.failLoad) return Promise.reject(new Error(this.failLoad));
    return Promise.resolve(this.tokens.get(id));
  }
  remove(id: string): Promise<void> {
    this.tokens.delete(id);
    return Promise.resolve();
  }
}

const PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBdummydummydummydummydummydummydummydummydummydummydummy',
  '-----END CERTIFICATE-----',
  '',
].join('\n');
const TOKEN = 'tok-3f9a1c77-secret-value';

let dir: string;
let caFile: string;

const openSettings = () =>
  SettingsStore.open(
    dir,
    (cwd) =>
      new Conf({
        cwd,
        configName: 'settings',
        projectName: 'watchfloor-test',
        clearInvalidConfig: false,
      }),
  );
const settingsText = () => readFileSync(join(dir, SETTINGS_FILE), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-registry-'));
  caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, PEM);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('EndpointRegistry.prepare', () => {
  it('checks and normalises the URL and marks the spec as from settings', async () => {
    const registry = new EndpointRegistry(openSettings(), new FakeVault());
    const spec = await registry.prepare('a', { url: 'wss://ops.example:7301' });
    expect(spec).toEqual({
      id: 'a',
      url: 'wss://ops.example:7301/',
      token: undefined,
      ca: undefined,
      caFile: undefined,
      source: 'settings',
      problems: [],
    });
  });

  it.each(['http://ops.example', 'https://ops.example', 'not a url'])(
    'refuses %s, saying why',
    async (url) => {
      const vault = new FakeVault();
      const registry = new EndpointRegistry(openSettings(), vault);
      await expect(registry.prepare('a', { url, token: TOKEN })).rejects.toThrow(
        /starts with ws:\/\/ or wss:\/\/|not a valid URL/,
      );
      expect(vault.tokens.size).toBe(0);
    },
  );

  it.each(['ws://alice:SECRET@10.0.0.5:7400', 'wss://m.example.com/?access_token=SECRET'])(
    'refuses credentials in the URL %s and points to the Token field',
    async (url) => {
      const vault = new FakeVault();
      const registry = new EndpointRegistry(openSettings(), vault);
      await expect(registry.prepare('a', { url })).rejects.toThrow(/Token field/);
      expect(vault.tokens.size).toBe(0);
    },
  );

  it('reads the CA file into the spec', async () => {
    const registry = new EndpointRegistry(openSettings(), new FakeVault());
    const spec = await registry.prepare('a', { url: 'wss://ops.example', caFile });
    expect(spec.ca).toBe(PEM);
    expect(spec.caFile).toBe(caFile);
  });

  it('refuses a CA file without a PEM certificate, naming the file', async () => {
    const notPem = join(dir, 'key.txt');
    writeFileSync(notPem, 'just some text\n');
    const registry = new EndpointRegistry(openSettings(), new FakeVault());
    await expect(
      registry.prepare('a', { url: 'wss://ops.example', caFile: notPem }),
    ).rejects.toThrow(`CA file ${notPem}: no PEM certificate in it`);
  });

  it('refuses a missing CA file, naming the file', async () => {
    const missing = join(dir, 'missing.pem');
    const registry = new EndpointRegistry(openSettings(), new FakeVault());
    await expect(
      registry.prepare('a', { url: 'wss://ops.example', caFile: missing }),
    ).rejects.toThrow(new RegExp(`^CA file ${missing}: .*ENOENT`));
  });

  it('saves a new token in the vault when it is available', async () => {
    const vault = new FakeVault();
    const registry = new EndpointRegistry(openSettings(), vault);
    const spec = await registry.prepare('a', { url: 'wss://ops.example', token: TOKEN });
    expect(spec.token).toBe(TOKEN);
    expect(spec.problems).toEqual([]);
    expect(vault.tokens.get('a')).toBe(TOKEN);
  });

  it('an unavailable vault: the token is used for this session only, not saved, and it says why', async () => {
    const vault = new FakeVault();
    vault.reason = 'no system keyring';
    const registry = new EndpointRegistry(openSettings(), vault);
    const spec = await registry.prepare('a', { url: 'wss://ops.example', token: TOKEN });
    expect(spec.token).toBe(TOKEN);
    expect(spec.problems).toEqual([
      'token used for this session only, not saved: no system keyring',
    ]);
    expect(vault.tokens.size).toBe(0);
  });

  it('no vault at all (browser mode): the token is used for this session only', async () => {
    const registry = new EndpointRegistry(openSettings(), undefined);
    const spec = await registry.prepare('a', { url: 'wss://ops.example', token: TOKEN });
    expect(spec.token).toBe(TOKEN);
    expect(spec.problems).toHaveLength(1);
    expect(spec.problems?.[0]).toMatch(/^token used for this session only, not saved: .+/);
  });

  it("token '' removes the token from the vault and from the spec", async () => {
    const vault = new FakeVault();
    vault.tokens.set('a', TOKEN);
    const registry = new EndpointRegistry(openSettings(), vault);
    const before: EndpointSpec = {
      id: 'a',
      url: 'wss://ops.example/',
      token: TOKEN,
      source: 'settings',
    };
    const spec = await registry.prepare('a', { url: 'wss://ops.example', token: '' }, before);
    expect(spec.token).toBeUndefined();
    expect(spec.problems).toEqual([]);
    expect(vault.tokens.has('a')).toBe(false);
  });

  it('an absent token keeps the one of the spec being edited, without touching the vault', async () => {
    const vault = new FakeVault();
    vault.tokens.set('a', TOKEN);
    const registry = new EndpointRegistry(openSettings(), vault);
    const before: EndpointSpec = {
      id: 'a',
      url: 'wss://old.example/',
      token: TOKEN,
      source: 'settings',
    };
    const spec = await registry.prepare('a', { url: 'wss://new.example' }, before);
    expect(spec.url).toBe('wss://new.example/');
    expect(spec.token).toBe(TOKEN);
    expect(vault.tokens.get('a')).toBe(TOKEN);
  });

  it('a replaced token overwrites the stored one', async () => {
    const vault = new FakeVault();
    vault.tokens.set('a', 'old-token');
    const registry = new EndpointRegistry(openSettings(), vault);
    const before: EndpointSpec = {
      id: 'a',
      url: 'wss://ops.example/',
      token: 'old-token',
      source: 'settings',
    };
    const spec = await registry.prepare('a', { url: 'wss://ops.example', token: TOKEN }, before);
    expect(spec.token).toBe(TOKEN);
    expect(vault.tokens.get('a')).toBe(TOKEN);
  });
});

describe('EndpointRegistry.save', () => {
  it('writes only id, url and caFile to the settings file, never a token', async () => {
    const vault = new FakeVault();
    const settings = openSettings();
    const registry = new EndpointRegistry(settings, vault);
    const a = await registry.prepare('a', { url: 'wss://a.example', token: TOKEN, caFile });
    const b = await registry.prepare('b', { url: 'ws://b.example:7301', token: `${TOKEN}-b` });
    await registry.save([a, b]);

    expect(settings.value.endpoints).toEqual([
      { id: 'a', url: 'wss://a.example/', caFile },
      { id: 'b', url: 'ws://b.example:7301/' },
    ]);
    const text = settingsText();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('BEGIN CERTIFICATE');
    expect(JSON.parse(text)).toEqual({
      ...DEFAULT_SETTINGS,
      endpoints: [
        { id: 'a', url: 'wss://a.example/', caFile },
        { id: 'b', url: 'ws://b.example:7301/' },
      ],
    });
  });

  it('a session-only token is not written either', async () => {
    const registry = new EndpointRegistry(openSettings(), undefined);
    const spec = await registry.prepare('a', { url: 'wss://a.example', token: TOKEN });
    await registry.save([spec]);
    expect(settingsText()).not.toContain(TOKEN);
  });

  it('replaces the saved list: an endpoint left out is gone', async () => {
    const registry = new EndpointRegistry(openSettings(), new FakeVault());
    const a = await registry.prepare('a', { url: 'wss://a.example' });
    const b = await registry.prepare('b', { url: 'wss://b.example' });
    await registry.save([a, b]);
    await registry.save([b]);
    expect(JSON.parse(settingsText())).toMatchObject({
      endpoints: [{ id: 'b', url: 'wss://b.example/' }],
    });
  });
});

describe('EndpointRegistry.load', () => {
  it('returns the saved endpoints with their tokens and CA, across a restart', async () => {
    const vault = new FakeVault();
    const first = new EndpointRegistry(openSettings(), vault);
    const a = await first.prepare('a', { url: 'wss://a.example', token: TOKEN, caFile });
    const b = await first.prepare('b', { url: 'ws://b.example:7301' });
    await first.save([a, b]);

    const specs = await new EndpointRegistry(openSettings(), vault).load();
    expect(specs).toEqual([
      {
        id: 'a',
        url: 'wss://a.example/',
        caFile,
        token: TOKEN,
        ca: PEM,
        source: 'settings',
        problems: [],
      },
      {
        id: 'b',
        url: 'ws://b.example:7301/',
        token: undefined,
        ca: undefined,
        source: 'settings',
        problems: [],
      },
    ]);
  });

  it('takes credentials an older version stored in a URL out of the settings file', async () => {
    const settings = openSettings();
    settings.update({
      endpoints: [{ id: 'old', url: 'wss://alice:SECRET@m.example.com/wf?token=SECRET2&tenant=a' }],
    });
    const [spec] = await new EndpointRegistry(settings, new FakeVault()).load();
    expect(spec?.url).toBe('wss://m.example.com/wf?tenant=a');
    expect(spec?.problems?.join()).toMatch(/credentials were removed.*Token field/);
    expect(settingsText()).not.toMatch(/SECRET/);
    expect(readFileSync(join(dir, `${SETTINGS_FILE}.bak`), 'utf8')).not.toMatch(/SECRET/);
  });

  it('is empty with no saved endpoints', async () => {
    expect(await new EndpointRegistry(openSettings(), new FakeVault()).load()).toEqual([]);
  });

  it('without a vault, loads the endpoints without tokens', async () => {
    const settings = openSettings();
    settings.update({ endpoints: [{ id: 'a', url: 'wss://a.example/' }] });
    const [spec] = await new EndpointRegistry(settings, undefined).load();
    expect(spec?.url).toBe('wss://a.example/');
    expect(spec?.token).toBeUndefined();
  });

  it('a CA file gone since it was saved becomes a problem on that endpoint, not a failure', async () => {
    const settings = openSettings();
    const gone = join(dir, 'gone.pem');
    settings.update({ endpoints: [{ id: 'a', url: 'wss://a.example/', caFile: gone }] });
    const [spec] = await new EndpointRegistry(settings, new FakeVault()).load();
    expect(spec?.ca).toBeUndefined();
    expect(spec?.problems).toHaveLength(1);
    expect(spec?.problems?.[0]).toContain(`CA file ${gone}`);
  });

  it('an unreadable stored token becomes a problem on that endpoint, not a failure', async () => {
    const vault = new FakeVault();
    vault.failLoad = 'decryption failed';
    const settings = openSettings();
    settings.update({ endpoints: [{ id: 'a', url: 'wss://a.example/' }] });
    const [spec] = await new EndpointRegistry(settings, vault).load();
    expect(spec?.token).toBeUndefined();
    expect(spec?.problems).toEqual(['stored token unreadable: decryption failed']);
  });
});

describe('EndpointRegistry.forget', () => {
  it('removes the token from the vault', async () => {
    const vault = new FakeVault();
    vault.tokens.set('a', TOKEN);
    vault.tokens.set('b', 'other');
    await new EndpointRegistry(openSettings(), vault).forget('a');
    expect([...vault.tokens.keys()]).toEqual(['b']);
  });
});
