import assert from 'node:assert/strict';
import { PlanWorkspace } from '../../src/core/model/workspace';
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
});
