import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');
const SERVER_MAIN = path.join(ROOT, 'apps/server/dist/main.js');
const H5_INDEX = path.join(ROOT, 'apps/client/dist/h5/index.html');
export const SCREENSHOT_DIR = path.join(ROOT, 'artifacts/screenshots');

/** Flags that keep Chromium from reaching out to the network this machine does not have. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  /** The seeded demo staff and admin accounts' password (made per data directory by the server). */
  demoPassword(): string;
  stop(): Promise<void>;
}

/** The server as `npm start` runs it (embedded SQLite, seeded), on a scratch data directory; `extraEnv` on top. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  for (const file of [SERVER_MAIN, H5_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build with "npx nx run-many -t build"`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ssp-e2e-'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    // Without the demo history (SEED_DEMO_HISTORY): the flows find their own tickets on the first page.
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO_HISTORY: 'false', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`server not ready: ${output}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    demoPassword: () => {
      const stored = JSON.parse(readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8')) as { password?: unknown };
      if (typeof stored.password !== 'string') throw new Error(`no demo password in ${dataDir}/demo-credentials.json`);
      return stored.password;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface Position {
  latitude: number;
  longitude: number;
}

/**
 * A phone-sized context, as residents use the app. With a position the page may locate itself:
 * Chromium needs both the permission and a position, or getCurrentPosition never answers.
 */
export function phoneContext(browser: Browser, position?: Position): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    ...(position ? { permissions: ['geolocation'], geolocation: position } : {}),
  });
}

/** The server and browser a `describe` block shares, and the contexts its tests open. */
export interface BrowserSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a new phone context (phoneContext), closed with the session. */
  newPage(position?: Position): Promise<Page>;
  /** Closes `context` with the session. */
  track(context: BrowserContext): BrowserContext;
}

/**
 * Starts the server and the browser before the block's tests (register it first: later `beforeAll`s may
 * use it) and stops both, with every context the tests opened, after them.
 */
export function useBrowserSession(extraEnv: Record<string, string> = {}): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started yet (useBrowserSession's beforeAll)`);
    return value;
  };
  beforeAll(async () => {
    server = await startServer(extraEnv);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.stop();
  });
  const session: BrowserSession = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async newPage(position) {
      return session.track(await phoneContext(session.browser, position)).newPage();
    },
    track(context) {
      contexts.push(context);
      return context;
    },
  };
  return session;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Taro's page transition slides for ~300 ms; wait it out so the picture shows the settled page.
  await page.waitForTimeout(800);
  // Each Taro page scrolls inside its own .taro_page, so a "full page" shot would stop at the
  // viewport: grow the viewport to the visible page's content for the picture, then restore it.
  const viewport = page.viewportSize();
  const contentHeight = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page'));
    return Math.max(0, ...pages.map((element) => (element.offsetParent ? element.scrollHeight : 0)));
  });
  if (viewport && contentHeight > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: contentHeight });
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  if (viewport && contentHeight > viewport.height) await page.setViewportSize(viewport);
}
