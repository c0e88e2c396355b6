/**
 * When the trees and status bar follow the index. Diagnostics go out at once; the views (a
 * rebuild of the whole tree) follow once the extension host is free, from the newest snapshot
 * only, and at most once per `intervalMs` while snapshots keep coming: typing at 50,000 items is
 * not held up by a tree rebuilt for every keystroke. A reveal holds the updates back, so no
 * refresh races it ("no tree item with id").
 */
import type { IndexSnapshot } from '../index-service';

const HELD_RETRY_MS = 50;

export class ViewsUpdater {
  private due: IndexSnapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastAt = 0;
  private held = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly update: (snapshot: IndexSnapshot) => void, private readonly intervalMs: number) {}

  push(snapshot: IndexSnapshot): void {
    this.due = snapshot;
    this.timer ??= setTimeout(() => this.run(), Math.max(0, this.lastAt + this.intervalMs - Date.now()));
  }

  /** The pending update now (after a hold, if one is on). */
  flush(): Promise<void> {
    if (!this.due) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (!this.held) {
      if (this.timer) clearTimeout(this.timer);
      this.run();
    }
    return done;
  }

  /** Flushed, and the last refresh at least `ms` old (time for VS Code to fetch it). */
  async settled(ms: number): Promise<void> {
    await this.flush();
    const wait = this.lastAt + ms - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Runs `work` with the updates held back; the newest pending one runs after it. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    this.held++;
    try {
      return await work();
    } finally {
      this.held--;
    }
  }

  private run(): void {
    this.timer = undefined;
    if (this.held) {
      this.timer = setTimeout(() => this.run(), HELD_RETRY_MS);
      return;
    }
    const snapshot = this.due;
    this.due = undefined;
    if (snapshot) {
      this.update(snapshot);
      this.lastAt = Date.now();
    }
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
