/** The Roadmap view: roadmap → goal → initiative → project → milestone → task. */
import * as vscode from 'vscode';
import { buildRoadmapOutline, type OutlineEntry } from '../../core/outline/roadmap';
import { ElementTreeProvider } from './element-tree';
import { itemElement, nodeKey, type GroupElement, type ItemElement, type TreeElement } from './elements';
import { type ItemFilter, matchesFilter } from './flags';

export class RoadmapTreeProvider extends ElementTreeProvider {
  private readonly firstPlace = new Map<string, ItemElement>();
  filter: ItemFilter = {};

  setFilter(filter: ItemFilter): void {
    this.filter = filter;
    this.rebuild();
  }

  /** The first place an item appears in the tree. */
  elementOf(path: string, index: number): ItemElement | undefined {
    return this.firstPlace.get(`${path}#${index}`);
  }

  protected rebuild(): void {
    this.firstPlace.clear();
    if (!this.snapshot) return;
    const outline = buildRoadmapOutline(this.snapshot.ws);
    const keep = (entry: OutlineEntry): boolean => matchesFilter(entry.node, this.filter) || entry.children.some(keep);
    const toElement = (entry: OutlineEntry, parent: TreeElement | undefined): ItemElement => {
      const el = itemElement(entry.node, parent);
      if (!this.firstPlace.has(nodeKey(entry.node))) this.firstPlace.set(nodeKey(entry.node), el);
      el.children = entry.children.filter(keep).map((c) => toElement(c, el));
      return el;
    };
    const roots: TreeElement[] = outline.roadmaps.filter(keep).map((e) => toElement(e, undefined));
    const strays = outline.notOnRoadmap.filter(keep);
    if (strays.length) {
      const group: GroupElement = {
        type: 'group', id: 'not-on-roadmap', label: vscode.l10n.t('Not on the roadmap'), description: `${strays.length}`, icon: 'warning', iconColor: 'list.warningForeground',
        tooltip: vscode.l10n.t('Projects that deliver no initiative on the roadmap, neither themselves nor through a milestone'), expanded: true, children: [],
      };
      group.children = strays.map((e) => toElement(e, group));
      roots.push(group);
    }
    this.roots = roots;
    this.changed.fire(undefined);
  }
}
