/**
 * The plan at a baseline, read with git itself (`git ls-tree`, one `git cat-file --batch`),
 * never by checking it out: the working tree is left as it is.
 */
import { execFileSync } from 'node:child_process';
import type { BaselineInfo } from '../core/drift/index';
import { CliError, hostPath } from './files';

/** Plan files are Markdown or YAML; nothing else is read out of the baseline. */
const PLAN_EXTENSION = /\.(md|markdown|ya?ml)$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface GitBaseline {
  info: BaselineInfo;
  /** Absolute path (of the working tree the commit is read as) → content at the baseline. */
  files: Map<string, Uint8Array>;
}

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
}

function gitOrUndefined(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args).trim();
  } catch {
    return undefined;
  }
}

/** `since`: a ref (`origin/main`, a tag, a commit) or a day (the last commit on the current branch before that day). */
export function readGitBaseline(since: string, cwd: string): GitBaseline {
  const up = gitOrUndefined(cwd, ['rev-parse', '--show-cdup']);
  if (up === undefined) throw new CliError(`--since needs a git repository, and ${cwd} is not inside one`);
  // The top folder spelled from the current one (not git's real path), so paths match the plan now's.
  const root = hostPath(cwd, up || '.');
  const commit = resolveCommit(since, root);
  const [sha, date] = git(root, ['show', '-s', '--format=%H %cI', commit]).trim().split(' ');
  return { info: { ref: since, commit: sha, date: date.slice(0, 10) }, files: readTree(root, sha) };
}

function resolveCommit(since: string, root: string): string {
  if (DAY.test(since)) {
    const found = gitOrUndefined(root, ['rev-list', '-1', '--first-parent', `--before=${since}T00:00:00`, 'HEAD']);
    if (!found) throw new CliError(`no commit on the current branch before ${since}${isShallow(root) ? ' in this shallow clone: run git fetch --unshallow (or actions/checkout with fetch-depth: 0)' : ''}`);
    return found;
  }
  if (since.startsWith('-')) throw new CliError(`'${since}' is not a git ref`);
  const found = gitOrUndefined(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${since}^{commit}`]);
  if (found) return found;
  const fetch = since.startsWith('origin/') ? `git fetch origin ${since.slice('origin/'.length)}` : `git fetch origin ${since}`;
  const hint = isShallow(root) ? `this is a shallow clone: run ${fetch} (or git fetch --unshallow; actions/checkout: fetch-depth: 0)` : `run ${fetch} if it is on the remote`;
  throw new CliError(`unknown git ref '${since}': ${hint}`);
}

function isShallow(root: string): boolean {
  return gitOrUndefined(root, ['rev-parse', '--is-shallow-repository']) === 'true';
}

/** Every Markdown and YAML blob of the commit, read in one `git cat-file --batch`. */
function readTree(root: string, commit: string): Map<string, Uint8Array> {
  const blobs: { path: string; sha: string }[] = [];
  for (const entry of git(root, ['ls-tree', '-r', '-z', '--full-tree', commit]).split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, sha] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (type === 'blob' && PLAN_EXTENSION.test(path)) blobs.push({ path, sha });
  }
  const files = new Map<string, Uint8Array>();
  if (!blobs.length) return files;
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: blobs.map((b) => b.sha).join('\n') + '\n', maxBuffer: 1 << 30 });
  let at = 0;
  for (const blob of blobs) {
    const newline = out.indexOf(10, at);
    const size = Number(out.subarray(at, newline).toString('latin1').split(' ')[2]);
    files.set(`${root}/${blob.path}`, out.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return files;
}
