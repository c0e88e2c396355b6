/** The timeline's data as the renderer receives it (defined next to the core code that builds it). */
export type { RowShape, TimelineView, ViewArrow, ViewBaseline, ViewChange, ViewRow } from '../core/outline/timeline-view';
