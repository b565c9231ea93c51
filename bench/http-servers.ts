import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerProcess {
  name: string;
  pid: number;
  base: string;
  /** Last lines the process wrote to stderr, for the error message when it dies. */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server as its own Node process (as in production: the load generator must not share
 * the server's event loop) and waits until `healthPath` answers 200.
 */
export async function startServer(name: string, script: string, port: number, env: Record<string, string>, nodeFlags: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeFlags, script], {
    env: { ...process.env, ...env, PORT: String(port) },
    // The app logs each request (pino, LOG_LEVEL) to stdout: written, as in production, but not kept.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const server: ServerProcess = {
    name,
    pid: child.pid ?? -1,
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    stop: () => stopProcess(child),
  };
  try {
    await waitForHealth(server, child, '/health', 120_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(server: ServerProcess, child: ChildProcess, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${server.name} exited with ${child.exitCode} before serving:\n${server.stderr()}`);
    try {
      const res = await fetch(`${server.base}${path}`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${server.name} did not answer ${path} within ${timeoutMs / 1000} s:\n${server.stderr()}`);
}

/** SIGTERM (both servers close gracefully, and --cpu-prof writes its profile at exit), SIGKILL after 20 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

export const APP_SCRIPT = join(__dirname, '..', 'src', 'main.js');
export const BARE_SCRIPT = join(__dirname, 'http-bare-server.js');
