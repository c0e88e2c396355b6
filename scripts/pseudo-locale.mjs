#!/usr/bin/env node
// Writes the extension's localisation bundles from the sources, so they never go stale:
//   l10n/bundle.l10n.json            every `vscode.l10n.t('…')` string of src/extension (English)
//   l10n/bundle.l10n.qps-ploc.json   the same strings, pseudo-localised
//   package.nls.qps-ploc.json        package.nls.json (the manifest's strings), pseudo-localised
// The pseudo locale (`qps-ploc`, VS Code's own name for it) wraps each string in `［!! … !!］` and
// accents its letters, leaving alone what must not change: `{0}` placeholders, `$(icon)`s,
// `code`, link targets and command URIs. A string that shows up in the editor without the
// brackets was not localised. `node scripts/pseudo-locale.mjs --check` writes nothing and exits 1
// when a file is out of date (test/unit/l10n.test.ts runs the same check).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PSEUDO_LOCALE = 'qps-ploc';

const ACCENTS = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', y: 'ý', n: 'ñ', c: 'ç', A: 'Å', E: 'É', I: 'Í', O: 'Ö', U: 'Ü', N: 'Ñ', C: 'Ç' };
/** What pseudo-localisation must keep as it is: placeholders, icons, code, link targets, URLs. */
const KEEP = /(\{\d+\}|\$\([\w~-]+\)|`[^`]*`|\]\([^)]*\)|https?:\/\/\S+|\*\.[\w.{},*]+)/;

function accent(text) {
  return text.split(KEEP).map((part, i) => (i % 2 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c))).join('');
}

const wrap = (text) => `［!! ${text} !!］`;

/**
 * One string, line by line (a welcome view's or a walkthrough's buttons are lines that hold only
 * a link: their label is wrapped, so they stay buttons).
 */
export function pseudo(text) {
  return text.split('\n').map((line) => {
    if (!line.trim()) return line;
    const button = /^\[([^\]]*)\]\(([^)]*)\)$/.exec(line);
    return button ? `[${wrap(accent(button[1]))}](${button[2]})` : wrap(accent(line));
  }).join('\n');
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/**
 * Every `l10n.t(…)` call under src/extension: its message, and an error for each call whose
 * message is not a plain string literal (the bundle could not hold it).
 */
export function extractMessages(root = ROOT) {
  const messages = new Map();
  const errors = [];
  for (const file of sourceFiles(join(root, 'src/extension'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText(source))) {
        const first = node.arguments[0];
        const where = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          if (!messages.has(first.text)) messages.set(first.text, where);
        } else {
          errors.push(`${where}: l10n.t needs a string literal as its message`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, errors };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** The three generated files (path relative to the root → content) and any extraction errors. */
export function generate(root = ROOT) {
  const { messages, errors } = extractMessages(root);
  const keys = [...messages.keys()].sort();
  const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
  const files = {
    'l10n/bundle.l10n.json': json(Object.fromEntries(keys.map((k) => [k, k]))),
    [`l10n/bundle.l10n.${PSEUDO_LOCALE}.json`]: json(Object.fromEntries(keys.map((k) => [k, pseudo(k)]))),
    [`package.nls.${PSEUDO_LOCALE}.json`]: json(Object.fromEntries(Object.entries(nls).map(([k, v]) => [k, pseudo(v)]))),
  };
  return { files, errors };
}

/** The generated files whose content on disk differs from what the sources make. */
export function stale(root = ROOT) {
  const { files } = generate(root);
  return Object.entries(files).filter(([path, content]) => {
    try {
      return readFileSync(join(root, path), 'utf8') !== content;
    } catch {
      return true;
    }
  }).map(([path]) => path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, errors } = generate();
  for (const e of errors) console.error(`pseudo-locale: ${e}`);
  if (process.argv.includes('--check')) {
    const out = stale();
    if (out.length) console.error(`pseudo-locale: out of date: ${out.join(', ')} (run node scripts/pseudo-locale.mjs)`);
    process.exit(out.length || errors.length ? 1 : 0);
  }
  for (const [path, content] of Object.entries(files)) writeFileSync(join(ROOT, path), content);
  console.log(`pseudo-locale: wrote ${Object.keys(files).join(', ')}`);
  process.exit(errors.length ? 1 : 0);
}
