// Starts the Unleash bridge exactly as an operator does (`npm run
// bridge:unleash`'s program, in its own process) and yields the address it
// prints. The admin token travels in UNLEASH_TOKEN, not in the process list.
import { spawn } from 'node:child_process';

export interface UnleashBridgeProcess {
  url: string;
  output: string[];
  stop(): Promise<void>;
}

export async function startUnleashBridgeProcess(
  args: string[],
  token: string,
): Promise<UnleashBridgeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'endpoints/unleash/bridge-cli.ts', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, UNLEASH_TOKEN: token },
    },
  );
  const output: string[] = [];
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await gone;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the bridge did not start: ${output.join('')}`)),
        20_000,
      );
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        const match = /unleash bridge: (wss?:\/\/\S+)/.exec(output.join(''));
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the bridge exited ${code}: ${output.join('')}`));
      });
    });
    return { url, output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
