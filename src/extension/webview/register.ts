/** The Open Timeline command and the serializer that brings the panel back after a reload. */
import * as vscode from 'vscode';
import type { IndexService } from '../index-service';
import type { ItemElement } from '../views/elements';
import { TIMELINE_VIEW_TYPE, TimelinePanel } from './timeline-panel';

export function registerTimeline(context: vscode.ExtensionContext, index: IndexService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('roadmark.openTimeline', (arg?: ItemElement | { path: string; index: number }) => {
      const rowId = arg && typeof arg.path === 'string' && typeof arg.index === 'number' ? `${arg.path}#${arg.index}` : undefined;
      return TimelinePanel.show(context, index, rowId);
    }),
    vscode.commands.registerCommand('roadmark.timeline.exportSvg', () => TimelinePanel.instance?.requestExport('svg')),
    vscode.commands.registerCommand('roadmark.timeline.exportPng', () => TimelinePanel.instance?.requestExport('png')),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        TimelinePanel.restore(panel, context, index);
      },
    }),
    { dispose: () => TimelinePanel.instance?.dispose() },
  );
}
