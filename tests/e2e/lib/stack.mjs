// Starts AdeBot and Microsoft 365 Agents Playground for one test file, each with a deadline.
// Every test file gets its own bot data folder, so subscriptions, language choices and sent alerts
// never leak from one file into another.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_DIR, LOG_DIR, REPO_ROOT, freePort, httpAnswers, startProcess, waitUntil } from './processes.mjs';
import { Playground } from './playground.mjs';

const BOT_START_MS = Number(process.env.E2E_BOT_START_TIMEOUT_MS ?? 90_000);
const PLAYGROUND_START_MS = 30_000;

/**
 * The bot process. By default `dotnet run --no-build` of src/AdeBot (built beforehand, optionally with
 * E2E_DOTNET_ARTIFACTS_PATH as its --artifacts-path); E2E_BOT_COMMAND replaces it with any shell
 * command that serves the Bot Framework protocol on $E2E_BOT_PORT (ASPNETCORE_URLS is set too).
 */
function botCommand(port) {
  if (process.env.E2E_BOT_COMMAND) {
    return { command: 'sh', args: ['-c', process.env.E2E_BOT_COMMAND], cwd: REPO_ROOT };
  }
  const artifacts = process.env.E2E_DOTNET_ARTIFACTS_PATH ? ['--artifacts-path', process.env.E2E_DOTNET_ARTIFACTS_PATH] : [];
  return {
    command: 'dotnet',
    // `dotnet run --project` starts the app at the repository root (RunWorkingDirectory in
    // src/AdeBot/AdeBot.csproj), so the top-level appsettings*.json are found.
    args: ['run', '--project', path.join(REPO_ROOT, 'src', 'AdeBot'), '--no-build', '--no-launch-profile', ...artifacts,
      '--urls', `http://127.0.0.1:${port}`],
    cwd: REPO_ROOT,
  };
}

export class Bot {
  constructor(name, port, dataPath, env) {
    Object.assign(this, { name, port, dataPath, env, starts: 0 });
    this.endpoint = `http://127.0.0.1:${port}/api/messages`;
  }

  async start(extraEnv = {}) {
    this.starts += 1;
    const { command, args, cwd } = botCommand(this.port);
    this.process = startProcess(`${this.name}-bot`, command, args, {
      cwd,
      env: {
        ASPNETCORE_ENVIRONMENT: 'Development',
        ASPNETCORE_URLS: `http://127.0.0.1:${this.port}`,
        DOTNET_NOLOGO: '1',
        Bot__AllowUnauthenticatedLocalRequests: 'true',
        Storage__DataPath: this.dataPath,
        E2E_BOT_PORT: String(this.port),
        ...this.env,
        ...extraEnv,
      },
    });
    await waitUntil(`the bot to listen on ${this.endpoint}`, () => httpAnswers(this.endpoint),
      { timeoutMs: BOT_START_MS, process: this.process });
  }

  async stop() {
    await this.process?.stop();
  }

  /** Stops and starts the bot on the same port and data folder (a restart or redeploy). */
  async restart(extraEnv = {}) {
    await this.stop();
    await this.start(extraEnv);
  }
}

async function startPlayground(name, botEndpoint, port) {
  const proc = startProcess(`${name}-playground`, process.execPath, [
    path.join(E2E_DIR, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
    '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry',
  ], {
    cwd: E2E_DIR, // it reads .m365agentsplayground.yml from here
    env: {
      TEAMSAPPTESTER_BROWSER: 'none',
      // Config errors go only to this file; keep it with the other logs instead of devTools/.
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(LOG_DIR, `${name}-playground-devtools.log`),
    },
  });
  // It silently moves to a random port when the requested one is taken, and says so on stdout.
  const listening = await waitUntil('the Playground to listen', () => proc.output().match(/Listening on (\d+)/),
    { timeoutMs: PLAYGROUND_START_MS, process: proc, intervalMs: 100 });
  const baseUrl = `http://localhost:${listening[1]}`;
  await waitUntil('the Playground to answer /_debug/ping', async () => (await fetch(`${baseUrl}/_debug/ping`)).ok,
    { timeoutMs: PLAYGROUND_START_MS, process: proc });
  return { process: proc, baseUrl };
}

/**
 * Starts the bot (with `botEnv` on top of local mode) and the Playground, and connects a Playground
 * client. Call `stop()` in an after() hook.
 */
export async function startStack(name, { botEnv = {} } = {}) {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), `adebot-e2e-${name}-`));
  const botPort = Number(process.env.E2E_BOT_PORT ?? await freePort());
  const playgroundPort = Number(process.env.E2E_PLAYGROUND_PORT ?? await freePort());
  // Alert checks are off unless a test turns them on: the first check comes a minute after start-up
  // and would drop alerts into conversations that test something else.
  const bot = new Bot(name, botPort, dataPath, { Alerts__Enabled: 'false', Alerts__CheckInterval: '01:00:00', ...botEnv });
  let playground;
  const stack = {
    bot,
    dataPath,
    async stop() {
      playground?.client?.close();
      await Promise.all([playground?.process.stop(), bot.stop()]);
      fs.rmSync(dataPath, { recursive: true, force: true });
    },
  };
  try {
    await bot.start();
    playground = await startPlayground(name, bot.endpoint, playgroundPort);
    playground.client = new Playground(playground.baseUrl);
    await playground.client.connect();
    stack.playground = playground.client;
    stack.playgroundUrl = playground.baseUrl;
    return stack;
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
