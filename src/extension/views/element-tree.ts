/** What the Roadmap and Schedule views share: elements, flags from the check, rendering. */
import * as vscode from 'vscode';
import { NO_FLAGS, riskFlags, type Flags } from '../../core/outline/flags';
import type { PlanNode } from '../../core/model/workspace';
import type { IndexSnapshot } from '../index-service';
import type { GroupElement, ItemElement, TreeElement } from './elements';
import { itemDescription, itemIcon, itemTooltip } from './presentation';
import { driftOf } from '../drift/drift-of';
import { driftBadge } from '../drift/tree-decorations';

export abstract class ElementTreeProvider implements vscode.TreeDataProvider<TreeElement> {
  protected readonly changed = new vscode.EventEmitter<TreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  protected roots: TreeElement[] = [];
  protected snapshot: IndexSnapshot | undefined;
  private flags = new Map<PlanNode, Flags>();

  update(snapshot: IndexSnapshot): void {
    this.snapshot = snapshot;
    this.flags = riskFlags(snapshot.ws, snapshot.diagnostics);
    this.rebuild();
  }

  /** Recomputes `roots` from the snapshot and fires the change. */
  protected abstract rebuild(): void;

  /** The item's description in this view (default: deadline, progress, status, owner). */
  protected describe(element: ItemElement, snapshot: IndexSnapshot): string {
    return itemDescription(element.node, snapshot.today);
  }

  getChildren(element?: TreeElement): TreeElement[] {
    return element ? element.children : this.roots;
  }

  getParent(element: TreeElement): TreeElement | undefined {
    return element.parent;
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    return element.type === 'group' ? renderGroup(element) : renderItem(element, this.snapshot!, this.flags.get(element.node) ?? NO_FLAGS, this.describe(element, this.snapshot!));
  }

  /** The tooltip on hover only: a refresh renders every child of every expanded node, few are hovered. */
  resolveTreeItem(item: vscode.TreeItem, element: TreeElement): vscode.TreeItem {
    if (element.type === 'item' && this.snapshot) item.tooltip = itemTooltip(element.node, this.snapshot.today, this.flags.get(element.node) ?? NO_FLAGS);
    return item;
  }
}

function renderGroup(element: GroupElement): vscode.TreeItem {
  const item = new vscode.TreeItem(element.label, element.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = element.id;
  item.description = element.description;
  item.iconPath = new vscode.ThemeIcon(element.icon, element.iconColor ? new vscode.ThemeColor(element.iconColor) : undefined);
  item.contextValue = 'group';
  item.tooltip = element.tooltip;
  return item;
}

function renderItem(element: ItemElement, snapshot: IndexSnapshot, flags: Flags, description: string): vscode.TreeItem {
  const node: PlanNode = element.node;
  const collapsed = element.children.length === 0 ? vscode.TreeItemCollapsibleState.None
    : ['roadmap', 'goal', 'initiative'].includes(node.item.kind) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.item.title, collapsed);
  item.id = element.id;
  item.description = description;
  item.iconPath = itemIcon(node, flags);
  const open = node.item.status !== 'done' && node.item.status !== 'dropped';
  item.contextValue = `item ${node.item.kind} ${open ? 'open' : 'closed'}`;
  item.command = { command: 'roadmark.openItem', title: vscode.l10n.t('Open'), arguments: [element.path, element.index] };
  const drift = snapshot.baseline && driftBadge(driftOf(snapshot)?.byId.get(node.item.id), snapshot.baseline.info.ref);
  if (drift) item.resourceUri = drift.resourceUri;
  const driftNote = drift ? `, ${drift.short}` : '';
  const label = flags.overdue ? vscode.l10n.t('{0} {1}, {2}, overdue', node.item.kind, node.item.title, node.item.status)
    : flags.atRisk ? vscode.l10n.t('{0} {1}, {2}, at risk', node.item.kind, node.item.title, node.item.status)
      : vscode.l10n.t('{0} {1}, {2}', node.item.kind, node.item.title, node.item.status);
  item.accessibilityInformation = { label: `${label}${driftNote}` };
  return item;
}
