/** The page's stylesheet, injected with the page's CSP nonce (no inline styles otherwise), print rules included. */
import { PALETTE_VARS, TIMELINE_SVG_CSS, type PaletteVar, type ThemeKind, paletteColour } from '../render/theme';

const NAMES = Object.keys(PALETTE_VARS) as PaletteVar[];

/** In VS Code: surfaces from the theme's variables, marks from our palette for the theme's kind. */
function paletteFromTheme(theme: ThemeKind): string {
  return NAMES.map((name) => {
    const vscodeVar = PALETTE_VARS[name][0];
    return `${name}:${vscodeVar ? `var(${vscodeVar},${paletteColour(name, theme)})` : paletteColour(name, theme)}`;
  }).join(';');
}

function paletteFixed(theme: ThemeKind): string {
  return NAMES.map((name) => `${name}:${paletteColour(name, theme)}`).join(';');
}

const LAYOUT_CSS = `
*{box-sizing:border-box}
html,body{margin:0;padding:0;height:100%;background:var(--rm-bg);color:var(--rm-fg);font:13px var(--vscode-font-family,system-ui,-apple-system,"Segoe UI",sans-serif)}
#app{display:flex;flex-direction:column;height:100vh}
.toolbar{display:flex;flex-wrap:nowrap;gap:6px;align-items:center;padding:6px 8px;border-bottom:1px solid var(--rm-border);white-space:nowrap;position:relative;min-height:38px}
.toolbar .group{display:flex;gap:2px;flex:none}
.toolbar>*{flex:none}
.toolbar button,.toolbar select,.toolbar input{font:inherit;color:var(--vscode-input-foreground,var(--rm-fg));background:var(--vscode-input-background,var(--rm-bg));border:1px solid var(--vscode-input-border,var(--rm-border));border-radius:3px;padding:3px 8px}
.toolbar select{max-width:180px}.toolbar input[type=search]{width:150px;min-width:80px;flex:0 1 150px}
.toolbar button{cursor:pointer;background:var(--vscode-button-secondaryBackground,var(--rm-stripe));color:var(--vscode-button-secondaryForeground,var(--rm-fg))}
.toolbar button[aria-pressed="true"]{background:var(--vscode-button-background,var(--rm-focus));color:var(--vscode-button-foreground,#fff)}
.toolbar button[hidden]{display:none}
.toolbar button:focus-visible,.toolbar select:focus-visible,.toolbar input:focus-visible,.scroller:focus-visible{outline:1px solid var(--rm-focus);outline-offset:1px}
.toolbar .count{color:var(--rm-muted);margin-left:auto}
.more{margin-left:auto}.more[hidden]{display:none}
.toolbar-menu{position:absolute;right:8px;top:36px;z-index:20;display:flex;flex-direction:column;align-items:stretch;gap:6px;padding:8px;background:var(--vscode-menu-background,var(--rm-bg));border:1px solid var(--rm-border);border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.2)}
.toolbar-menu[hidden]{display:none}.toolbar-menu .count{margin:0}
.moved{padding:4px 8px;border-bottom:1px solid var(--rm-border);max-height:30vh;overflow:auto}
.moved[hidden]{display:none}.moved summary{cursor:pointer;font-weight:600}
.moved ul{margin:4px 0;padding-left:18px}.moved button{font:inherit;color:var(--vscode-textLink-foreground,var(--rm-focus));background:none;border:0;padding:1px 0;cursor:pointer;text-align:left}
.scroller{flex:1;overflow:auto;position:relative;outline:none}
.canvas{position:relative}
.stage{position:sticky;left:0;top:0;overflow:hidden;contain:strict}
.stage svg{display:block}
.legend-strip.no-edges [data-legend="edge"]{display:none}
.legend-strip{border-top:1px solid var(--rm-border);flex:none}.legend-strip[hidden]{display:none}.legend-strip svg{display:block}
.row,.bar,.diamond,.label{cursor:pointer}
.scroller.panning{cursor:grabbing}
.tooltip{position:fixed;pointer-events:none;z-index:10;max-width:420px;padding:4px 8px;border-radius:3px;background:var(--vscode-editorHoverWidget-background,var(--rm-bg));color:var(--vscode-editorHoverWidget-foreground,var(--rm-fg));border:1px solid var(--vscode-editorHoverWidget-border,var(--rm-border));box-shadow:0 2px 8px rgba(0,0,0,.16);font-size:12px}
.tooltip[hidden]{display:none}
.details{padding:4px 8px;border-top:1px solid var(--rm-border);color:var(--rm-muted);min-height:24px}
.empty{padding:24px;color:var(--rm-muted)}
.print-pages{display:none}
@media print{
@page{size:A4 landscape;margin:10mm}
html,body{height:auto;-webkit-print-color-adjust:exact;print-color-adjust:exact}
#app{display:block;height:auto}
#app>:not(.print-pages){display:none!important}
.print-pages{display:block}
.print-page{break-after:page;break-inside:avoid}
.print-page:last-child{break-after:auto}
.print-page svg,.print-legend svg{display:block;width:100%;height:auto}
}
`;

export function pageCss(host: 'vscode' | 'standalone'): string {
  const palette = host === 'vscode'
    ? `:root{${paletteFromTheme('light')}}body.vscode-dark{${paletteFromTheme('dark')}}body.vscode-high-contrast{${paletteFromTheme('hc')}}body.vscode-high-contrast-light{${paletteFromTheme('light')};--rm-outline:#000000;--rm-critical:#000000}`
    : `:root{${paletteFixed('light')}}@media (prefers-color-scheme: dark){:root{${paletteFixed('dark')}}}@media (prefers-contrast: more){:root{${paletteFixed('hc')}}}`
      + `:root.theme-light{${paletteFixed('light')}}:root.theme-dark{${paletteFixed('dark')}}:root.theme-hc{${paletteFixed('hc')}}@media print{:root{${paletteFixed('light')}}}`;
  return `${palette}${LAYOUT_CSS}${TIMELINE_SVG_CSS}`;
}
