/**
 * Localisation-ready: every user-facing string of the manifest is a `%key%` of package.nls.json,
 * every user-facing string of src/extension goes through `vscode.l10n.t` and is in the bundle,
 * and the pseudo-locale files (scripts/pseudo-locale.mjs) are up to date with both. The suites
 * in the real VS Code show the pseudo locale on screen (test/vscode/run-web.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
// @ts-expect-error: a plain .mjs script, no types
import { extractMessages, generate, pseudo, stale, PSEUDO_LOCALE } from '../../scripts/pseudo-locale.mjs';

const ROOT = resolve(__dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const pkg = JSON.parse(read('package.json')) as Record<string, unknown> & { contributes: Record<string, unknown> };
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;

/** Every string in the manifest at a path that VS Code shows to people, with the path. */
function shownStrings(): [string, string][] {
  const out: [string, string][] = [];
  const c = pkg.contributes as Record<string, unknown[] | Record<string, unknown>>;
  const push = (...pairs: [string, unknown][]) => {
    for (const [where, v] of pairs) if (typeof v === 'string') out.push([where, v]);
  };
  for (const [i, x] of (c.commands as Record<string, unknown>[]).entries()) push([`commands[${i}].title`, x.title], [`commands[${i}].category`, x.category]);
  for (const [i, x] of ((c.viewsContainers as Record<string, Record<string, unknown>[]>).activitybar).entries()) push([`viewsContainers.activitybar[${i}].title`, x.title]);
  for (const [container, views] of Object.entries(c.views as Record<string, Record<string, unknown>[]>)) {
    for (const [i, v] of views.entries()) push([`views.${container}[${i}].name`, v.name], [`views.${container}[${i}].contextualTitle`, v.contextualTitle]);
  }
  for (const [i, w] of (c.viewsWelcome as Record<string, unknown>[]).entries()) push([`viewsWelcome[${i}].contents`, w.contents]);
  const config = c.configuration as { title: string; properties: Record<string, Record<string, unknown>> };
  push(['configuration.title', config.title]);
  for (const [name, p] of Object.entries(config.properties)) push([`${name}.description`, p.description], [`${name}.markdownDescription`, p.markdownDescription]);
  for (const [i, m] of (c.problemMatchers as Record<string, unknown>[]).entries()) push([`problemMatchers[${i}].label`, m.label]);
  for (const w of c.walkthroughs as { id: string; title: string; description: string; steps: { id: string; title: string; description: string; media: { altText?: string } }[] }[]) {
    push([`walkthroughs.${w.id}.title`, w.title], [`walkthroughs.${w.id}.description`, w.description]);
    for (const s of w.steps) push([`${w.id}.${s.id}.title`, s.title], [`${w.id}.${s.id}.description`, s.description], [`${w.id}.${s.id}.altText`, s.media.altText]);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Properties and calls whose text people read: a literal there has missed `l10n.t`. */
const SHOWN_PROPERTIES = new Set(['placeHolder', 'prompt', 'tooltip', 'label', 'title', 'message', 'description', 'name', 'validateInput', 'detail']);
const SHOWN_CALLS = /^vscode\.window\.(show(Information|Warning|Error)Message|createWebviewPanel|createStatusBarItem|withProgress)$|\.report$/;

describe('localisation (package.nls.json, vscode.l10n bundles, pseudo locale)', () => {
  it('every user-facing manifest string is a %key% of package.nls.json', () => {
    const strings = shownStrings();
    assert.ok(strings.length > 50, `found ${strings.length}`);
    const literal = strings.filter(([, v]) => !/^%[^%]+%$/.test(v));
    assert.deepEqual(literal, [], 'manifest strings written out instead of %key%');
    const missing = strings.filter(([, v]) => !Object.hasOwn(nls, v.slice(1, -1)));
    assert.deepEqual(missing, [], 'keys missing from package.nls.json');
  });

  it('package.nls.json holds no key the manifest does not use', () => {
    const used = new Set([...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });

  it('every l10n.t message in src/extension is a literal, and is in l10n/bundle.l10n.json', () => {
    const { messages, errors } = extractMessages(ROOT) as { messages: Map<string, string>; errors: string[] };
    assert.deepEqual(errors, []);
    assert.ok(messages.size > 30, `found ${messages.size}`);
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    assert.deepEqual([...messages.keys()].filter((m) => !Object.hasOwn(bundle, m)), [], 'run node scripts/pseudo-locale.mjs');
    assert.equal(pkg.l10n, './l10n');
  });

  it('no user-facing literal in src/extension bypasses l10n.t (messages, quick picks, tree items, status bar, progress)', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src/extension'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      // Words in the literal text (a template's own text, not its expressions): prose, not an id.
      const literalText = (n: ts.Node): string | undefined => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text
        : ts.isTemplateExpression(n) ? [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ') : undefined);
      // Words, once `$(icon)`s are taken out: "A date…", "None", "now: {0}"; not an id or a glob.
      const prose = (n: ts.Node): boolean => {
        const text = (literalText(n) ?? '').replace(/\$\([\w~-]+\)/g, '').trim();
        return /[A-Za-z]+[ ,:] ?[A-Za-z]|^[A-Z][a-z]+|^[a-z]+: ?$/.test(text);
      };
      /** The literals an expression may evaluate to: both sides of `?:`, `||`, `??` and `+`. */
      const literals = (n: ts.Node | undefined): ts.Node[] => {
        if (!n) return [];
        if (ts.isParenthesizedExpression(n)) return literals(n.expression);
        if (ts.isConditionalExpression(n)) return [...literals(n.whenTrue), ...literals(n.whenFalse)];
        if (ts.isBinaryExpression(n) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(n.operatorToken.kind)) return [...literals(n.left), ...literals(n.right)];
        if (ts.isArrowFunction(n)) return literals(ts.isBlock(n.body) ? undefined : n.body);
        return literalText(n) === undefined ? [] : [n];
      };
      const report = (n: ts.Node) => found.push(`${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1}: ${n.getText(source).slice(0, 80)}`);
      const check = (n: ts.Node | undefined) => literals(n).filter(prose).forEach(report);
      const visit = (node: ts.Node) => {
        if (ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.getText(source))) check(node.initializer);
        if (ts.isCallExpression(node) && SHOWN_CALLS.test(node.expression.getText(source))) node.arguments.forEach(check);
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.(text|tooltip|description|title|name)$/.test(node.left.getText(source))) check(node.right);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    // Log lines (the Roadmark output channel) and errors only tests see stay English.
    assert.deepEqual(found.filter((f) => !/this\.log\.|no plan file seen yet|test seam/.test(f)), []);
  });

  it('src/core stays English (messages shared with the CLI): no l10n there', () => {
    const uses = sourceFiles(join(ROOT, 'src/core')).filter((f) => /\bl10n\b/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(uses.map((f) => relative(ROOT, f)), []);
  });

  it(`the pseudo-locale files (${PSEUDO_LOCALE}) are up to date: node scripts/pseudo-locale.mjs`, () => {
    assert.deepEqual(stale(ROOT), []);
    const { files } = generate(ROOT) as { files: Record<string, string> };
    const bundle = JSON.parse(files[`l10n/bundle.l10n.${PSEUDO_LOCALE}.json`]) as Record<string, string>;
    const manifest = JSON.parse(files[`package.nls.${PSEUDO_LOCALE}.json`]) as Record<string, string>;
    assert.deepEqual(Object.keys(manifest).sort(), Object.keys(nls).sort());
    for (const [english, shown] of [...Object.entries(bundle), ...Object.keys(nls).map((k) => [nls[k], manifest[k]])]) {
      assert.match(shown, /［!! .* !!］/, shown);
      // Placeholders, icons, code and command links survive: the pseudo string works the same.
      const kept = (s: string) => [...s.matchAll(/\{\d+\}|\$\([\w~-]+\)|`[^`]*`|\]\([^)]*\)/g)].map((m) => m[0]).sort();
      assert.deepEqual(kept(shown), kept(english), english);
    }
  });

  it('pseudo keeps buttons buttons: a line that is only a link keeps its target and wraps its label', () => {
    assert.equal(pseudo('Text.\n[New File](command:roadmark.newRoadmapFile)'), '［!! Téxt. !!］\n[［!! Ñéw Fílé !!］](command:roadmark.newRoadmapFile)');
    assert.equal(pseudo('{0} overdue'), '［!! {0} övérdüé !!］');
  });
});
