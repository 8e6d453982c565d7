// Whether a text is an endpoint URL the console may dial and store, in the
// words both the Connections form and the main process say. Credentials never
// ride in the URL: it is shown on screen, kept in settings and written into
// snapshots, so a password or token there would leak; the token field keeps
// them in the vault instead.

/** Query parameters that carry credentials by common convention. */
const SECRET_PARAMS =
  /^(access[_-]?token|token|api[_-]?key|apikey|key|password|passwd|secret|auth|authorization|sig|signature)$/i;

function secretParam(url: URL): string | undefined {
  return [...url.searchParams.keys()].find((name) => SECRET_PARAMS.test(name));
}

/** Why `raw` cannot be an endpoint URL, or undefined when it can. */
export function endpointUrlProblem(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '')
    return 'Enter the endpoint URL, for example wss://metrics.example.com/watchfloor';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a valid URL (expected ws://host:port or wss://…)';
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return 'An endpoint URL starts with ws:// or wss://';
  }
  if (url.hostname === '') return 'The URL has no host name';
  if (url.username !== '' || url.password !== '') {
    return 'Remove the user name and password from the URL: put the token in the Token field, where it is kept encrypted';
  }
  const secret = secretParam(url);
  if (secret !== undefined) {
    return `Remove "${secret}" from the URL: put the token in the Token field, where it is kept encrypted`;
  }
  return undefined;
}

/** The URL in its one canonical spelling, for comparing and storing. */
export function canonicalEndpointUrl(raw: string): string {
  return new URL(raw.trim()).toString();
}

/** The URL with any user name, password and credential parameters taken out. */
export function withoutCredentials(raw: string): string {
  const url = new URL(raw.trim());
  url.username = '';
  url.password = '';
  for (let name = secretParam(url); name !== undefined; name = secretParam(url)) {
    url.searchParams.delete(name);
  }
  return url.toString();
}

/** The URL as it may be printed: any password or credential parameter value hidden. */
export function redactedEndpointUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw;
  }
  if (url.password !== '') url.password = '***';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) url.searchParams.set(name, '***');
  }
  return url.toString();
}
