import { describe, expect, it } from 'vitest';
import {
  canonicalEndpointUrl,
  endpointUrlProblem,
  redactedEndpointUrl,
  withoutCredentials,
} from './endpoint-url';

describe('endpoint URL rule', () => {
  it.each([
    'ws://127.0.0.1:7400',
    'wss://metrics.example.com/watchfloor',
    'WSS://Metrics.Example.com:8443/wf?tenant=acme',
    '  ws://[::1]:7400  ',
  ])('accepts %s', (url) => {
    expect(endpointUrlProblem(url)).toBe(undefined);
  });

  it.each([
    ['', /Enter the endpoint URL/],
    ['metrics.example.com', /not a valid URL/],
    ['http://metrics.example.com', /starts with ws:\/\/ or wss:\/\//],
    ['https://metrics.example.com', /starts with ws:\/\/ or wss:\/\//],
    ['ws://', /not a valid URL|no host name/],
  ])('refuses %j', (url, why) => {
    expect(endpointUrlProblem(url)).toMatch(why);
  });

  it('refuses credentials in the user-info part, pointing to the Token field', () => {
    expect(endpointUrlProblem('ws://alice:SECRET@10.0.0.5:7400')).toMatch(
      /Remove the user name and password.*Token field/,
    );
    expect(endpointUrlProblem('wss://alice@metrics.example.com')).toMatch(/user name/);
  });

  it.each(['access_token', 'token', 'api_key', 'apikey', 'password', 'Secret', 'auth'])(
    'refuses a %s query parameter and names it',
    (name) => {
      const problem = endpointUrlProblem(`wss://m.example.com/wf?${name}=abc&tenant=acme`);
      expect(problem).toMatch(new RegExp(`Remove "${name}" from the URL.*Token field`));
    },
  );

  it('keeps ordinary query parameters that only contain a secret-like word', () => {
    expect(endpointUrlProblem('wss://m.example.com/wf?tokenizer=on&monkey=1')).toBe(undefined);
  });

  it('spells a URL one way for comparing and storing', () => {
    expect(canonicalEndpointUrl(' WS://Example.COM:7400 ')).toBe('ws://example.com:7400/');
  });

  it('takes credentials out of a stored URL and keeps the rest', () => {
    const clean = withoutCredentials(
      'wss://alice:SECRET@m.example.com/wf?access_token=T&tenant=acme',
    );
    expect(clean).toBe('wss://m.example.com/wf?tenant=acme');
    expect(endpointUrlProblem(clean)).toBe(undefined);
  });

  it('hides passwords and credential values when a URL is printed', () => {
    expect(redactedEndpointUrl('ws://alice:SECRET@h:1/?token=T&tenant=a')).toBe(
      'ws://alice:***@h:1/?token=***&tenant=a',
    );
    expect(redactedEndpointUrl('not a url')).toBe('not a url');
  });
});

describe('endpoint URL rule, edges', () => {
  it('asks for a URL when the field holds only spaces', () => {
    expect(endpointUrlProblem('   ')).toMatch(/Enter the endpoint URL/);
  });

  it('refuses a password even without a user name', () => {
    expect(endpointUrlProblem('ws://:SECRET@h:1')).toMatch(/Remove the user name and password/);
  });

  // A URL pasted from a web page may carry no-break spaces, which the URL parser keeps.
  it('takes a URL pasted with no-break spaces around it', () => {
    const pasted = '\u00a0wss://alice:SECRET@m.example.com/wf?token=T\u00a0';
    expect(endpointUrlProblem('\u00a0ws://h:1\u00a0')).toBe(undefined);
    expect(canonicalEndpointUrl('\u00a0ws://h:1\u00a0')).toBe('ws://h:1/');
    expect(withoutCredentials(pasted)).toBe('wss://m.example.com/wf');
    expect(redactedEndpointUrl(pasted)).toBe('wss://alice:***@m.example.com/wf?token=***');
  });

  it('prints a URL without a password as it is', () => {
    expect(redactedEndpointUrl('ws://h:1/?tenant=a')).toBe('ws://h:1/?tenant=a');
    expect(redactedEndpointUrl('ws://alice@h:1/')).toBe('ws://alice@h:1/');
  });
});
