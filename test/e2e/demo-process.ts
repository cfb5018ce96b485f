// Starts the demo as `npm start` does, for the end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A running `npm start`: its process, the URL it printed, and everything it printed so far. */
export interface DemoProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Runs `scripts/start.mjs` with `args` (and `env` on top of this process's) on a free port and resolves once it prints its URL. */
export function startDemo(args: string[], env: Record<string, string> = {}): Promise<DemoProcess> {
  // Port 0: the system picks a free port, so the test never collides with a running demo.
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      const match = /Demo running at (\S+)/.exec(output);
      if (match && !/Demo running at (\S+)/.test(before)) {
        resolve({ child, url: match[1]!, output: () => output, stop });
      }
    });
    child.once('exit', (code) => reject(new Error(`The demo exited with code ${code}:\n${output}`)));
  });
}
