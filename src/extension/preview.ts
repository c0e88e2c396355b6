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
import type { ResolveLink } from '../core/preview/chips';
import { roadmarkMarkdownIt, type MarkdownItLike } from '../core/preview/markdown-it';
import { relativeHref } from '../core/preview/href';
import type { IndexService } from './index-service';

export function extendMarkdownIt<T extends MarkdownItLike>(md: T, index: () => IndexService | undefined): T {
  return roadmarkMarkdownIt(md, {
    pathOf: (env) => {
      const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
      if (!(uri instanceof vscode.Uri)) return undefined;
      return index()?.pathOf(uri) ?? uri.path;
    },
    isIncluded: (path) => !!index()?.plans.get(path),
    today: () => index()?.snapshot?.today ?? localDay(new Date()),
    resolve: (path, file) => resolver(index(), path, file),
  });
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
