// The endpoint URL as the form can judge it before asking the host, which
// checks again and has the last word.
export function endpointUrlProblem(raw: string): string | undefined {
  const url = raw.trim();
  if (url === '') return 'Enter the endpoint URL, for example wss://metrics.example.com/watchfloor';
  if (!/^wss?:\/\//i.test(url)) return 'An endpoint URL starts with ws:// or wss://';
  try {
    if (new URL(url).hostname === '') return 'The URL has no host name';
  } catch {
    return 'This is not a valid URL';
  }
  return undefined;
}
