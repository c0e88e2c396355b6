/**
 * Keeps the index's drift baseline in step with what the user asked for (the `roadmark.baseline`
 * setting, else `baseline:` in .roadmark.yaml) and with git: read again when HEAD or the ref
 * moves. Reads through the built-in Git extension; without it (the web, no repository) drift is
 * off and says why in the log.
 */
import * as vscode from 'vscode';
import type { IndexService } from '../index-service';
import { gitApi, readBaseline, repositoryOf, resolveBaseline } from './baseline-reader';
import type { GitRepository } from './git-api';
import { DRIFT_SCHEME, DriftDecorations } from './tree-decorations';

const RELOAD_DEBOUNCE_MS = 400;

export class DriftController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private repo: GitRepository | undefined;
  private watched: GitRepository | undefined;
  /** What the loaded baseline was read for: the spec, the commit it resolved to, and HEAD then. */
  private loaded: { spec: string; commit: string; head?: string } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private lastError: string | undefined;

  constructor(private readonly index: IndexService, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.window.registerFileDecorationProvider(new DriftDecorations()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('roadmark.baseline') && this.schedule()),
      index.onDidUpdate(() => {
        if ((this.spec() ?? '') !== (this.loaded?.spec ?? '')) this.schedule();
      }),
    );
    this.schedule();
  }

  /** The baseline asked for: the setting, else the config's `baseline:`. */
  spec(): string | undefined {
    const setting = vscode.workspace.getConfiguration('roadmark').get<string>('baseline')?.trim();
    return setting || this.index.config.baseline || undefined;
  }

  /** Resolves once the baseline asked for is loaded (or known to be unavailable). */
  whenSettled(): Promise<void> {
    return this.running;
  }

  /** The repository of the first folder, if the Git extension knows one. */
  async repository(): Promise<GitRepository | undefined> {
    const api = await gitApi();
    return api && repositoryOf(api);
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.reload());
    }, RELOAD_DEBOUNCE_MS);
  }

  private async reload(): Promise<void> {
    // The baseline is read for the files the index holds: wait for the first scan.
    if (!this.index.snapshot) await this.index.whenIdle();
    const spec = this.spec();
    if (!spec) {
      if (this.loaded) await this.index.setBaseline(undefined);
      this.loaded = undefined;
      return;
    }
    try {
      this.repo ??= await this.repository();
      if (!this.repo) throw new Error('no git repository in the first workspace folder (or the Git extension is off)');
      this.watch(this.repo);
      const info = await resolveBaseline(this.repo, spec);
      const head = this.repo.state.HEAD?.commit;
      if (this.loaded?.spec === spec && this.loaded.commit === info.commit && this.loaded.head === head) return;
      const ws = await readBaseline(this.repo, info, this.index);
      this.loaded = { spec, commit: info.commit, head };
      this.lastError = undefined;
      this.log.info(`Drift baseline ${spec}: ${info.commit.slice(0, 7)} of ${info.date}, ${ws.files.length} plan files, ${ws.nodes.length} items`);
      await this.index.setBaseline({ info, ws });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (this.loaded) await this.index.setBaseline(undefined);
      this.loaded = { spec, commit: '' };
      if (reason !== this.lastError) {
        this.lastError = reason;
        this.log.warn(`Drift baseline '${spec}' is not available: ${reason}`);
        void vscode.window.showWarningMessage(vscode.l10n.t("Roadmark: the drift baseline '{0}' is not available: {1}", spec, reason));
      }
    }
  }

  /** HEAD moved (a commit, a checkout, a pull) or a ref moved: read the baseline again. */
  private watch(repo: GitRepository): void {
    if (this.watched === repo) return;
    this.watched = repo;
    this.disposables.push(repo.state.onDidChange(() => {
      if (this.loaded && repo.state.HEAD?.commit !== this.loaded.head) this.schedule();
      else if (this.loaded && !/^\d{4}-/.test(this.loaded.spec)) this.schedule();
    }));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export { DRIFT_SCHEME };
