// Starts the runbook bridge exactly as an operator does (bridge-cli.ts in its
// own process) and yields the address it prints; kill() is a crash (SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunbookBridgeProcess {
  url: string;
  output: string[];
  child: ChildProcess;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export async function startRunbookBridgeProcess(args: string[]): Promise<RunbookBridgeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'endpoints/runbook/bridge-cli.ts', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };
  const stop = () => end('SIGTERM');
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the bridge did not start: ${output.join('')}`)),
        20_000,
      );
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        const match = /runbook bridge: (wss?:\/\/\S+)/.exec(output.join(''));
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
    return { url, output, child, stop, kill: () => end('SIGKILL') };
  } catch (err) {
    await stop();
    throw err;
  }
}
