/**
 * Runs the real `degree-data` command (bin/degree-data.js → dist/cli/main.js) in a child process. The compiled CLI
 * is rebuilt first when any source it is compiled from is newer than dist/ (a fresh clone is built by `npm ci`).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'degree-data.js');
const BUILT = path.join(ROOT, 'dist', 'cli', 'main.js');
const SOURCES = ['src/core', 'src/cli', 'src/node'].map((dir) => path.join(ROOT, dir));
const CONFIGS = ['tsconfig.json', 'tsconfig.cli.json', 'package.json'].map((file) => path.join(ROOT, file));
const LOCK = path.join(ROOT, 'dist', '.build-lock');
const STALE_LOCK_MS = 120_000;

/**
 * Stale when any source compiled into dist/ is newer than its output or has none (the add-in's webpack build cleans
 * dist/ too), or when a compiler setting changed after the CLI entry point was built.
 */
function isStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  if (CONFIGS.some((file) => statSync(file).mtimeMs > built)) return true;
  const visit = (dir: string): boolean => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (visit(full)) return true;
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const output = path.join(ROOT, 'dist', path.relative(path.join(ROOT, 'src'), full)).replace(/\.tsx?$/, '.js');
        const compiled = statSync(output, { throwIfNoEntry: false });
        if (!compiled || compiled.mtimeMs < statSync(full).mtimeMs) return true;
      }
    }
    return false;
  };
  return SOURCES.some((dir) => existsSync(dir) && visit(dir));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Compiles the CLI when dist/ is missing or older than its sources; safe when several jest workers ask at once. */
export function ensureCliBuilt(): void {
  if (!isStale()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building: wait for it. A lock older than any build is left over from a killed run.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}; remove it if no build is running`);
      sleep(250);
    }
  }
  try {
    if (!isStale()) return;
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
    // tsc emits even when a file does not type-check; type errors are `npm run typecheck`'s to report, so the CLI
    // tests go ahead with what was emitted and only a build that left outputs missing stops them.
    if (result.status !== 0) {
      if (isStale()) throw new Error(`building the CLI failed:\n${result.stdout}${result.stderr}`);
      console.warn(`tsc -p tsconfig.cli.json reported errors (the CLI was emitted anyway):\n${result.stdout}${result.stderr}`);
    }
  } finally {
    rmdirSync(LOCK);
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `degree-data <args>` from the project root, without a terminal and without colour. */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliRun {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
