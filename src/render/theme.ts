/**
 * Colours of the timeline. Surfaces (background, text, grid) follow VS Code's theme variables in
 * the webview; the marks use one palette per theme kind (light, dark, high contrast), built on
 * Okabe and Ito's colour-blind-safe set and checked under deuteranopia and protanopia
 * simulations (test/unit/timeline-palette.test.ts). Kinds differ in shape as well as colour.
 */
export type ThemeKind = 'light' | 'dark' | 'hc';

/** name → [VS Code variable or '' for our own colour, light, dark, high contrast]. */
export const PALETTE_VARS = {
  '--rm-bg': ['--vscode-editor-background', '#ffffff', '#1e1e1e', '#000000'],
  '--rm-fg': ['--vscode-foreground', '#1f2328', '#d4d4d4', '#ffffff'],
  '--rm-muted': ['--vscode-descriptionForeground', '#59636e', '#a0a0a0', '#ffffff'],
  '--rm-grid': ['--vscode-editorIndentGuide-background1', '#e5e7eb', '#333842', '#5a5a5a'],
  '--rm-stripe': ['--vscode-editor-lineHighlightBackground', '#f6f8fa', '#252526', '#000000'],
  '--rm-lane': ['', '#eaeef3', '#2d3139', '#000000'],
  '--rm-border': ['--vscode-panel-border', '#d0d7de', '#3c3c3c', '#6fc3df'],
  '--rm-project': ['', '#0072b2', '#3d9fe0', '#4fc1ff'],
  '--rm-milestone': ['', '#cc79a7', '#e08bbf', '#ff80c0'],
  '--rm-task': ['', '#4d5963', '#5c6670', '#7a8590'],
  '--rm-progress': ['', '#009e73', '#3fbf8f', '#3ff0b0'],
  '--rm-overdue': ['', '#d55e00', '#ff7a3d', '#ff6a2b'],
  '--rm-risk': ['', '#e69f00', '#f5c542', '#ffd000'],
  '--rm-critical': ['', '#1f2328', '#f2f2f2', '#ffffff'],
  '--rm-outline': ['', 'none', 'none', '#ffffff'],
  '--rm-on-project': ['', '#ffffff', '#000000', '#000000'],
  '--rm-on-milestone': ['', '#000000', '#000000', '#000000'],
  '--rm-today': ['', '#e5534b', '#f85149', '#ff4040'],
  '--rm-selected': ['--vscode-list-activeSelectionBackground', '#dbeafe', '#04395e', '#0f4a85'],
  '--rm-focus': ['--vscode-focusBorder', '#0969da', '#007fd4', '#f38518'],
} as const;

export type PaletteVar = keyof typeof PALETTE_VARS;

const THEME_INDEX: Record<ThemeKind, 1 | 2 | 3> = { light: 1, dark: 2, hc: 3 };

/** The concrete colour of a palette entry in a theme kind. */
export function paletteColour(name: PaletteVar, theme: ThemeKind): string {
  return PALETTE_VARS[name][THEME_INDEX[theme]];
}

/** The rules the SVG needs, written against the palette variables. */
export const TIMELINE_SVG_CSS = `
.timeline-svg,.legend-svg{font:12px var(--rm-font,system-ui,-apple-system,"Segoe UI",sans-serif);background:var(--rm-bg);color:var(--rm-fg)}
.timeline-svg text,.legend-svg text{fill:var(--rm-fg)}
.stripe.odd{fill:var(--rm-stripe)}.stripe.even{fill:var(--rm-bg)}.stripe.lane{fill:var(--rm-lane)}.stripe.selected{fill:var(--rm-selected)}
.grid{stroke:var(--rm-grid);stroke-width:1}.grid.major{stroke:var(--rm-border)}
.axis-bg,.corner,.label-bg,.label-col{fill:var(--rm-bg)}.axis-bg{stroke:var(--rm-border)}.label-edge{stroke:var(--rm-border)}
.lane-label .label-bg{fill:var(--rm-lane)}
.tick{fill:var(--rm-muted)!important;font-size:11px}.tick.major{fill:var(--rm-fg)!important;font-weight:600}
.corner-title{font-weight:600}
.label text{font-size:12px}.kind-goal.label text,.kind-roadmap.label text,.kind-group.label text{font-weight:700}
.kind-initiative.label text{font-weight:600}.selected .label-bg{fill:var(--rm-selected)}
.toggle{fill:var(--rm-muted)!important;cursor:pointer}
.mark-label{font-size:11px}
.mark-label.inside{fill:var(--rm-on-project)}
.mark-label.inside.kind-milestone,.mark-label.inside.kind-task,.mark-label.inside.at-risk{fill:var(--rm-on-milestone)}
.mark-label.inside.kind-initiative,.mark-label.inside.kind-goal,.mark-label.inside.status-done,.mark-label.inside.status-dropped{fill:var(--rm-fg)}
.kind-goal .mark-label,.kind-initiative .mark-label{font-weight:600}
.bar{fill:var(--rm-project);stroke:var(--rm-outline)}
.kind-milestone .bar{fill:var(--rm-milestone)}.kind-task .bar{fill:var(--rm-task)}
.bar.period{fill-opacity:.55;stroke:var(--rm-fg);stroke-dasharray:3 2}
.diamond{fill:var(--rm-milestone);stroke:var(--rm-bg);stroke-width:1}
.span{stroke:var(--rm-muted);stroke-width:2;fill:none}
.goal-ring{fill:var(--rm-bg);stroke:var(--rm-fg);stroke-width:2.5}.goal-dot{fill:var(--rm-fg)}
.progress-track{fill:var(--rm-grid)}.progress-done{fill:var(--rm-progress)}
.status-done .bar,.status-done .diamond,.status-done .goal-ring{opacity:.45}
.status-dropped .bar,.status-dropped .diamond{fill:var(--rm-muted);opacity:.3}
.at-risk .bar,.at-risk .diamond{fill:var(--rm-risk)}
.overdue .bar,.overdue .diamond{fill:var(--rm-overdue)}
.critical .bar,.critical .diamond,.bar.critical,.diamond.critical{stroke:var(--rm-critical);stroke-width:2}
.flag.overdue{fill:var(--rm-overdue)!important}.flag.at-risk{fill:var(--rm-risk)!important}
.handle{fill:transparent;cursor:ew-resize}
.target{stroke:var(--rm-fg);stroke-width:1.5;fill:none}.target-flag{fill:var(--rm-fg)}
.ghost{fill:none;stroke:var(--rm-muted);stroke-width:1.2;stroke-dasharray:3 2}
.added-mark{fill:var(--rm-progress)}.added-plus{stroke:var(--rm-bg);stroke-width:1.6}
.arrow{stroke:var(--rm-muted);stroke-width:1.2;fill:none;opacity:.9}.arrow.critical{stroke:var(--rm-critical);stroke-width:1.5;opacity:1}
.arrow.ss,.arrow.ff{stroke-dasharray:4 2}.arrow-halo{stroke:var(--rm-bg);stroke-width:5;fill:none}
.arrowhead{fill:var(--rm-muted)}.arrowhead.critical{fill:var(--rm-critical)}
.edge{fill:var(--rm-muted);cursor:pointer}
.today{stroke:var(--rm-today);stroke-width:2}.today-pill{fill:var(--rm-today)}.today-label{fill:var(--rm-bg)!important;font-size:10px;font-weight:700}
.legend-bg{fill:var(--rm-bg);stroke:var(--rm-border)}.legend text{font-size:11px}.legend-title{font-weight:600}
`;

/** The palette with concrete colours: from the page's computed variables, else our own. */
export function resolvedPalette(theme: ThemeKind | boolean, read?: (cssVar: string) => string): string {
  const kind: ThemeKind = theme === true ? 'dark' : theme === false ? 'light' : theme;
  return (Object.keys(PALETTE_VARS) as PaletteVar[]).map((name) => {
    const vscodeVar = PALETTE_VARS[name][0];
    const value = (vscodeVar && read?.(vscodeVar).trim()) || paletteColour(name, kind);
    return `${name}:${value}`;
  }).join(';');
}

/** CSS for an exported SVG: the rules, with the palette set on the root element. */
export function exportCss(theme: ThemeKind | boolean, read?: (cssVar: string) => string): string {
  return `.timeline-svg{${resolvedPalette(theme, read)}}${TIMELINE_SVG_CSS}`;
}
