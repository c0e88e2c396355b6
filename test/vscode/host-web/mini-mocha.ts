/**
 * A small BDD runner for the web worker extension host, where mocha's Node build cannot load (it
 * needs fs, path and process): describe/it/before/after/beforeEach/afterEach, `this.timeout()`
 * and `this.skip()`, async functions and `done` callbacks, run in order with a timeout per test.
 */
interface Context {
  timeout(ms?: number): number | Context;
  skip(): never;
  slow(ms?: number): Context;
}
type Fn = (this: Context, done?: (err?: unknown) => void) => unknown;

interface Test { title: string; fn?: Fn; skip: boolean }
interface Suite { title: string; parent?: Suite; suites: Suite[]; tests: Test[]; before: Fn[]; after: Fn[]; beforeEach: Fn[]; afterEach: Fn[]; skip: boolean; timeout?: number }

export interface TestResult { title: string; state: 'passed' | 'failed' | 'skipped'; durationMs?: number; error?: string }

class Skip extends Error {}

const newSuite = (title: string, parent?: Suite): Suite => ({ title, parent, suites: [], tests: [], before: [], after: [], beforeEach: [], afterEach: [], skip: false });

export class MiniMocha {
  readonly root = newSuite('');
  private current = this.root;

  constructor(private readonly defaultTimeout = 30000, private readonly skipTitles: ReadonlyMap<string, string> = new Map()) {}

  /** Puts describe, it and the hooks on globalThis, as mocha's `bdd` interface does. */
  install(): void {
    const g = globalThis as Record<string, unknown>;
    const describe = (title: string, body: (this: Context) => void, skip = false) => {
      const suite = newSuite(title, this.current);
      suite.skip = skip || !!this.current.skip;
      this.current.suites.push(suite);
      const previous = this.current;
      this.current = suite;
      try {
        body.call(this.context(suite, (ms) => (suite.timeout = ms)));
      } finally {
        this.current = previous;
      }
    };
    const it = (title: string, fn?: Fn, skip = false) => void this.current.tests.push({ title, fn, skip: skip || this.current.skip || !fn });
    g.describe = Object.assign((t: string, b: (this: Context) => void) => describe(t, b), { skip: (t: string, b: (this: Context) => void) => describe(t, b, true), only: (t: string, b: (this: Context) => void) => describe(t, b) });
    g.context = g.describe;
    g.it = Object.assign((t: string, f?: Fn) => it(t, f), { skip: (t: string, f?: Fn) => it(t, f, true), only: (t: string, f?: Fn) => it(t, f) });
    g.specify = g.it;
    g.before = (fn: Fn) => void this.current.before.push(fn);
    g.after = (fn: Fn) => void this.current.after.push(fn);
    g.beforeEach = (fn: Fn) => void this.current.beforeEach.push(fn);
    g.afterEach = (fn: Fn) => void this.current.afterEach.push(fn);
  }

  async run(onResult?: (r: TestResult) => void): Promise<TestResult[]> {
    const results: TestResult[] = [];
    const push = (r: TestResult) => {
      results.push(r);
      onResult?.(r);
    };
    await this.runSuite(this.root, push);
    return results;
  }

  private fullTitle(suite: Suite, title: string): string {
    const parts = [title];
    for (let s: Suite | undefined = suite; s; s = s.parent) if (s.title) parts.unshift(s.title);
    return parts.join(' ');
  }

  private context(suite: Suite, setTimeout: (ms: number) => void): Context {
    const ctx: Context = {
      timeout: (ms?: number) => {
        if (ms === undefined) return suite.timeout ?? this.defaultTimeout;
        setTimeout(ms);
        return ctx;
      },
      skip: () => {
        throw new Skip('skipped');
      },
      slow: () => ctx,
    };
    return ctx;
  }

  private timeoutOf(suite: Suite): number {
    for (let s: Suite | undefined = suite; s; s = s.parent) if (s.timeout !== undefined) return s.timeout;
    return this.defaultTimeout;
  }

  /** Runs one function with the suite's timeout; resolves to the error, or undefined. */
  private async call(fn: Fn, suite: Suite): Promise<unknown> {
    let limit = this.timeoutOf(suite);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let expire: (e: Error) => void = () => undefined;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = limit > 0 ? setTimeout(() => expire(new Error(`Timeout of ${limit} ms exceeded`)), limit) : undefined;
    };
    const ctx = this.context(suite, (ms) => {
      limit = ms;
      arm();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        expire = reject;
        arm();
        try {
          if (fn.length >= 1) {
            fn.call(ctx, (err?: unknown) => (err ? reject(err) : resolve()));
          } else {
            Promise.resolve(fn.call(ctx)).then(() => resolve(), reject);
          }
        } catch (e) {
          reject(e);
        }
      });
      return undefined;
    } catch (e) {
      return e ?? new Error('failed without an error');
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  private eachHooks(suite: Suite, which: 'beforeEach' | 'afterEach'): { fn: Fn; suite: Suite }[] {
    const chain: Suite[] = [];
    for (let s: Suite | undefined = suite; s; s = s.parent) chain.unshift(s);
    const hooks = chain.flatMap((s) => s[which].map((fn) => ({ fn, suite: s })));
    return which === 'afterEach' ? hooks.reverse() : hooks;
  }

  private async runSuite(suite: Suite, push: (r: TestResult) => void): Promise<void> {
    const all = (s: Suite): Test[] => [...s.tests, ...s.suites.flatMap(all)];
    if (all(suite).every((t) => t.skip || this.skipTitles.has(this.fullTitle(suite, t.title)))) {
      // Nothing to run here: report the skipped tests, run no hooks.
      const report = (s: Suite) => {
        for (const t of s.tests) push({ title: this.fullTitle(s, t.title), state: 'skipped', error: this.skipTitles.get(this.fullTitle(s, t.title)) });
        s.suites.forEach(report);
      };
      report(suite);
      return;
    }
    for (const hook of suite.before) {
      const err = await this.call(hook, suite);
      if (err) {
        const fail = (s: Suite) => {
          for (const t of s.tests) push({ title: this.fullTitle(s, t.title), state: 'failed', error: `"before all" hook failed: ${describeError(err)}` });
          s.suites.forEach(fail);
        };
        fail(suite);
        await this.runAfter(suite, push);
        return;
      }
    }
    for (const test of suite.tests) {
      const title = this.fullTitle(suite, test.title);
      const reason = this.skipTitles.get(title);
      if (test.skip || reason) {
        push({ title, state: 'skipped', error: reason });
        continue;
      }
      const started = Date.now();
      let err: unknown;
      for (const h of this.eachHooks(suite, 'beforeEach')) if (!err) err = await this.call(h.fn, h.suite);
      if (!err) err = await this.call(test.fn!, suite);
      for (const h of this.eachHooks(suite, 'afterEach')) {
        const e = await this.call(h.fn, h.suite);
        err ??= e;
      }
      if (err instanceof Skip) push({ title, state: 'skipped', error: 'this.skip()' });
      else if (err) push({ title, state: 'failed', durationMs: Date.now() - started, error: describeError(err) });
      else push({ title, state: 'passed', durationMs: Date.now() - started });
    }
    for (const child of suite.suites) await this.runSuite(child, push);
    await this.runAfter(suite, push);
  }

  private async runAfter(suite: Suite, push: (r: TestResult) => void): Promise<void> {
    for (const hook of suite.after) {
      const err = await this.call(hook, suite);
      if (err) push({ title: this.fullTitle(suite, '"after all" hook'), state: 'failed', error: describeError(err) });
    }
  }
}

function describeError(err: unknown): string {
  return (err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)).slice(0, 4000);
}
