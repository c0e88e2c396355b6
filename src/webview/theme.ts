/**
 * Colours of the timeline. In VS Code they come from the theme's CSS variables (light, dark and
 * high contrast alike); the standalone page and exported images get concrete values.
 */
export const PALETTE_VARS = {
  '--rm-bg': ['--vscode-editor-background', '#ffffff', '#1e1e1e'],
  '--rm-fg': ['--vscode-foreground', '#1f2328', '#d4d4d4'],
  '--rm-muted': ['--vscode-descriptionForeground', '#656d76', '#9d9d9d'],
  '--rm-grid': ['--vscode-editorIndentGuide-background1', '#e5e7eb', '#333842'],
  '--rm-stripe': ['--vscode-editor-lineHighlightBackground', '#f6f8fa', '#252526'],
  '--rm-border': ['--vscode-panel-border', '#d0d7de', '#3c3c3c'],
  '--rm-bar': ['--vscode-charts-blue', '#3b82f6', '#4fa3f7'],
  '--rm-project': ['--vscode-charts-purple', '#8250df', '#b180f0'],
  '--rm-progress': ['--vscode-charts-green', '#1a7f37', '#5fbf6a'],
  '--rm-overdue': ['--vscode-errorForeground', '#cf222e', '#f48771'],
  '--rm-risk': ['--vscode-editorWarning-foreground', '#bf8700', '#cca700'],
  '--rm-critical': ['--vscode-charts-orange', '#d1600f', '#f0883e'],
  '--rm-today': ['--vscode-charts-red', '#e5534b', '#f85149'],
  '--rm-selected': ['--vscode-list-activeSelectionBackground', '#dbeafe', '#04395e'],
  '--rm-focus': ['--vscode-focusBorder', '#0969da', '#007fd4'],
} as const;

export type PaletteVar = keyof typeof PALETTE_VARS;

/** The rules the SVG needs, written against the palette variables. */
export const TIMELINE_SVG_CSS = `
.timeline-svg{font:12px var(--rm-font,system-ui,-apple-system,"Segoe UI",sans-serif);background:var(--rm-bg);color:var(--rm-fg)}
.timeline-svg text{fill:var(--rm-fg)}
.stripe.odd{fill:var(--rm-stripe)}.stripe.even{fill:var(--rm-bg)}.stripe.selected{fill:var(--rm-selected)}
.grid{stroke:var(--rm-grid);stroke-width:1}.grid.major{stroke:var(--rm-border)}
.axis-bg,.corner,.label-bg{fill:var(--rm-bg)}.axis-bg{stroke:var(--rm-border)}
.tick{fill:var(--rm-muted)!important;font-size:11px}.tick.major{fill:var(--rm-fg)!important;font-weight:600}
.corner-title{font-weight:600}
.label text{font-size:12px}.kind-goal.label text,.kind-roadmap.label text,.kind-group.label text{font-weight:600}
.kind-initiative.label text{font-weight:500}.selected .label-bg{fill:var(--rm-selected)}
.bar{fill:var(--rm-bar);opacity:.85}.kind-project .bar,.kind-initiative .bar,.kind-goal .bar{fill:var(--rm-project)}
.bar.period{fill-opacity:.45;stroke:var(--rm-bar);stroke-dasharray:3 2}
.progress{fill:var(--rm-progress);opacity:.9}
.diamond{fill:var(--rm-bar);stroke:var(--rm-bg);stroke-width:1}
.status-done .bar,.status-done .diamond{fill:var(--rm-progress);opacity:.55}
.status-dropped .bar,.status-dropped .diamond{fill:var(--rm-muted);opacity:.35}
.at-risk .bar,.at-risk .diamond{fill:var(--rm-risk)}
.overdue .bar,.overdue .diamond{fill:var(--rm-overdue)}
.critical .bar,.critical .diamond{stroke:var(--rm-critical);stroke-width:2}
.flag.overdue{fill:var(--rm-overdue)}.flag.at-risk{fill:var(--rm-risk)}
.handle{fill:transparent;cursor:ew-resize}
.target{stroke:var(--rm-overdue);stroke-width:2;fill:none}
.arrow{stroke:var(--rm-muted);stroke-width:1.2;fill:none;opacity:.8}.arrow.critical{stroke:var(--rm-critical);stroke-width:1.8;opacity:1}
.arrowhead{fill:var(--rm-muted)}
.today{stroke:var(--rm-today);stroke-width:2}.today-pill{fill:var(--rm-today)}.today-label{fill:var(--rm-bg)!important;font-size:10px;font-weight:700}
`;

/** The palette with concrete colours: from the page's computed variables, else the defaults. */
export function resolvedPalette(dark: boolean, read?: (cssVar: string) => string): string {
  return Object.entries(PALETTE_VARS).map(([name, [vscodeVar, light, darkValue]]) => {
    const value = read?.(vscodeVar).trim() || (dark ? darkValue : light);
    return `${name}:${value}`;
  }).join(';');
}

/** CSS for an exported SVG: the rules, with the palette set on the root element. */
export function exportCss(dark: boolean, read?: (cssVar: string) => string): string {
  return `.timeline-svg{${resolvedPalette(dark, read)}}${TIMELINE_SVG_CSS}`;
}
