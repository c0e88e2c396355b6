/** Plan text into SVG/HTML markup: every piece goes through here, so plan files cannot inject markup. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
