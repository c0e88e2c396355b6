/**
 * The Markdown preview plugin (`markdown.markdownItPlugins`): core/preview over VS Code's
 * markdown-it, with the index for what a file alone cannot say (today as configured, links to
 * items in other files, files that are plans by an `include` glob). Works dormant too: then a
 * plan file is recognised by its name or `type:` and links resolve within it.
 */
import * as vscode from 'vscode';
import { localDay } from '../core/dates';
import { LINK_TARGETS } from '../core/model/workspace';
import type { ParsedFile } from '../core/model/types';
import { relativeHref, roadmarkMarkdownIt, type MarkdownItLike, type ResolveLink } from '../core/preview/index';
import type { IndexService } from './index-service';

export function extendMarkdownIt<T extends MarkdownItLike>(md: T, index: () => IndexService | undefined): T {
  return roadmarkMarkdownIt(md, {
    pathOf: (env, src) => {
      const uri = documentUri(env) ?? documentWithText(src);
      return uri && (index()?.pathOf(uri) ?? uri.path);
    },
    isIncluded: (path) => !!index()?.plans.get(path),
    today: () => index()?.snapshot?.today ?? localDay(new Date()),
    resolve: (path, file) => resolver(index(), path, file),
  });
}

/** The previewed document (`env.currentDocument`); a URI-shaped object from another copy of the API is rebuilt. */
function documentUri(env: unknown): vscode.Uri | undefined {
  const doc = (env as { currentDocument?: Partial<Record<'scheme' | 'authority' | 'path' | 'query', unknown>> } | undefined)?.currentDocument;
  if (!doc || typeof doc.path !== 'string' || typeof doc.scheme !== 'string') return undefined;
  if (doc instanceof vscode.Uri) return doc;
  return vscode.Uri.from({ scheme: doc.scheme, authority: typeof doc.authority === 'string' ? doc.authority : '', path: doc.path, query: typeof doc.query === 'string' ? doc.query : '' });
}

/**
 * The open Markdown document whose text markdown-it is reading (its `src`: line ends made `\n`,
 * NUL replaced). VS Code parses a document's text with no document in `env`; a string rendered
 * through `markdown.api.render` matches none and is read on its own.
 */
function documentWithText(src: string): vscode.Uri | undefined {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isClosed || doc.languageId !== 'markdown') continue;
    const text = doc.getText();
    if (text.length < src.length || text.length > src.length + doc.lineCount) continue;
    if (text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') === src) return doc.uri;
  }
  return undefined;
}

/** Links through the workspace index: the item a link reaches, wherever it is defined. */
function resolver(index: IndexService | undefined, path: string, file: ParsedFile): ResolveLink {
  const ws = index?.snapshot?.ws;
  const from = ws?.nodeOf(path, 0);
  return (link, field) => {
    const target = ws && from ? ws.resolveLink(from, link, LINK_TARGETS[field]) : undefined;
    if (target) return { href: relativeHref(path, target.file.path, target.item.id), title: `${target.item.kind} '${target.item.title || target.item.id}'` };
    const local = file.items.find((i) => i.id === link.id && (i.kind !== 'task' || i.idExplicit));
    return local ? { href: `#${link.id}`, title: `${local.kind} '${local.title || local.id}'` } : undefined;
  };
}
