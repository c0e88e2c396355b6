/** The core engine over an in-memory host: discovery, globs, config lookup, the per-file guard, generations, updates. */
import assert from 'node:assert/strict';
import { parseDateOrPeriod, type Day } from '../../src/core/dates';
import { createMemoryHost, PlanEngine, type EngineOptions } from '../../src/core/engine/index';
import { parsePlanFile } from '../../src/core/parse/index';

const TODAY = (parseDateOrPeriod('2026-11-23') as { ok: true; value: { first: Day } }).value.first;
const plan = (id: string, due = '2099-01-01') => `---\ntype: project\nid: ${id}\n---\n## Milestone: M ${id} {#m-${id} due=${due}}\n`;

function engineOf(files: Record<string, string | Uint8Array>, options: Partial<EngineOptions> = {}) {
  const map = new Map(Object.entries(files));
  const engine = new PlanEngine(createMemoryHost(map), { clock: () => TODAY, ...options }, [{ path: '' }]);
  return { engine, map };
}

const paths = (engine: PlanEngine) => engine.result!.ws.files.map((f) => f.path);

describe('core engine', () => {
  it('discovers plan files by name and by `type:`, skipping node_modules, .git and config files', async () => {
    const { engine } = engineOf({
      'a.project.md': plan('a'), 'notes/typed.md': plan('typed'), 'notes/readme.md': '# not a plan\n',
      'node_modules/x/dep.project.md': plan('dep'), '.git/x.project.md': plan('git'), '.roadmark.yaml': 'riskWindowDays: 7\n',
    });
    await engine.scan();
    assert.deepEqual(paths(engine), ['a.project.md', 'notes/typed.md']);
  });

  for (const [glob, excluded] of [
    ['archive', ['archive/old.project.md', 'archive/deep/older.project.md', 'sub/archive/x.project.md']],
    ['archive/**', ['archive/old.project.md', 'archive/deep/older.project.md']],
    ['/archive', ['archive/old.project.md', 'archive/deep/older.project.md']],
    ['*.draft.md', ['sub/idea.draft.md', 'top.draft.md']],
  ] as const) {
    it(`exclude: ["${glob}"] follows .gitignore conventions`, async () => {
      const all = ['archive/old.project.md', 'archive/deep/older.project.md', 'sub/archive/x.project.md', 'sub/idea.draft.md', 'top.draft.md', 'keep.project.md'];
      const files: Record<string, string> = { '.roadmark.yaml': `exclude: ["${glob}"]\n` };
      all.forEach((p, i) => (files[p] = plan(`p${i}`)));
      const { engine } = engineOf(files);
      await engine.scan();
      assert.deepEqual(paths(engine), all.filter((p) => !(excluded as readonly string[]).includes(p)).sort());
    });
  }

  it('include (gitignore conventions) makes a file a plan without a plan name', async () => {
    const { engine } = engineOf({ '.roadmark.yaml': 'include: ["plans"]\n', 'plans/q1.md': '## Milestone: Beta {#beta due=2099-01-01}\n', 'other/q2.md': '## Milestone: Gamma\n' });
    await engine.scan();
    assert.deepEqual(paths(engine), ['plans/q1.md']);
  });

  it('reads .roadmark.yml when there is no .roadmark.yaml, and .yaml first when both exist', async () => {
    const yml = engineOf({ '.roadmark.yml': 'exclude: ["archive"]\nriskWindowDays: 3\n', 'archive/a.project.md': plan('a'), 'b.project.md': plan('b') });
    const r = await yml.engine.scan();
    assert.deepEqual(paths(yml.engine), ['b.project.md']);
    assert.equal(r.riskWindowDays, 3);
    assert.deepEqual(r.configs.map((c) => c.path), ['.roadmark.yml']);
    const both = engineOf({ '.roadmark.yaml': 'riskWindowDays: 5\n', '.roadmark.yml': 'riskWindowDays: 3\n', 'b.project.md': plan('b') });
    assert.equal((await both.engine.scan()).riskWindowDays, 5);
  });

  it('reports config problems on the config, never throws', async () => {
    const { engine } = engineOf({ '.roadmark.yml': 'exclud: ["x"]\n', 'b.project.md': plan('b') });
    const r = await engine.scan();
    assert.equal(r.configs[0].result!.problems.length, 1);
    assert.deepEqual(paths(engine), ['b.project.md']);
  });

  it('guards each file: a parser that throws on one file gives a parse-error there, the others are checked', async () => {
    const parse: EngineOptions['parse'] = (path, text, options) => {
      if (path === 'bad.project.md') throw new Error('boom');
      return parsePlanFile(path, text, options);
    };
    const { engine } = engineOf({ 'bad.project.md': plan('bad'), 'good.project.md': plan('good', '2026-01-01') }, { parse });
    const r = await engine.scan();
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.rule, d.message]).filter(([, rule]) => rule === 'parse-error' || rule === 'overdue').map(([f, rule, m]) => [f, rule, rule === 'parse-error' ? m : '']), [
      ['bad.project.md', 'parse-error', 'Internal error while reading this file (please report it): boom'],
      ['good.project.md', 'overdue', ''],
    ]);
  });

  it('decodes bytes as an editor would (BOM, UTF-16) and reports binary and Latin-1 plan files', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(plan('wide'), 'utf16le')]);
    const { engine } = engineOf({ 'wide.project.md': utf16, 'img.roadmap.md': new Uint8Array([0x89, 0x50, 0, 0, 1, 2]), 'latin.project.md': Buffer.from('## Milestone: Caf\u00e9\n', 'latin1') });
    const r = await engine.scan();
    assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'parse-error').map((d) => `${d.file}: ${d.message}`), [
      'img.roadmap.md: This file is binary, not text: a plan file must be Markdown or YAML text',
      'latin.project.md: This file is not valid UTF-8 (byte 17): save it as UTF-8',
    ]);
    assert.ok(r.ws.byId.has('wide'));
  });

  it('updates changed files only, says whose diagnostics changed, and bumps the generation on every result', async () => {
    const { engine, map } = engineOf({ 'a.project.md': plan('a'), 'b.project.md': plan('b') });
    const first = await engine.scan();
    assert.equal(first.generation, engine.plans.generation);
    assert.deepEqual([...first.changed].sort(), ['a.project.md', 'b.project.md'].filter((p) => first.byFile.has(p)));
    map.set('a.project.md', plan('a', '2026-01-01'));
    const second = await engine.update(['a.project.md']);
    assert.ok(second.generation > first.generation);
    assert.deepEqual([...second.changed], ['a.project.md']);
    assert.ok(second.byFile.get('a.project.md')!.some((d) => d.rule === 'overdue'));
    map.delete('a.project.md');
    const third = await engine.update([], ['a.project.md']);
    assert.deepEqual(paths(engine), ['b.project.md']);
    assert.deepEqual([...third.changed], ['a.project.md'], 'a file that lost its diagnostics is changed too');
    const same = await engine.update(['b.project.md']);
    assert.equal(same.changed.size, 0);
    assert.ok(same.generation > third.generation);
  });

  it('a new folder, a deleted folder and an edited config flow through update', async () => {
    const { engine, map } = engineOf({ 'a.project.md': plan('a') });
    await engine.scan();
    map.set('new/x.project.md', plan('x'));
    map.set('new/deep/y.project.md', plan('y'));
    await engine.update(['new']);
    assert.deepEqual(paths(engine), ['a.project.md', 'new/deep/y.project.md', 'new/x.project.md']);
    map.set('.roadmark.yml', 'exclude: ["deep"]\n');
    await engine.update(['.roadmark.yml']);
    assert.deepEqual(paths(engine), ['a.project.md', 'new/x.project.md']);
    await engine.update([], ['new']);
    assert.deepEqual(paths(engine), ['a.project.md']);
  });

  it('runs operations one at a time, in order', async () => {
    const { engine, map } = engineOf({ 'a.project.md': plan('a') });
    const scan = engine.scan();
    map.set('b.project.md', plan('b'));
    const update = engine.update(['b.project.md']);
    const [r1, r2] = await Promise.all([scan, update]);
    assert.ok(r2.generation > r1.generation);
    assert.deepEqual(r2.ws.files.map((f) => f.path), ['a.project.md', 'b.project.md']);
  });
  it('a host that fails to read one file gives a parse-error on that plan file; the batch goes on', async () => {
    const map = new Map<string, string>([['a.project.md', plan('a')], ['b.project.md', plan('b')]]);
    const host = createMemoryHost(map);
    const failing = { ...host, readFile: (path: string) => (path === 'a.project.md' ? Promise.reject(Object.assign(new Error('x'), { code: 'EACCES' })) : host.readFile(path)) };
    const engine = new PlanEngine(failing, { clock: () => TODAY }, [{ path: '' }]);
    const r = await engine.scan();
    assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'parse-error').map((d) => `${d.file}: ${d.message}`), ['a.project.md: Cannot read this file: permission denied']);
    assert.ok(r.ws.byId.has('b'));
  });

  it('a walk ends on an endless folder chain when the host has no realPath', async () => {
    const host = {
      stat: (path: string) => ({ type: path.endsWith('.md') ? 'file' as const : 'directory' as const }),
      readDirectory: (): [string, 'directory' | 'file'][] => [['loop', 'directory'], ['x.project.md', 'file']],
      readFile: () => plan('x'),
    };
    const engine = new PlanEngine(host, { clock: () => TODAY }, [{ path: '' }]);
    const r = await engine.scan();
    assert.ok(r.candidates.length > 10 && r.candidates.length < 100, `${r.candidates.length} candidates`);
  });
});

describe('core engine, incremental', () => {
  it('gives the same diagnostics, files and changed set as a full check after every update', async () => {
    const start: Record<string, string> = {
      'r.roadmap.md': '---\ntype: roadmap\nid: r\n---\n## Goal: G {#g}\n### Initiative: I {#i target=2027-Q1 horizon=now}\n',
      'a.project.md': '---\ntype: project\nid: a\ndelivers: i\n---\n## Milestone: A1 {#a1 due=2027-02-01}\n## Milestone: A2 {#a2 due=2027-05-01 depends=a1}\n',
      'b.project.yaml': 'type: project\nid: b\ndelivers: i\nmilestones:\n  - id: b1\n    due: 2026-11-01\n    depends: a2\n',
    };
    const full = engineOf(start);
    const inc = engineOf(start, { incremental: true });
    await full.engine.scan();
    await inc.engine.scan();
    const steps: [string, string | undefined][] = [
      ['a.project.md', start['a.project.md'].replace('2027-05-01', '2026-10-01')],
      ['b.project.yaml', start['b.project.yaml'].replace('depends: a2', 'depends: a9')],
      ['a.project.md', start['a.project.md'].replace('{#a1', '{#a9')],
      ['c.project.md', '---\ntype: project\nid: c\n---\n## Milestone: C {#c depends=b1}\n'],
      ['b.project.yaml', 'type: project\nid: b\nmilestones: [\n'],
      ['r.roadmap.md', undefined],
      ['r.roadmap.md', start['r.roadmap.md']],
    ];
    for (const [path, text] of steps) {
      for (const { map } of [full, inc]) if (text === undefined) map.delete(path); else map.set(path, text);
      const [a, b] = await Promise.all([full.engine.update(text === undefined ? [] : [path], text === undefined ? [path] : []), inc.engine.update(text === undefined ? [] : [path], text === undefined ? [path] : [])]);
      assert.deepEqual(b.diagnostics, a.diagnostics, `after ${path}`);
      assert.deepEqual([...b.changed].sort(), [...a.changed].sort(), `changed after ${path}`);
      assert.deepEqual(b.ws.files.map((f) => f.path), a.ws.files.map((f) => f.path));
    }
  });
});
