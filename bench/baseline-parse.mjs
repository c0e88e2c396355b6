// Baseline for check-vs-parse: read every plan file and parse it with the same remark pipeline
// the core uses (remark-parse + front matter + GFM task-list items), whole file, and YAML with
// `yaml` parseDocument — and nothing else. One thread, as a plain parser would run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';

function taskListItems() {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(taskListItems).freeze();
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
let nodes = 0;
for (const file of walk(process.argv[2])) {
  const text = readFileSync(file, 'utf8');
  if (/\.md$/.test(file)) nodes += processor.parse(text).children.length;
  else if (/\.ya?ml$/.test(file)) nodes += parseDocument(text, { lineCounter: new LineCounter(), keepSourceTokens: false }).errors.length + 1;
}
process.stdout.write(`${nodes}\n`);
