import assert from 'node:assert/strict';
import { completions, type CompletionEntry } from '../../src/core/language/completion';
import { applyEdits } from '../../src/core/language/edits';
import { day, parse, workspace } from './helpers';

const ROADMAP = '---\ntype: roadmap\nid: glow\n---\n## Goal: Retention {#retention}\n## Goal: Revenue {#revenue}\n### Initiative: Skincare line {#skincare-line}\n';
const PROJECT = '---\ntype: project\nid: rollout\n---\n## Milestone: Supplier {#supplier due=2026-11-15}\n## Milestone: Pilot\n- id: pilot\n';

/** Completions where `|` stands in `text` of file `path`, with the example workspace around it. */
function at(path: string, marked: string, extra: Record<string, string> = {}): { list: CompletionEntry[]; text: string } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const files = { 'glow.roadmap.md': ROADMAP, 'rollout.project.md': PROJECT, ...extra, [path]: text };
  const ws = workspace(files);
  const fileType = parse(path, text).type;
  return { list: completions({ ws, path, fileType, text, offset, today: day('2026-11-28') }), text };
}

const labels = (list: CompletionEntry[]) => list.map((c) => c.label);

/** Applies one completion the way an editor does, and returns the whole file. */
function accept(text: string, entry: CompletionEntry): string {
  return applyEdits(text, [{ span: entry.span, newText: entry.insertText }]);
}

describe('language service: completion', () => {
  it('offers the field names of the item\'s kind in an attribute block, each with a doc line', () => {
    const { list, text } = at('rollout.project.md', PROJECT + '## Milestone: Launch {#launch d|}\n');
    assert.deepEqual(labels(list), ['due', 'start', 'status', 'owner', 'depends', 'delivers', 'progress']);
    assert.ok(list.every((c) => c.documentation));
    assert.equal(accept(text, list[0]), PROJECT + '## Milestone: Launch {#launch due=}\n');
  });

  it('knows the kind from the heading keyword, the file default and task lines; leaves out keys already written', () => {
    assert.ok(labels(at('glow.roadmap.md', ROADMAP + '## Goal: X {metric=a |}\n').list).includes('current'));
    assert.ok(!labels(at('glow.roadmap.md', ROADMAP + '## Goal: X {metric=a |}\n').list).includes('metric'));
    assert.ok(labels(at('glow.roadmap.md', ROADMAP + '## Loyalty app {|}\n').list).includes('horizon'));
    assert.ok(labels(at('rollout.project.md', PROJECT + '- [ ] Call them {|}\n').list).includes('estimate'));
  });

  it('offers status and horizon values, replacing what was typed', () => {
    const { list, text } = at('rollout.project.md', PROJECT + '## Milestone: Launch {#launch status=in|}\n');
    assert.deepEqual(labels(list), ['idea', 'planned', 'in-progress', 'blocked', 'done', 'dropped']);
    assert.equal(accept(text, list[2]), PROJECT + '## Milestone: Launch {#launch status=in-progress}\n');
    assert.deepEqual(labels(at('glow.roadmap.md', ROADMAP + '- horizon: |\n').list), ['now', 'next', 'later']);
  });

  it('offers ids of the kinds a link accepts, with titles and files, leaving out itself and ids already listed', () => {
    const goal = at('glow.roadmap.md', ROADMAP + '### Initiative: App {#app goal=|}\n').list;
    assert.deepEqual(labels(goal), ['retention', 'revenue']);
    assert.equal(goal[0].detail, 'Retention');
    assert.equal(goal[0].description, 'glow.roadmap.md');
    assert.deepEqual(labels(at('rollout.project.md', PROJECT.replace('- id: pilot\n', '- id: pilot\n- delivers: |\n')).list), ['skincare-line']);
    const depends = at('rollout.project.md', PROJECT.replace('- id: pilot\n', '- id: pilot\n- depends: supplier, |\n')).list;
    assert.deepEqual(labels(depends), ['rollout']);
  });

  it('offers dependency types after an id and a space, in field lists, YAML and quoted attribute values', () => {
    const { list, text } = at('rollout.project.md', PROJECT + '- depends: supplier S|\n');
    assert.deepEqual(labels(list).slice(0, 3), ['FS', 'SS', 'FF']);
    assert.equal(accept(text, list[1]), PROJECT + '- depends: supplier SS\n');
    const quoted = at('rollout.project.md', PROJECT + '## Milestone: L {depends="supplier |"}\n');
    assert.equal(accept(quoted.text, quoted.list[4]), PROJECT + '## Milestone: L {depends="supplier SS+1w"}\n');
    assert.deepEqual(at('rollout.project.md', PROJECT + '## Milestone: L {depends=supplier |}\n').list.filter((c) => c.kind === 'dependency'), []);
  });

  it('offers today, month and quarter ends and period forms for dates', () => {
    const list = at('rollout.project.md', PROJECT + '- due: |\n').list;
    assert.deepEqual(list.slice(0, 5).map((c) => `${c.label} ${c.detail}`), [
      '2026-11-28 today', '2026-11-30 end of this month', '2026-12-31 end of next month', '2026-12-31 end of this quarter', '2027-03-31 end of next quarter',
    ]);
    assert.ok(labels(list).includes('2026-Q4') && labels(list).includes('2027-Q1') && labels(list).includes('2026-W48') && labels(list).includes('2026-H2'));
    assert.equal(list.find((c) => c.label === '2027-Q1')!.detail, 'next quarter (until Mar 31, 2027)');
  });

  it('works in front matter and YAML, block and flow style, adding the space after a bare colon', () => {
    const front = at('rollout.project.md', PROJECT.replace('id: rollout\n', 'id: rollout\nst|\n'));
    assert.deepEqual(labels(front.list).filter((l) => l.startsWith('st')), ['start', 'status']);
    const yaml = 'type: project\nid: y\nmilestones:\n  - id: m\n    status:|\n';
    const y = at('y.project.yaml', yaml);
    assert.equal(accept(y.text, y.list[2]), yaml.replace('|', ' in-progress'));
    const task = at('y.project.yaml', 'type: project\nid: y\nmilestones:\n  - id: m\n    tasks:\n      - title: a\n        |\n');
    assert.ok(labels(task.list).includes('estimate') && !labels(task.list).includes('delivers'));
    const flow = at('y.project.yaml', 'type: project\nid: y\nmilestones:\n  - id: m\n    depends: [supplier, |]\n');
    assert.deepEqual(labels(flow.list).sort(), ['pilot', 'rollout', 'y']);
    assert.equal(flow.list.find((c) => c.label === 'y')!.sortText < flow.list.find((c) => c.label === 'pilot')!.sortText, true, 'same file first');
    const top = at('y.project.yaml', 'type: project\nid: y\nde|\n');
    assert.ok(labels(top.list).includes('delivers') && labels(top.list).includes('milestones'));
  });

  it('keeps CRLF files byte for byte', () => {
    const crlf = PROJECT.replace(/\n/g, '\r\n');
    const { list, text } = at('rollout.project.md', crlf + '- due: 2026|\r\n');
    assert.equal(accept(text, list[0]), crlf + '- due: 2026-11-28\r\n');
  });

  it('offers nothing in prose, headings that are not items, or a list after prose', () => {
    assert.deepEqual(at('rollout.project.md', PROJECT + '\nSome prose: |\n').list, []);
    assert.deepEqual(at('rollout.project.md', PROJECT + '## Notes\n- due: |\n').list, []);
    assert.deepEqual(at('rollout.project.md', PROJECT + '\nProse.\n\n- |\n').list, []);
  });
});
