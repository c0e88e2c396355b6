/**
 * The pseudo-locale phase: VS Code runs in `qps-ploc` (code-server `--locale qps-ploc`, with a
 * test-only language pack so that the workbench accepts the locale; see run-web.ts), and Roadmark
 * shows its qps-ploc bundles: `l10n/bundle.l10n.qps-ploc.json` for the strings built in the
 * extension, `package.nls.qps-ploc.json` for the manifest. Strings of src/core (diagnostics,
 * shared with the CLI) stay English by design.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';
import type { TreeElement } from '../../../src/extension/views/elements';
import { note, roadmark, roadmarkDiagnostics } from '../suite/util';

const PSEUDO = /^［!! .+ !!］$/;

function label(api: RoadmarkApi, tree: 'roadmap' | 'schedule', el: TreeElement): string {
  const item = api[tree].getTreeItem(el);
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

describe('pseudo locale (qps-ploc)', () => {
  let api: RoadmarkApi;
  before(async () => {
    api = await roadmark();
  });

  it('the editor runs in qps-ploc', () => {
    assert.equal(vscode.env.language, 'qps-ploc');
  });

  it('strings built in the extension come from l10n/bundle.l10n.qps-ploc.json (Schedule and Roadmap groups)', () => {
    const buckets = api.schedule.getChildren().map((b) => label(api, 'schedule', b));
    assert.ok(buckets.length >= 3, buckets.join(' | '));
    for (const b of buckets) assert.match(b, PSEUDO);
    assert.ok(buckets.includes('［!! Düé íñ thé ñéxt 14 dáýs !!］'), `the placeholder is filled in: ${buckets.join(' | ')}`);
    const stray = api.roadmap.getChildren().find((e) => e.type === 'group')!;
    assert.equal(label(api, 'roadmap', stray), '［!! Ñöt öñ thé röádmáp !!］');
    note(`qps-ploc: Schedule groups ${buckets.join(' · ')}`);
  });

  it('the manifest comes from package.nls.qps-ploc.json (commands, walkthrough)', () => {
    type Shown = string | { value: string; original: string };
    const pkg = vscode.extensions.getExtension('roadmark.roadmark')!.packageJSON as { contributes: { commands: { command: string; title: Shown; category: Shown }[]; walkthroughs: { title: Shown }[] } };
    // A localised title arrives as { value, original } (the palette shows both), else as a string.
    const value = (s: Shown) => (typeof s === 'string' ? s : s.value);
    const timeline = pkg.contributes.commands.find((c) => c.command === 'roadmark.openTimeline')!;
    assert.equal(value(timeline.title), '［!! Öpéñ Tímélíñé !!］');
    assert.equal(value(timeline.category), '［!! Röádmárk !!］');
    assert.match(value(pkg.contributes.walkthroughs[0].title), PSEUDO);
  });

  it('diagnostics (src/core, shared with the CLI) stay English', () => {
    const overdue = roadmarkDiagnostics().find((d) => d.rule === 'overdue');
    assert.ok(overdue);
    assert.match(overdue.diagnostic.message, /^Milestone '.+' was due /);
  });
});
