/**
 * `roadmark check --watch`: one check, then again on every change of a plan file or the config
 * until interrupted. Changes go to the engine's `update(changed, removed)`, so only what changed
 * is read and parsed again. Events are debounced; the screen is cleared between reports only on
 * a terminal; Ctrl+C (SIGINT) or SIGTERM ends it with exit 0.
 *
 * Watching: node's recursive `fs.watch` where it is native (macOS, Windows); elsewhere one
 * `fs.watch` per folder (Linux's recursive mode is emulated by node, watching node_modules and
 * every file too); polling when watchers cannot be had (inotify limits) or when
 * ROADMARK_WATCH=poll asks for it (network and container file systems that send no events).
 */
import { existsSync, readdirSync, statSync, type FSWatcher, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isConfigName, SKIPPED_DIRS, type EngineResult } from '../core/engine/index';
import type { Request } from './args';
import { checkReport, configOf, load } from './commands';
import { CliError, hostPath } from './files';
import { visible } from './format/escape';

type Write = (s: string) => void;

export interface WatchOptions {
  /** Status lines (stderr): they mark where each report ends, for people and problem matchers. */
  status: Write;
  /** Clear the screen before each report (stdout is a terminal). */
  clear: boolean;
  /** Ends the watch (main: SIGINT and SIGTERM). */
  signal: AbortSignal;
  /** Force polling, and its interval. */
  poll?: boolean;
  intervalMs?: number;
  debounceMs?: number;
}

export const WATCHING = 'roadmark: watching for changes (Ctrl+C to stop)';
export const CHECKING = 'roadmark: change detected, checking again';

const PLANISH = /\.(md|markdown|ya?ml)$/i;

export async function runWatch(request: Request, cwd: string, write: Write, given?: Partial<WatchOptions>): Promise<number> {
  const options = { ...defaultOptions(), ...given };
  const { engine, diagnostics, ws, today } = await load(request, cwd);
  const show = (result: Pick<EngineResult, 'ws' | 'diagnostics' | 'today' | 'configs'>) => {
    if (options.clear) write('\u001b[2J\u001b[3J\u001b[H');
    try {
      for (const state of result.configs) configOf(state, cwd);
      write(checkReport(request, result.ws, result.diagnostics, result.today, cwd).output);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      options.status(`roadmark: ${visible(e.message)} (fix it, and the check runs again)\n`);
    }
  };
  show({ ws, diagnostics, today, configs: [] });

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const flush = () => {
    timer = undefined;
    if (running || options.signal.aborted) return;
    const paths = [...pending];
    pending.clear();
    const changed: string[] = [];
    const removed: string[] = [];
    for (const abs of paths) (existsSync(abs) ? changed : removed).push(hostPath(cwd, abs));
    options.status(`${CHECKING}\n`);
    running = engine.update(changed, removed).then(
      (result) => show(result),
      (e: Error) => options.status(`roadmark: ${visible(e.message)}\n`),
    ).finally(() => {
      running = undefined;
      if (!options.signal.aborted) options.status(`${WATCHING}\n`);
      if (pending.size) timer = setTimeout(flush, options.debounceMs);
    });
  };
  const onEvent = (abs: string) => {
    if (!relevant(abs)) return;
    pending.add(abs);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };

  const targets = request.paths.map((p) => join(cwd, p).replace(/[\\/]+$/, '') || '/');
  const configDir = engine.result?.configs[0]?.path ? dirname(engine.result.configs[0].path) : cwd;
  const watcher = startWatching(targets, configDir, onEvent, options);
  options.status(`${WATCHING}\n`);
  await new Promise<void>((done) => {
    if (options.signal.aborted) return done();
    options.signal.addEventListener('abort', () => done(), { once: true });
  });
  watcher.close();
  if (timer) clearTimeout(timer);
  await running;
  return 0;
}

function defaultOptions(): WatchOptions {
  return {
    status: (s) => void process.stderr.write(s),
    clear: process.stdout.isTTY === true,
    signal: new AbortController().signal,
    poll: process.env.ROADMARK_WATCH === 'poll',
    intervalMs: 1000,
    debounceMs: 150,
  };
}

/** A plan file, a config, a folder (created, renamed, removed): not editor swap files, caches or VCS internals. */
function relevant(abs: string): boolean {
  const parts = abs.split(/[\\/]/);
  if (parts.some((p) => SKIPPED_DIRS.has(p))) return false;
  const name = parts[parts.length - 1];
  if (PLANISH.test(name) || isConfigName(name)) return true;
  return isDirectory(abs) || (!existsSync(abs) && !name.includes('.'));
}

interface Closable {
  close(): void;
}

/** Watches each target (a folder with everything under it, or one file) and the config's folder. */
function startWatching(targets: string[], configDir: string, onEvent: (abs: string) => void, options: WatchOptions): Closable {
  if (!options.poll) {
    const watchers: Closable[] = [];
    try {
      for (const target of targets) {
        if (isDirectory(target)) watchers.push(watchTree(target, onEvent));
        else watchers.push(watchNames(dirname(target), [basename(target)], onEvent));
      }
      if (!targets.some((t) => isDirectory(t) && (configDir === t || configDir.startsWith(t + '/') || configDir.startsWith(t + '\\')))) {
        watchers.push(watchNames(configDir, ['.roadmark.yaml', '.roadmark.yml'], onEvent));
      }
      return { close: () => watchers.forEach((w) => w.close()) };
    } catch (e) {
      watchers.forEach((w) => w.close());
      options.status(`roadmark: cannot watch for changes (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); polling every ${options.intervalMs} ms instead\n`);
    }
  }
  return poll([...targets, join(configDir, '.roadmark.yaml'), join(configDir, '.roadmark.yml')], onEvent, options.intervalMs ?? 1000);
}

/** Only these names in one folder (a file named on the command line; the config): editors replace files by renaming, so the folder is watched. */
function watchNames(dir: string, names: string[], onEvent: (abs: string) => void): Closable {
  const w = watch(dir, { persistent: true }, (_event, name) => {
    if (name && names.includes(name.toString())) onEvent(join(dir, name.toString()));
  });
  w.on('error', () => w.close());
  return w;
}

/** A folder and everything under it (minus node_modules and VCS folders), as new folders appear too. */
function watchTree(root: string, onEvent: (abs: string) => void): Closable {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    const w = watch(root, { persistent: true, recursive: true }, (_event, name) => onEvent(name ? join(root, name.toString()) : root));
    w.on('error', () => w.close());
    return w;
  }
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    const w = watch(dir, { persistent: true }, (_event, name) => {
      if (!name) return onEvent(dir);
      const abs = join(dir, name.toString());
      if (isDirectory(abs)) {
        if (!SKIPPED_DIRS.has(name.toString())) addTree(abs);
      } else {
        // A folder gone (or renamed away): its watchers and those under it go too.
        for (const [path, watcher] of watchers) {
          if (path !== abs && !path.startsWith(abs + '/')) continue;
          watcher.close();
          watchers.delete(path);
        }
      }
      onEvent(abs);
    });
    w.on('error', () => (w.close(), watchers.delete(dir)));
    watchers.set(dir, w);
  };
  const addTree = (dir: string) => {
    add(dir);
    for (const sub of subfolders(dir)) addTree(sub);
  };
  addTree(root);
  return { close: () => watchers.forEach((w) => w.close()) };
}

/** Compares size and modification time of every plan-like file under the paths, every `intervalMs`. */
function poll(paths: string[], onEvent: (abs: string) => void, intervalMs: number): Closable {
  let last = snapshot(paths);
  const timer = setInterval(() => {
    const now = snapshot(paths);
    for (const [path, stamp] of now) if (last.get(path) !== stamp) onEvent(path);
    for (const path of last.keys()) if (!now.has(path)) onEvent(path);
    last = now;
  }, intervalMs);
  return { close: () => clearInterval(timer) };
}

function snapshot(paths: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (path: string, depth: number) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isFile() && (PLANISH.test(path) || isConfigName(path))) out.set(path, `${stat.size}:${stat.mtimeMs}`);
    else if (stat.isDirectory() && depth < 64) for (const name of safeReaddir(path)) if (!SKIPPED_DIRS.has(name)) visit(join(path, name), depth + 1);
  };
  for (const path of paths) visit(path, 0);
  return out;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !SKIPPED_DIRS.has(e.name)).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}


function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
