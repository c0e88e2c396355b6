/** Plan and config file names, cheap to test: the activation gate and the YAML recommendation use them. */
import type * as vscode from 'vscode';

/** Plan and config names, as the engine recognises them (over-approximate: waking is always safe). */
export const PLAN_GLOB = '**/{*.roadmap.md,*.roadmap.markdown,*.roadmap.yaml,*.roadmap.yml,*.project.md,*.project.markdown,*.project.yaml,*.project.yml,.roadmark.yaml,.roadmark.yml}';
export const PLAN_NAME = /(?:\.(?:roadmap|project)\.(?:md|markdown|ya?ml)|(?:^|\/)\.roadmark\.ya?ml)$/i;
const CANDIDATE = /\.(?:md|markdown|ya?ml)$/i;
/** A `type: roadmap` or `type: project` line near the top (front matter, or a YAML plan's key). */
const TYPE_LINE = /^type[ \t]*:[ \t]*["']?(?:roadmap|project)\b/im;
const SNIFF_CHARS = 4096;

/** Whether a document is (or may well be) a plan file: its name, or a `type:` line near its top. */
export function looksLikePlan(doc: Pick<vscode.TextDocument, 'uri' | 'getText'>): boolean {
  const path = doc.uri.path;
  if (PLAN_NAME.test(path)) return true;
  if (!CANDIDATE.test(path)) return false;
  return TYPE_LINE.test(doc.getText().slice(0, SNIFF_CHARS));
}
