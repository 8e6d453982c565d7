// One call to the host from a control: busy while it runs, and its failure
// kept in words for an inline alert. Nothing is retried by itself.
import { useRef, useState } from 'react';

export interface HostCall {
  busy: boolean;
  error: string | undefined;
  /** Resolves to the result, or undefined when the call failed (the error is then set). */
  run<T>(call: () => Promise<T>): Promise<{ value: T } | undefined>;
  clearError(): void;
}

/** `failure` prefixes the host's own words: "Could not remove the endpoint". */
export function useHostCall(failure: string): HostCall {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const inFlight = useRef(false);

  const run = async <T>(call: () => Promise<T>): Promise<{ value: T } | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setError(undefined);
    try {
      return { value: await call() };
    } catch (caught) {
      setError(`${failure}: ${caught instanceof Error ? caught.message : String(caught)}`);
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return { busy, error, run, clearError: () => setError(undefined) };
}
