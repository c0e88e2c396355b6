/**
 * A new user's first run, in the real editor (desktop and web hosts): the walkthrough is
 * contributed, its pictures ship with the extension, the commands its steps run exist, and
 * `workbench.action.openWalkthrough` opens it; the Red Hat YAML extension is recommended (welcome
 * view, one notification) and never required; the manifest's strings arrive localised.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';
import { at, note, roadmark, waitFor } from './util';

interface Step { id: string; title: string; description: string; media: { image?: string; markdown?: string; altText?: string }; completionEvents: string[] }
interface Walkthrough { id: string; title: string; description: string; steps: Step[] }

const ext = () => vscode.extensions.getExtension<RoadmarkApi>('roadmark.roadmark')!;
const manifest = () => ext().packageJSON as { contributes: { walkthroughs: Walkthrough[]; viewsWelcome: { contents: string }[]; yamlValidation: unknown[] }; extensionDependencies?: string[]; extensionPack?: string[] };

describe('first run: walkthrough, YAML recommendation, localised manifest', () => {
  let api: RoadmarkApi;
  before(async () => {
    api = await roadmark();
  });

  it('contributes the firstPlan walkthrough: four steps and a YAML one, each with a completion event and a picture that ships', async () => {
    const walkthrough = manifest().contributes.walkthroughs.find((w) => w.id === 'firstPlan');
    assert.ok(walkthrough, 'walkthrough firstPlan');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openRoadmap', 'linkProject', 'fixProblem', 'openTimeline', 'yaml']);
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on something`);
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media, `${step.id} has media`);
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext().extensionUri, media));
      assert.ok(stat.size > 100 && stat.size < 400_000, `${media}: ${stat.size} bytes`);
    }
  });

  it('every command a step runs (its buttons, its onCommand events) exists in this editor', async () => {
    const all = new Set(await vscode.commands.getCommands(false));
    const walkthrough = manifest().contributes.walkthroughs.find((w) => w.id === 'firstPlan')!;
    const used = walkthrough.steps.flatMap((s) => [
      ...[...s.description.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]),
      ...s.completionEvents.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
    ]);
    assert.ok(used.includes('roadmark.newRoadmapFile') && used.includes('roadmark.openTimeline'));
    assert.deepEqual([...new Set(used)].filter((c) => !all.has(c)), []);
  });

  it('workbench.action.openWalkthrough with roadmark.roadmark#firstPlan opens it in an editor', async () => {
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const before = tabs().length;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'roadmark.roadmark#firstPlan', false);
    const tab = await waitFor('the walkthrough tab', () => tabs().length > before && vscode.window.tabGroups.activeTabGroup.activeTab, 10000);
    note(`walkthrough tab: "${tab.label}"`);
    assert.ok(!(tab.input instanceof vscode.TabInputText), 'a welcome page, not a text editor');
    await vscode.window.tabGroups.close(tab);
  });

  it('recommends the Red Hat YAML extension without depending on it', () => {
    const m = manifest();
    assert.ok(!(m.extensionDependencies ?? []).includes('redhat.vscode-yaml'), 'not an extensionDependency');
    assert.ok(!(m.extensionPack ?? []).includes('redhat.vscode-yaml'), 'not in an extensionPack');
    assert.ok(m.contributes.yamlValidation.length >= 3, 'the schemas are contributed for it');
    assert.match(m.contributes.viewsWelcome[0].contents, /Red Hat YAML extension\]\(command:extension\.open\?%22redhat\.vscode-yaml%22\)/);
  });

  it('a YAML plan opened without the YAML extension brings one notification, once (remembered in globalState)', async () => {
    assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined, 'this editor has no YAML extension');
    // A window opened earlier with the same profile may have shown it already: then never again.
    const before = api.yaml.state === 'shown' && !api.yaml.answer;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(at('projects/supplier.project.yaml')));
    await waitFor('the recommendation', () => api.yaml.state === 'shown', 10000);
    const shown = api.yaml.answer;
    assert.ok(before ? !shown : shown, before ? 'shown in an earlier window: not again' : 'a notification was shown');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(at('projects/launch-campaign.project.yaml')));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(api.yaml.answer, shown, 'not shown a second time');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the manifest is localised through package.nls.json: the editor sees titles, not %keys%', () => {
    const m = ext().packageJSON as { contributes: { commands: { title: string; category: string }[]; walkthroughs: Walkthrough[] } };
    const open = m.contributes.commands.find((c) => c.title && !c.title.startsWith('%'));
    assert.ok(open, `command titles: ${m.contributes.commands.map((c) => c.title).join(', ')}`);
    assert.ok(!m.contributes.walkthroughs[0].title.startsWith('%'), m.contributes.walkthroughs[0].title);
  });
});
