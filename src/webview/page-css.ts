/** The page's stylesheet, injected with the page's CSP nonce (no inline styles otherwise). */
import { PALETTE_VARS, TIMELINE_SVG_CSS } from './theme';

function paletteFromTheme(): string {
  return Object.entries(PALETTE_VARS).map(([name, [vscodeVar, light]]) => `${name}:var(${vscodeVar},${light})`).join(';');
}

function paletteStandalone(dark: boolean): string {
  return Object.entries(PALETTE_VARS).map(([name, [, light, darkValue]]) => `${name}:${dark ? darkValue : light}`).join(';');
}

const LAYOUT_CSS = `
*{box-sizing:border-box}
html,body{margin:0;padding:0;height:100%;background:var(--rm-bg);color:var(--rm-fg);font:13px var(--vscode-font-family,system-ui,-apple-system,"Segoe UI",sans-serif)}
#app{display:flex;flex-direction:column;height:100vh}
.toolbar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 8px;border-bottom:1px solid var(--rm-border)}
.toolbar .group{display:flex;gap:2px}
.toolbar button,.toolbar select,.toolbar input{font:inherit;color:var(--vscode-input-foreground,var(--rm-fg));background:var(--vscode-input-background,var(--rm-bg));border:1px solid var(--vscode-input-border,var(--rm-border));border-radius:3px;padding:3px 8px}
.toolbar button{cursor:pointer;background:var(--vscode-button-secondaryBackground,var(--rm-stripe));color:var(--vscode-button-secondaryForeground,var(--rm-fg))}
.toolbar button[aria-pressed="true"]{background:var(--vscode-button-background,var(--rm-focus));color:var(--vscode-button-foreground,#fff)}
.toolbar button:focus-visible,.toolbar select:focus-visible,.toolbar input:focus-visible,.scroller:focus-visible{outline:1px solid var(--rm-focus);outline-offset:1px}
.toolbar .count{color:var(--rm-muted);margin-left:auto}
.scroller{flex:1;overflow:auto;position:relative;outline:none}
.canvas{position:relative}
.stage{position:sticky;left:0;top:0;overflow:hidden}
.stage svg{display:block}
.row,.bar,.diamond,.label{cursor:pointer}
.scroller.panning{cursor:grabbing}
.tooltip{position:fixed;pointer-events:none;z-index:10;max-width:420px;padding:4px 8px;border-radius:3px;background:var(--vscode-editorHoverWidget-background,var(--rm-bg));color:var(--vscode-editorHoverWidget-foreground,var(--rm-fg));border:1px solid var(--vscode-editorHoverWidget-border,var(--rm-border));box-shadow:0 2px 8px rgba(0,0,0,.16);font-size:12px}
.tooltip[hidden]{display:none}
.details{padding:4px 8px;border-top:1px solid var(--rm-border);color:var(--rm-muted);min-height:24px}
.empty{padding:24px;color:var(--rm-muted)}
`;

export function pageCss(host: 'vscode' | 'standalone'): string {
  const palette = host === 'vscode'
    ? `:root{${paletteFromTheme()}}`
    : `:root{${paletteStandalone(false)}}@media (prefers-color-scheme: dark){:root{${paletteStandalone(true)}}}:root.theme-light{${paletteStandalone(false)}}:root.theme-dark{${paletteStandalone(true)}}`;
  return `${palette}${LAYOUT_CSS}${TIMELINE_SVG_CSS}`;
}
