// Starts the bridge exactly as an operator does (`npm run bridge:prometheus`'s
// program, in its own process) and yields the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';

export interface BridgeProcess {
  url: string;
  output: string[];
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startBridgeProcess(args: string[]): Promise<BridgeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'endpoints/prometheus/bridge-cli.ts', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
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
        const match = /prometheus bridge: (wss?:\/\/\S+)/.exec(output.join(''));
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
    return { url, output, child, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
