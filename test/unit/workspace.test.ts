import assert from 'node:assert/strict';
import { PlanWorkspace, resolveFiles } from '../../src/core/model/workspace';
import { planFile } from './build';
import { parse, workspace } from './helpers';

const ROADMAP = '---\ntype: roadmap\nid: glow\n---\n## Goal: Retention {#retention}\n### Initiative: Skincare line {#skincare-line target=2027-Q1}\n';
const PROJECT = '---\ntype: project\nid: rollout\ndelivers: skincare-line\n---\n## Milestone: Pilot {#pilot due=2027-01-31}\n## Milestone: Launch {#launch due=2027-03-01 depends=pilot}\n';

describe('workspace index', () => {
  it('resolves links, inheritance and reverse links', () => {
    const ws = workspace({ 'r.roadmap.md': ROADMAP, 'p.project.md': PROJECT });
    const line = ws.byId.get('skincare-line')!;
    assert.deepEqual(line.goals.map((g) => g.item.id), ['retention'], 'goal from nesting');
    const pilot = ws.byId.get('pilot')!;
    assert.deepEqual(pilot.delivers.map((d) => d.item.id), ['skincare-line'], 'milestone delivers what its project delivers');
    assert.equal(pilot.project?.item.id, 'rollout');
    assert.deepEqual(line.deliveredBy.map((n) => n.item.id).sort(), ['launch', 'pilot', 'rollout']);
    assert.deepEqual(pilot.dependents.map((n) => n.item.id), ['launch']);
  });

  it('resolves a duplicated id to its first definition by path, then position', () => {
    const ws = workspace({
      'b.project.md': '## Milestone: X {#dup}\n',
      'a.project.md': '## Milestone: Y {#dup}\n## Milestone: Z {#dup}\n',
    });
    assert.equal(ws.byId.get('dup')!.item.title, 'Y');
    assert.deepEqual(ws.duplicates.map((d) => `${d.node.file.path}:${d.node.item.title}`), ['a.project.md:Z', 'b.project.md:X']);
  });

  it('updates and removes one file at a time', () => {
    const index = new PlanWorkspace();
    index.set(parse('r.roadmap.md', ROADMAP));
    index.set(parse('p.project.md', PROJECT));
    const before = index.resolve();
    assert.equal(index.resolve(), before, 'resolved view is cached until a change');
    index.set(parse('p.project.md', PROJECT.replace('delivers: skincare-line', 'delivers: other')));
    const after = index.resolve();
    assert.notEqual(after, before);
    assert.equal(after.byId.get('skincare-line')!.deliveredBy.length, 0);
    assert.ok(index.delete('p.project.md'));
    assert.equal(index.resolve().byId.get('pilot'), undefined);
    assert.ok(!index.delete('p.project.md'));
  });

  it('does not put tasks without a written id in the id table', () => {
    const ws = workspace({ 'a.project.md': '## Milestone: Alpha\n- [ ] Order samples\n', 'b.project.md': '## Milestone: Beta\n- [ ] Order samples\n- [ ] Sign {#sign}\n' });
    assert.equal(ws.duplicates.length, 0);
    assert.equal(ws.byId.get('sign')?.item.kind, 'task');
  });

  it('resolves a link to the first definition of a kind it accepts, else the first definition (1.1)', () => {
    const ws = resolveFiles([
      planFile('a.project.md', 'project', [{ kind: 'project', id: 'shared' }, { kind: 'milestone', id: 'm', depends: ['shared'], delivers: ['shared'] }]),
      planFile('b.roadmap.md', 'roadmap', [{ kind: 'roadmap', id: 'r' }, { kind: 'initiative', id: 'shared' }, { kind: 'goal', id: 'g' }]),
    ]);
    const m = ws.byId.get('m')!;
    assert.equal(ws.byId.get('shared')!.item.kind, 'project', 'byId keeps the first definition');
    assert.deepEqual(m.delivers.map((n) => `${n.file.path}:${n.item.kind}`), ['b.roadmap.md:initiative']);
    assert.deepEqual(m.depends.map((n) => n.item.kind), ['project']);
    const link = m.item.delivers[0];
    assert.equal(ws.resolveLink(m, link, ['initiative'])!.item.kind, 'initiative');
    assert.equal(ws.resolveLink(m, link, ['goal'])!.item.kind, 'project', 'no goal of that id: the first definition, for broken-link to name');
    assert.equal(ws.resolveLink(m, link)!.item.kind, 'project');
    assert.deepEqual(ws.definitions.get('shared')!.map((n) => n.file.path), ['a.project.md', 'b.roadmap.md']);
    assert.deepEqual(ws.duplicates.map((d) => `${d.node.item.kind} after ${d.first.item.kind}`), ['initiative after project']);
  });

  it('keeps each dependency with its type and lag, and a link to another file to that file', () => {
    const ws = resolveFiles([
      planFile('plans/a.project.md', 'project', [{ kind: 'project', id: 'a' }, { kind: 'milestone', id: 'x' }]),
      planFile('plans/b.project.md', 'project', [{ kind: 'project', id: 'b' }, { kind: 'milestone', id: 'x' }]),
      planFile('plans/c/c.project.md', 'project', [{ kind: 'project', id: 'c' }, { kind: 'milestone', id: 'y', depends: ['x SS+2w', '../b.project.md#x FF-1d', 'missing.md#x'] }]),
    ]);
    const y = ws.byId.get('y')!;
    assert.deepEqual(y.dependencies.map((d) => `${d.node.file.path} ${d.type} ${d.lagDays}`), ['plans/a.project.md SS 14', 'plans/b.project.md FF -1']);
    assert.deepEqual(ws.byId.get('x')!.dependents.map((n) => n.item.id), ['y']);
  });
});
