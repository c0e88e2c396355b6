/** The Markdown preview plugin (core/preview) with markdown-it, as VS Code's preview runs it. */
import assert from 'node:assert/strict';
// markdown-it has no types of its own here; the plugin is typed structurally (MarkdownItLike).
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import MarkdownIt from 'markdown-it';
import { relativeHref } from '../../src/core/preview/href';
import { roadmarkMarkdownIt, type MarkdownItLike, type MdState } from '../../src/core/preview/markdown-it';
import { day } from './helpers';

interface Md extends MarkdownItLike {
  render(src: string, env?: unknown): string;
  block: { ruler: { before(name: string, rule: string, fn: unknown, options?: unknown): void } };
}

/** VS Code's preview hides front matter with a plugin of its own: a minimal stand-in. */
function frontMatter(md: Md): void {
  md.block.ruler.before('table', 'front_matter', (state: MdState & { bMarks: number[]; eMarks: number[]; line: number }, start: number, end: number, silent: boolean) => {
    if (start !== 0 || state.src.slice(0, 4) !== '---\n') return false;
    let line = 1;
    while (line < end && state.src.slice(state.bMarks[line], state.eMarks[line]) !== '---') line++;
    if (line >= end) return false;
    if (!silent) {
      const token = (state as unknown as { push(t: string, tag: string, n: number): { map: number[]; hidden: boolean } }).push('front_matter', '', 0);
      token.map = [0, line + 1];
      token.hidden = true;
    }
    state.line = line + 1;
    return true;
  }, { alt: [] });
  md.renderer.rules.front_matter = () => '';
}

function engine(plugin = true, html = true): Md {
  const md = new MarkdownIt({ html }) as Md;
  frontMatter(md);
  return plugin ? roadmarkMarkdownIt(md, { today: () => day('2026-11-23') }) : md;
}

const env = (path: string) => ({ currentDocument: { path: `/ws/${path}` } });

const PLAN = [
  '---', 'type: project', 'id: rollout', 'owner: jonas', 'end: 2027-03-31', '---', '',
  '# Rollout', '',
  '## Milestone: Retail corners {#retail-design due=2026-10-30 status=done owner=jonas}', '',
  '## Milestone: Staff trained', '',
  '- id: staff-training', '- due: 2026-11-20', '- status: in-progress', '- owner: lena, maya', '',
  'A session in each clinic.', '',
  '- [x] Training deck {due=2026-11-13 owner=lena}', '- [ ] Riverside session {due=2026-11-26 owner=lena}', '',
  '## Milestone: Pilot {#pilot due=2027-02-05 depends="staff-training, first-production SS+2d" budget="1,000 EUR"}', '',
  'Links: [Staff trained](#staff-training).', '',
].join('\n');

describe('Markdown preview plugin (core/preview)', () => {
  it('shows attribute blocks and field lists as chips, headings keep their text, ids become anchors', () => {
    const html = engine().render(PLAN, env('projects/rollout.project.md'));
    assert.match(html, /<h2 id=|<h2>/);
    assert.ok(html.includes('<h2><a class="roadmark-anchor" id="retail-design" aria-hidden="true"></a>Milestone: Retail corners</h2>'), html);
    assert.ok(!html.includes('{#retail-design'), 'the attribute block is not shown as text');
    assert.ok(html.includes('<span class="roadmark-chip roadmark-chip-status roadmark-status-done"><span class="roadmark-chip-value">done</span></span>'));
    // The field list is the chips now; the prose and the tasks after it stay.
    assert.ok(!html.includes('<li>id: staff-training</li>'), 'the field list is shown as chips');
    assert.ok(html.includes('<span class="roadmark-chip-label">owners</span> <span class="roadmark-chip-value">lena, maya</span>'));
    assert.ok(html.includes('<p>A session in each clinic.</p>'));
    assert.ok(html.includes('[ ] Riverside session<span class="roadmark-chips roadmark-chips-inline">'), 'a task keeps its text; its block becomes inline chips');
    // Links to other items are anchors; an id the file does not define is marked, not dropped.
    assert.ok(html.includes('<a class="roadmark-chip roadmark-chip-link" href="#staff-training" title="milestone &#39;Staff trained&#39;"><span class="roadmark-chip-label">after</span> <span class="roadmark-chip-value">staff-training</span></a>'), html);
    assert.ok(html.includes('roadmark-chip-link roadmark-chip-broken" title="&#39;first-production&#39; names no item"><span class="roadmark-chip-label">after</span> <span class="roadmark-chip-value">first-production (SS+2d)</span>'));
    assert.ok(html.includes('<span class="roadmark-chip-label">budget</span> <span class="roadmark-chip-value">1,000 EUR</span>'), 'other fields as written');
    // The project's own fields (front matter) as a row at the top.
    assert.match(html, /^<div class="roadmark-chips">.*owner<\/span> <span class="roadmark-chip-value">jonas/);
  });

  it('marks overdue items: the heading, the chip row and an overdue chip; a done item is not overdue', () => {
    const html = engine().render(PLAN, env('rollout.project.md'));
    assert.ok(html.includes('<h2 class="roadmark-overdue"><a class="roadmark-anchor" id="staff-training" aria-hidden="true"></a>Milestone: Staff trained</h2>\n<div class="roadmark-chips roadmark-overdue">'), html);
    assert.ok(html.includes('<span class="roadmark-chip-label">overdue</span> <span class="roadmark-chip-value">3 days</span>'));
    assert.ok(!/<h2 class="roadmark-overdue">.{0,80}Retail corners/.test(html), 'done: not overdue');
    assert.ok(!html.includes('<li class="roadmark-overdue">[x]'), 'a ticked task is not overdue');
  });

  it('leaves Markdown that is not a plan exactly as markdown-it renders it', () => {
    const notes = '# Notes {#n due=2026-01-01}\n\n- id: x\n- due: 2026-01-01\n\n- [ ] task {due=2026-01-01}\n';
    assert.equal(engine().render(notes, env('notes.md')), engine(false).render(notes, env('notes.md')));
    assert.equal(engine().render(PLAN, env('rollout.project.yaml')), engine(false).render(PLAN, env('rollout.project.yaml')), 'not Markdown');
    assert.equal(engine().render(PLAN.replace('type: project\n', ''), env('plain.md')).includes('roadmark-chip'), false, 'no plan name, no type: not a plan');
  });

  it('a value that could not be read is shown as written, marked, with the diagnostic as its title', () => {
    const html = engine().render('---\ntype: project\nid: p\n---\n## Milestone: A {#a due="Feb 26, 2027" status=finished}\n', env('p.project.md'));
    assert.ok(html.includes('<span class="roadmark-chip roadmark-chip-invalid" title="Invalid due on milestone &#39;A&#39;: &#39;Feb 26, 2027&#39; is read as 2027-02-26: write dates as YYYY-MM-DD"><span class="roadmark-chip-label">due</span> <span class="roadmark-chip-value">Feb 26, 2027</span></span>'), html);
    assert.match(html, /roadmark-chip-invalid" title="[^"]*finished[^"]*"><span class="roadmark-chip-label">status<\/span> <span class="roadmark-chip-value">finished/);
  });

  it('escapes what it writes: a value cannot inject markup', () => {
    const evil = '---\ntype: project\nid: p\n---\n## Milestone: A {#a owner="<img src=x onerror=alert(1)>" due=2027-01-01}\n';
    // Without raw HTML in the Markdown itself (VS Code sanitises that), nothing here becomes markup.
    const html = engine(true, false).render(evil, env('p.project.md'));
    assert.ok(!html.includes('<img'), html);
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
  });

  it('reads CRLF files as the checker does (markdown-it normalises line ends)', () => {
    const lf = engine().render(PLAN, env('r.project.md'));
    assert.equal(engine().render(PLAN.replace(/\n/g, '\r\n'), env('r.project.md')), lf);
  });

  it('links to items of other files are relative to the previewed file', () => {
    assert.equal(relativeHref('projects/a.project.md', 'projects/a.project.md', 'x'), '#x');
    assert.equal(relativeHref('projects/a.project.md', 'projects/b.project.yaml', 'x'), 'b.project.yaml#x');
    assert.equal(relativeHref('projects/a.project.md', 'roadmap/glow.roadmap.md', 'goal-1'), '../roadmap/glow.roadmap.md#goal-1');
    assert.equal(relativeHref('a.md', 'plans/q 1/b c.project.md', 'x'), 'plans/q%201/b%20c.project.md#x');
    assert.equal(relativeHref('x/y/z/a.md', 'b.md', 'x'), '../../../b.md#x');
  });
});
