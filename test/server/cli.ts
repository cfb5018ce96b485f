// Runs the reference server's CLI (server/cli.ts) in child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, REPO_ROOT } from './harness';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without LABEL_STUDIO_* or HEARTEX_* variables, plus the given ones. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('LABEL_STUDIO_') && !name.startsWith('HEARTEX_')),
  );
  return { ...env, ...extra };
}

/** Runs a command to its end, writing `input` to its stdin. */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string>; uid?: number; gid?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], {
      cwd: REPO_ROOT,
      env: environment(options.env),
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface RunningServer {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:43123 */
  origin: string;
  output: () => string;
  /** Sends a signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `cli.ts start --port 0 …` (with `input` on its stdin) and waits until it prints its address. */
export function startCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, 'start', '--port', '0', ...args], {
      cwd: REPO_ROOT,
      env: environment(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Closed at once without input, so a prompt reads an empty answer.
    child.stdin.end(input ?? '');
    let output = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
      child.on('exit', (code, signal) => resolveExit({ code, signal })),
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^/\s]+)\/api\//.exec(output);
      if (match?.[1]) {
        resolve({
          child,
          origin: match[1],
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}
