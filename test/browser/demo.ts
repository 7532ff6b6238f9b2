/**
 * Shared set-up of the browser tests: builds the demo (webpack.demo.config.js) once per run, serves demo-dist/ on
 * a free localhost port and launches Debian's Chromium through playwright-core — never a downloaded browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../src/demo/server';

export const ROOT = path.join(__dirname, '..', '..');
export const DEMO_DIST = path.join(ROOT, 'demo-dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline headless Chromium in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Newest modification time of the files a demo build depends on. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'examples'));
  for (const file of ['webpack.demo.config.js', 'package.json', 'tsconfig.json']) newest = Math.max(newest, statSync(path.join(ROOT, file)).mtimeMs);
  return newest;
}

const STAMP = path.join(DEMO_DIST, '.built');
const LOCK = path.join(ROOT, 'test-artifacts', '.demo-build.lock');

/**
 * Builds the demo unless demo-dist is newer than every source: the browser test files share one build (jest may run
 * them in parallel workers; a lock keeps two builds from cleaning demo-dist under each other).
 */
export async function buildDemoOnce(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`the demo build lock ${LOCK} is held for too long; remove it if no test runs`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (existsSync(STAMP) && statSync(STAMP).mtimeMs > newestSource()) return;
    buildDemo();
    writeFileSync(STAMP, new Date().toISOString());
  } finally {
    rmdirSync(LOCK);
  }
}

export function buildDemo(): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const result = spawnSync(process.execPath, [cli, '--config', 'webpack.demo.config.js', '--mode', 'development'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'development' },
  });
  if (result.status !== 0) throw new Error(`demo build failed:\n${result.stdout}\n${result.stderr}`);
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get update && apt-get install -y chromium) ` +
        'or set CHROMIUM_PATH; the tests never download a browser.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export async function serveDemo(): Promise<DemoServer> {
  return startDemoServer(DEMO_DIST, 0);
}

/** Retries an assertion until it passes or the time is up (the page updates asynchronously). */
export async function eventually(assertion: () => Promise<void> | void, timeout = 30_000, interval = 100): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** What the demo page exposes to tests (see src/demo/DemoApp.tsx). */
export interface DemoWindow {
  degreeDataDemo: {
    fills(): Record<string, string>;
    loaded: boolean;
    saved: { name: string; mime: string; bytes: number[]; method: string }[];
  };
}
