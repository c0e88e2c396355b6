/** `roadmark list`: the Roadmap tree's order and the filters, in text and JSON. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRequest } from '../../src/cli/args';
import { roadmapOrder } from '../../src/cli/format/list';
import { workspace } from './helpers';

const CLI = resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FILES: Record<string, string> = {
  '.roadmark.yaml': 'today: 2026-11-23\n',
  // Files sort the other way round from the tree: the order must come from the tree, not the paths.
  'a/zz.roadmap.md': '---\ntype: roadmap\nid: zz\n---\n## Goal: Retention {#retention}\n### Initiative: Kits {#kits target=2027-Q1}\n### Initiative: Line {#line target=2027-Q2}\n## Goal: Reach {#reach}\n### Initiative: Ads {#ads goal=retention}\n',
  'a/aa.project.md': '---\ntype: project\nid: aa\ndelivers: line\nowner: "@Lena, tom"\n---\n## Milestone: Pilot {#pilot due=2026-11-11 owner=lena}\n- [ ] Book rooms {due=2026-11-01}\n- [x] Brief staff {due=2026-10-01}\n## Milestone: Launch {#launch due=2027-04-15 status=wip}\n',
  'a/bb.project.md': '---\ntype: project\nid: bb\ndelivers: kits, line\nend: 2026-12-01\n---\n## Milestone: Kit box {#kit-box due=2026-11-30 status=done owner=tom}\n',
  'a/cc.project.md': '---\ntype: project\nid: cc\n---\n## Milestone: Stray {#stray due=2026-10-10 owner=maya}\n',
};

describe('roadmark list (dist/cli.js)', () => {
  let root: string;
  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    root = mkdtempSync(join(tmpdir(), 'roadmark-list-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const ids = (args: string[]) => {
    const r = run(['list', 'a', ...args], root);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.trimEnd().split('\n').filter(Boolean).map((l) => l.split('\t')[2]);
  };

  it('lists roadmap, goals, initiatives and the projects delivering them, then projects off the roadmap; each item once', () => {
    const r = run(['list', 'a'], root);
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.split('\t')[1] + ' ' + l.split('\t')[2]), [
      'roadmap zz',
      '  goal retention', '    initiative kits', '      project bb', '        milestone kit-box',
      '    initiative line', '      project aa', '        milestone pilot', '          task pilot/book-rooms', '          task pilot/brief-staff', '        milestone launch',
      '    initiative ads',
      '  goal reach',
      'project cc', '  milestone stray',
    ]);
  });

  it('filters by owner (any owner, @ optional, any case), status (aliases too), kind, overdue and due date', () => {
    assert.deepEqual(ids(['--owner', 'lena']), ['aa', 'pilot']);
    assert.deepEqual(ids(['--owner', '@LENA']), ['aa', 'pilot']);
    assert.deepEqual(ids(['--owner', 'tom']), ['kit-box', 'aa']);
    assert.deepEqual(ids(['--owner', 'maya', '--owner', 'tom']), ['kit-box', 'aa', 'stray']);
    assert.deepEqual(ids(['--status', 'done']), ['kit-box', 'pilot/brief-staff']);
    assert.deepEqual(ids(['--status', 'completed']), ['kit-box', 'pilot/brief-staff'], 'an alias of done');
    assert.deepEqual(ids(['--status', 'in-progress']), ['launch']);
    assert.deepEqual(ids(['--status', 'done,wip']), ['kit-box', 'pilot/brief-staff', 'launch']);
    assert.deepEqual(ids(['--kind', 'initiative']), ['kits', 'line', 'ads']);
    assert.deepEqual(ids(['--kind', 'milestones']), ['kit-box', 'pilot', 'launch', 'stray'], 'a plural is read as the kind');
    assert.deepEqual(ids(['--overdue']), ['pilot', 'pilot/book-rooms', 'stray'], 'open, deadline before today; done items are not overdue');
    assert.deepEqual(ids(['--due-before', '2026-11-30']), ['pilot', 'pilot/book-rooms', 'pilot/brief-staff', 'stray'], 'a deadline on that day is not before it');
    assert.deepEqual(ids(['--due-before', '2027-Q2']), ['kit-box', 'kits', 'bb', 'pilot', 'pilot/book-rooms', 'pilot/brief-staff', 'stray'].sort((a, b) => order(a) - order(b)), 'a period: before its first day');
    assert.deepEqual(ids(['--kind', 'milestone', '--overdue', '--owner', 'lena']), ['pilot'], 'filters combine');
    assert.deepEqual(ids(['--owner', 'nobody']), []);
  });

  it('gives the same items, in the same order, as JSON', () => {
    const r = run(['list', 'a', '--format', 'json', '--kind', 'milestone,project'], root);
    const out = JSON.parse(r.stdout) as { today: string; items: { id: string; owners?: string[] }[] };
    assert.equal(out.today, '2026-11-23');
    assert.deepEqual(out.items.map((i) => i.id), ['bb', 'kit-box', 'aa', 'pilot', 'launch', 'cc', 'stray']);
    assert.deepEqual(out.items.find((i) => i.id === 'aa')!.owners, ['Lena', 'tom']);
  });

  it('rejects an unknown status, kind or date with a did-you-mean, and the filters on other commands', () => {
    const cases: [string[], string][] = [
      [['list', '--status', 'planed'], "roadmark: unknown status 'planed': did you mean 'planned'? (see roadmark --help)\n"],
      [['list', '--kind', 'mielstone'], "roadmark: unknown kind 'mielstone': did you mean 'milestone'? (see roadmark --help)\n"],
      [['list', '--due-before', 'soon'], "roadmark: --due-before needs a date YYYY-MM-DD (or a period such as 2027-Q1), not 'soon' (see roadmark --help)\n"],
      [['check', '--owner', 'lena'], 'roadmark: --owner applies to list only (see roadmark list --help)\n'],
      [['export', '--format', 'csv', '--overdue'], 'roadmark: --overdue applies to list only (see roadmark list --help)\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = run(args, root);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, stderr);
    }
  });

  it('roadmapOrder puts every node once, even those the tree does not reach', () => {
    const ws = workspace({
      'r.roadmap.md': '---\ntype: roadmap\nid: r\n---\n### Initiative: One {#one}\n',
      'p.project.md': '---\ntype: project\nid: p\ndelivers: nowhere\n---\n## Milestone: M {#m}\n- [ ] T\n',
      'q.project.md': '---\ntype: project\nid: q\ndelivers: one\n---\n## Milestone: N {#n delivers=one}\n',
    });
    const listed = roadmapOrder(ws);
    assert.equal(listed.length, ws.nodes.length);
    assert.deepEqual(listed.map((l) => `${l.depth} ${l.node.item.id}`), ['0 r', '1 one', '2 q', '3 n', '0 p', '1 m', '2 m/t']);
  });

  it('parses repeated and comma-separated filter values', () => {
    const r = parseRequest(['list', '--owner', '@a,b', '--owner', 'C', '--status', 'doing', '--kind', 'Task'], false, {});
    assert.deepEqual(r.filter, { owners: ['a', 'b', 'c'], statuses: ['in-progress'], kinds: ['task'], overdue: false, dueBefore: undefined });
  });
});

const ORDER = ['zz', 'retention', 'kits', 'bb', 'kit-box', 'line', 'aa', 'pilot', 'pilot/book-rooms', 'pilot/brief-staff', 'launch', 'ads', 'reach', 'cc', 'stray'];
function order(id: string): number {
  return ORDER.indexOf(id);
}
