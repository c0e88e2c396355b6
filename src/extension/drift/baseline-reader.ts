/**
 * Reads the plan at a baseline through the built-in Git extension (no shelling out from the
 * extension host): the ref or date resolved to a commit, then each plan file's text at that
 * commit — the files indexed now, and the plan files deleted since.
 */
import * as vscode from 'vscode';
import { formatDay, parseDateOrPeriod } from '../../core/dates';
import { baselineWorkspace, type BaselineInfo } from '../../core/drift/index';
import type { ResolvedWorkspace } from '../../core/model/workspace';
import { isCandidatePath } from '../../core/parse/index';
import type { IndexService } from '../index-service';
import type { GitApi, GitExtension, GitRepository } from './git-api';

/** How far back a date baseline looks on the current branch. */
const LOG_DEPTH = 5000;

export async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports?.enabled) return undefined;
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') await new Promise<void>((resolve) => api.onDidChangeState((s) => s === 'initialized' && resolve()));
  return api;
}

export function repositoryOf(api: GitApi): GitRepository | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? api.getRepository(folder.uri) ?? undefined : undefined;
}

/** A ref, or a day: the last commit on the current branch before that day. */
export async function resolveBaseline(repo: GitRepository, spec: string): Promise<BaselineInfo> {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(spec) ? parseDateOrPeriod(spec) : undefined;
  if (day?.ok) {
    const start = new Date(`${spec}T00:00:00`).getTime();
    const commit = (await repo.log({ maxEntries: LOG_DEPTH })).find((c) => c.commitDate && c.commitDate.getTime() < start);
    if (!commit) throw new Error(`no commit on the current branch before ${spec}`);
    return { ref: spec, commit: commit.hash, date: commitDay(commit.commitDate) };
  }
  let commit;
  try {
    commit = await repo.getCommit(spec);
  } catch {
    throw new Error(`unknown git ref '${spec}' (fetch it if it is on the remote)`);
  }
  return { ref: spec, commit: commit.hash, date: commitDay(commit.commitDate) };
}

function commitDay(date: Date | undefined): string {
  if (!date) return '?';
  return formatDay(Math.floor((date.getTime() - date.getTimezoneOffset() * 60000) / 86400000));
}

/** The plan at `info.commit`, through the same engine and config as the plan now. */
export async function readBaseline(repo: GitRepository, info: BaselineInfo, index: IndexService): Promise<ResolvedWorkspace> {
  const uris = new Map<string, vscode.Uri>();
  for (const path of index.plans.paths()) {
    const uri = index.uriOf(path);
    if (uri?.scheme === 'file') uris.set(path, uri);
  }
  for (const change of await repo.diffWith(info.commit)) {
    const was = change.originalUri;
    if (was.scheme === 'file' && isCandidatePath(was.path) && vscode.workspace.getWorkspaceFolder(was)) uris.set(index.pathOf(was), was);
  }
  const files = new Map<string, string>();
  await Promise.all([...uris].map(async ([path, uri]) => {
    try {
      files.set(path, await repo.show(info.commit, uri.fsPath));
    } catch {
      // Not in the baseline: added since.
    }
  }));
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ path: multi ? f.name : '' }));
  return baselineWorkspace(files, roots, { config: index.config, today: index.snapshot?.today ?? 0 });
}
