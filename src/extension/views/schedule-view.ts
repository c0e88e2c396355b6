/** The Schedule view: Overdue · Due in the next N days · Later · No date, each by deadline. */
import * as vscode from 'vscode';
import { relativeDays } from '../../core/dates';
import { scheduleBuckets, type BucketId, type ScheduleBucket } from '../../core/outline/schedule';
import { deadlineOf } from '../../core/model/queries';
import type { IndexSnapshot } from '../index-service';
import { ElementTreeProvider } from './element-tree';
import { itemElement, type GroupElement, type ItemElement } from './elements';

const BUCKET_LOOK: Record<BucketId, { icon: string; expanded: boolean }> = {
  overdue: { icon: 'error', expanded: true },
  soon: { icon: 'calendar', expanded: true },
  later: { icon: 'history', expanded: false },
  undated: { icon: 'question', expanded: false },
};

export class ScheduleTreeProvider extends ElementTreeProvider {
  buckets: ScheduleBucket[] = [];

  count(id: BucketId): number {
    return this.buckets.find((b) => b.id === id)?.entries.length ?? 0;
  }

  protected rebuild(): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    this.buckets = scheduleBuckets(snapshot.ws, snapshot.today, snapshot.riskWindowDays);
    this.roots = this.buckets.filter((b) => b.entries.length).map((b) => {
      const group: GroupElement = { type: 'group', id: `bucket:${b.id}`, label: bucketLabel(b.id, snapshot.riskWindowDays), description: `${b.entries.length}`, ...BUCKET_LOOK[b.id], children: [] };
      group.children = b.entries.map((e) => itemElement(e.node, group));
      return group;
    });
    this.changed.fire(undefined);
  }

  protected override describe(element: ItemElement, snapshot: IndexSnapshot): string {
    return scheduleDescription(element, snapshot);
  }
}

function bucketLabel(id: BucketId, windowDays: number): string {
  return { overdue: vscode.l10n.t('Overdue'), soon: vscode.l10n.t('Due in the next {0} days', windowDays), later: vscode.l10n.t('Later'), undated: vscode.l10n.t('No date') }[id];
}

function scheduleDescription(element: ItemElement, snapshot: IndexSnapshot): string {
  const { node } = element;
  const deadline = deadlineOf(node.item);
  const where = node.project && node.project !== node ? node.project.item.title : undefined;
  return [deadline ? `${deadline.text} (${relativeDays(deadline.last, snapshot.today)})` : undefined, where, node.item.owners.length ? node.item.owners.map((o) => `@${o}`).join(' ') : undefined]
    .filter(Boolean).join(' · ');
}
