/** A snapshot's drift against its baseline, computed once per snapshot and only when asked for. */
import { driftBetween, type DriftChange, type DriftReport } from '../../core/drift/index';
import type { IndexSnapshot } from '../index-service';

export interface SnapshotDrift {
  report: DriftReport;
  /** Changes by the item's id now. */
  byId: Map<string, DriftChange[]>;
}

const memo = new WeakMap<IndexSnapshot, SnapshotDrift>();

export function driftOf(snapshot: IndexSnapshot): SnapshotDrift | undefined {
  if (!snapshot.baseline) return undefined;
  let drift = memo.get(snapshot);
  if (!drift) {
    const report = driftBetween(snapshot.baseline.ws, snapshot.ws);
    const byId = new Map<string, DriftChange[]>();
    for (const c of report.changes) {
      if (c.change === 'removed') continue;
      const list = byId.get(c.id);
      if (list) list.push(c);
      else byId.set(c.id, [c]);
    }
    drift = { report, byId };
    memo.set(snapshot, drift);
  }
  return drift;
}
