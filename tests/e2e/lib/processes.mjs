// Child processes with bounded waits: every start has a deadline, every stop escalates to SIGKILL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR ?? path.join(E2E_DIR, 'artifacts');
export const LOG_DIR = path.join(ARTIFACTS_DIR, 'logs');
// run.sh kills whatever is left in here if a test file dies before its after() hook runs.
export const PID_DIR = path.join(ARTIFACTS_DIR, 'pids');

const running = new Set();
process.once('exit', () => { for (const child of running) killGroup(child, 'SIGKILL'); });

function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

/** Starts a command in its own process group, its output going to artifacts/logs/<name>.log. */
export function startProcess(name, command, args, { cwd, env }) {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  fs.mkdirSync(PID_DIR, { recursive: true });
  const logPath = path.join(LOG_DIR, `${name}.log`);
  const log = fs.openSync(logPath, 'a');
  fs.writeSync(log, `\n=== ${new Date().toISOString()} ${command} ${args.join(' ')} (cwd ${cwd})\n`);
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pidFile = path.join(PID_DIR, `${process.pid}-${name}.pid`);
  fs.writeFileSync(pidFile, String(child.pid));
  running.add(child);
  let output = '';
  const collect = (chunk) => {
    fs.writeSync(log, chunk);
    if (output.length < 200_000) output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    running.delete(child);
    fs.rmSync(pidFile, { force: true });
    fs.closeSync(log);
    resolve({ code, signal });
  }));
  return {
    name, child, logPath, exited,
    output: () => output,
    get hasExited() { return child.exitCode !== null || child.signalCode !== null; },
    async stop(graceMs = 5000) {
      if (this.hasExited) return exited;
      killGroup(child, 'SIGTERM');
      const result = await Promise.race([exited, sleep(graceMs).then(() => undefined)]);
      if (result) return result;
      killGroup(child, 'SIGKILL');
      return exited;
    },
  };
}

/** Polls `probe` until it returns a truthy value, the process dies, or the deadline passes. */
export async function waitUntil(description, probe, { timeoutMs, process: proc, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (proc?.hasExited) {
      throw new Error(`${proc.name} exited before ${description}; see ${proc.logPath}\n${proc.output().slice(-3000)}`);
    }
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}` +
    (lastError ? ` (last error: ${lastError.message})` : '') + (proc ? `; see ${proc.logPath}` : ''));
}

/** Any HTTP answer at all (even 404/405) means the server is listening. */
export async function httpAnswers(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return true;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
