/** The Schedule view: Overdue · Due in the next N days · Later · No date, each by deadline. */
import * as vscode from 'vscode';
import { relativeDays } from '../../core/dates';
import { scheduleBuckets, type BucketId, type ScheduleBucket } from '../../core/outline/schedule';
import { deadlineOf } from '../../core/rules/rule';
import type { IndexSnapshot } from '../index-service';
import { itemElement, nodeKey, type GroupElement, type ItemElement, type TreeElement } from './elements';
import { flagsOf } from './flags';
import type { Flags } from './presentation';
import { renderItem } from './roadmap-view';

const BUCKET_LOOK: Record<BucketId, { icon: string; expanded: boolean }> = {
  overdue: { icon: 'error', expanded: true },
  soon: { icon: 'calendar', expanded: true },
  later: { icon: 'history', expanded: false },
  undated: { icon: 'question', expanded: false },
};

export class ScheduleTreeProvider implements vscode.TreeDataProvider<TreeElement> {
  private readonly changed = new vscode.EventEmitter<TreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: GroupElement[] = [];
  private snapshot: IndexSnapshot | undefined;
  private flags = new Map<string, Flags>();
  buckets: ScheduleBucket[] = [];

  update(snapshot: IndexSnapshot): void {
    this.snapshot = snapshot;
    this.flags = flagsOf(snapshot);
    this.buckets = scheduleBuckets(snapshot.ws, snapshot.today, snapshot.riskWindowDays);
    this.roots = this.buckets.filter((b) => b.entries.length).map((b) => {
      const group: GroupElement = { type: 'group', id: `bucket:${b.id}`, label: bucketLabel(b.id, snapshot.riskWindowDays), description: `${b.entries.length}`, ...BUCKET_LOOK[b.id], children: [] };
      group.children = b.entries.map((e) => itemElement(e.node, group));
      return group;
    });
    this.changed.fire(undefined);
  }

  count(id: BucketId): number {
    return this.buckets.find((b) => b.id === id)?.entries.length ?? 0;
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
      item.iconPath = new vscode.ThemeIcon(element.icon);
      item.contextValue = 'group';
      return item;
    }
    const el: ItemElement = { ...element, children: [] };
    return renderItem(el, this.snapshot!, this.flags.get(nodeKey(element.node)) ?? { overdue: false, atRisk: false }, scheduleDescription(element, this.snapshot!));
  }
}

function bucketLabel(id: BucketId, windowDays: number): string {
  return { overdue: 'Overdue', soon: `Due in the next ${windowDays} days`, later: 'Later', undated: 'No date' }[id];
}

function scheduleDescription(element: ItemElement, snapshot: IndexSnapshot): string {
  const { node } = element;
  const deadline = deadlineOf(node.item);
  const where = node.project && node.project !== node ? node.project.item.title : undefined;
  return [deadline ? `${deadline.text} (${relativeDays(deadline.last, snapshot.today)})` : undefined, where, node.item.owner ? `@${node.item.owner}` : undefined]
    .filter(Boolean).join(' · ');
}
