/** The Roadmap view: roadmap → goal → initiative → project → milestone → task. */
import * as vscode from 'vscode';
import { buildRoadmapOutline, type OutlineEntry } from '../../core/outline/roadmap';
import type { PlanNode } from '../../core/model/workspace';
import type { IndexSnapshot } from '../index-service';
import { itemElement, nodeKey, type GroupElement, type ItemElement, type TreeElement } from './elements';
import { itemDescription, itemIcon, itemTooltip, type Flags } from './presentation';
import { flagsOf, type ItemFilter, matchesFilter } from './flags';

export class RoadmapTreeProvider implements vscode.TreeDataProvider<TreeElement> {
  private readonly changed = new vscode.EventEmitter<TreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeElement[] = [];
  private readonly firstPlace = new Map<string, ItemElement>();
  private snapshot: IndexSnapshot | undefined;
  private flags = new Map<string, Flags>();
  filter: ItemFilter = {};

  update(snapshot: IndexSnapshot): void {
    this.snapshot = snapshot;
    this.flags = flagsOf(snapshot);
    this.rebuild();
  }

  setFilter(filter: ItemFilter): void {
    this.filter = filter;
    this.rebuild();
  }

  /** Number of open items past their deadline, for the view's badge. */
  overdueCount(): number {
    return [...this.flags.values()].filter((f) => f.overdue).length;
  }

  /** The first place an item appears in the tree. */
  elementOf(path: string, index: number): ItemElement | undefined {
    return this.firstPlace.get(`${path}#${index}`);
  }

  getChildren(element?: TreeElement): TreeElement[] {
    return element ? element.children : this.roots;
  }

  getParent(element: TreeElement): TreeElement | undefined {
    return element.parent;
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    if (element.type === 'group') {
      const item = new vscode.TreeItem(element.label, element.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = element.id;
      item.description = element.description;
      item.iconPath = new vscode.ThemeIcon(element.icon, new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = 'group';
      item.tooltip = 'Projects that deliver no initiative on the roadmap, neither themselves nor through a milestone';
      return item;
    }
    return renderItem(element, this.snapshot!, this.flags.get(nodeKey(element.node)) ?? { overdue: false, atRisk: false });
  }

  private rebuild(): void {
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
      const group: GroupElement = { type: 'group', id: 'not-on-roadmap', label: 'Not on the roadmap', description: `${strays.length}`, icon: 'warning', expanded: true, children: [] };
      group.children = strays.map((e) => toElement(e, group));
      roots.push(group);
    }
    this.roots = roots;
    this.changed.fire(undefined);
  }
}

export function renderItem(element: ItemElement, snapshot: IndexSnapshot, flags: Flags, description?: string): vscode.TreeItem {
  const node: PlanNode = element.node;
  const collapsed = element.children.length === 0 ? vscode.TreeItemCollapsibleState.None
    : ['roadmap', 'goal', 'initiative'].includes(node.item.kind) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.item.title, collapsed);
  item.id = element.id;
  item.description = description ?? itemDescription(node, snapshot.today);
  item.iconPath = itemIcon(node, flags);
  item.tooltip = itemTooltip(node, snapshot.today, flags);
  const open = node.item.status !== 'done' && node.item.status !== 'dropped';
  item.contextValue = `item ${node.item.kind} ${open ? 'open' : 'closed'}`;
  item.command = { command: 'roadmark.openItem', title: 'Open', arguments: [element.path, element.index] };
  item.accessibilityInformation = { label: `${node.item.kind} ${node.item.title}, ${node.item.status}${flags.overdue ? ', overdue' : flags.atRisk ? ', at risk' : ''}` };
  return item;
}
