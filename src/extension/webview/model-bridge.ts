/** The timeline model for the latest check. */
import { buildTimelineView } from '../../core/outline/timeline';
import type { TimelineView } from '../../protocol/timeline';
import type { IndexSnapshot } from '../index-service';

export type TimelineModelLike = TimelineView;

export function buildTimelineForSnapshot(snapshot: IndexSnapshot, includeTasks = false): TimelineView {
  return buildTimelineView(snapshot.ws, { today: snapshot.today, diagnostics: snapshot.diagnostics, includeTasks });
}
