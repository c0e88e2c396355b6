import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';
import type { TreeElement } from '../../../src/extension/views/elements';
import { roadmark } from './util';

function label(api: RoadmarkApi, el: TreeElement, tree: 'roadmap' | 'schedule' = 'roadmap'): string {
  const item = api[tree].getTreeItem(el);
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

function find(api: RoadmarkApi, els: TreeElement[], text: string): TreeElement {
  const el = els.find((e) => label(api, e).includes(text));
  assert.ok(el, `no tree item with '${text}' among: ${els.map((e) => label(api, e)).join(' | ')}`);
  return el;
}

describe('Roadmap and Schedule views', () => {
  let api: RoadmarkApi;
  before(async () => {
    api = await roadmark();
  });

  it('Roadmap: roadmap → goal → initiative → project → milestone → task, read through the tree provider', () => {
    const roots = api.roadmap.getChildren();
    const roadmap = roots.find((r) => r.type === 'item' && r.node.item.kind === 'roadmap')!;
    assert.ok(roadmap, 'the roadmap is a root');
    const goals = api.roadmap.getChildren(roadmap).filter((e) => e.type === 'item' && e.node.item.kind === 'goal');
    assert.ok(goals.length >= 2, 'the goals are under the roadmap');
    const initiatives = goals.flatMap((g) => api.roadmap.getChildren(g));
    const skincare = initiatives.find((e) => e.type === 'item' && e.node.item.id === 'skincare-line')!;
    assert.ok(skincare, 'the skincare-line initiative is under a goal');
    const projects = api.roadmap.getChildren(skincare);
    const rollout = find(api, projects, 'rollout');
    const milestones = api.roadmap.getChildren(rollout);
    const training = milestones.find((m) => m.type === 'item' && m.node.item.id === 'staff-training')!;
    assert.ok(training);
    const tasks = api.roadmap.getChildren(training);
    assert.ok(tasks.length > 0 && tasks.every((t) => t.type === 'item' && t.node.item.kind === 'task'));
    const item = api.roadmap.getTreeItem(training);
    assert.match(String(item.description), /2026-12-04 \(in 11 days\).*1\/\d+ tasks/);
    assert.match(String(item.contextValue), /\bmilestone\b.*\bopen\b/);
    assert.equal(item.command?.command, 'roadmark.openItem');
    assert.equal(api.roadmap.getParent(training), rollout);
  });

  it('Roadmap: projects that deliver nothing are grouped under "Not on the roadmap"', () => {
    const group = api.roadmap.getChildren().find((e) => e.type === 'group')!;
    assert.ok(group, 'the group exists');
    assert.equal(label(api, group), 'Not on the roadmap');
    assert.deepEqual(api.roadmap.getChildren(group).map((e) => e.type === 'item' && e.node.item.id), ['launch-campaign']);
  });

  it('Schedule: overdue, due soon, later and undated, by deadline', () => {
    const buckets = api.schedule.getChildren();
    const overdue = buckets.find((b) => b.id === 'bucket:overdue')!;
    const soon = buckets.find((b) => b.id === 'bucket:soon')!;
    assert.equal(label(api, soon, 'schedule'), 'Due in the next 14 days');
    const ids = (el: TreeElement) => api.schedule.getChildren(el).map((e) => e.type === 'item' && e.node.item.id);
    assert.ok(ids(overdue).includes('samples-round-2'), `overdue: ${ids(overdue)}`);
    assert.ok(ids(soon).includes('staff-training'), `soon: ${ids(soon)}`);
    const deadlines = api.schedule.buckets.find((b) => b.id === 'later')!.entries.map((e) => e.deadline!);
    assert.deepEqual(deadlines, [...deadlines].sort((a, b) => a - b), 'later is sorted by deadline');
    assert.ok(api.schedule.count('overdue') >= 1);
  });

  it('filters the Roadmap by owner and clears the filter', async () => {
    await vscode.commands.executeCommand('roadmark.filter', { owner: 'lena' });
    const visible: TreeElement[] = [];
    const walk = (els: TreeElement[]) => els.forEach((e) => { visible.push(e); walk(api.roadmap.getChildren(e)); });
    walk(api.roadmap.getChildren());
    const leaves = visible.filter((e) => e.type === 'item' && api.roadmap.getChildren(e).length === 0);
    assert.ok(leaves.length > 0 && leaves.every((e) => e.type === 'item' && e.node.item.owners.includes('lena')), 'only lena\'s work is left at the leaves');
    await vscode.commands.executeCommand('roadmark.clearFilter');
    const all: TreeElement[] = [];
    const walkAll = (els: TreeElement[]) => els.forEach((e) => { all.push(e); walkAll(api.roadmap.getChildren(e)); });
    walkAll(api.roadmap.getChildren());
    assert.ok(all.length > visible.length);
  });
});
