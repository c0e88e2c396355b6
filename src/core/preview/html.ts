/** Chips as HTML for the Markdown preview: every text escaped, classes the preview stylesheet styles. */
import type { Chip } from './chips';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A class-safe word: `in-progress` stays, anything else becomes `-`. */
function word(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function chipHtml(chip: Chip): string {
  const classes = ['roadmark-chip', `roadmark-chip-${chip.kind}`];
  if (chip.status) classes.push(`roadmark-status-${word(chip.status)}`);
  if (chip.kind === 'link' && !chip.href) classes.push('roadmark-chip-broken');
  const title = chip.title ? ` title="${escapeHtml(chip.title)}"` : '';
  const label = chip.label ? `<span class="roadmark-chip-label">${escapeHtml(chip.label)}</span> ` : '';
  const inner = `${label}<span class="roadmark-chip-value">${escapeHtml(chip.value)}</span>`;
  if (chip.href) return `<a class="${classes.join(' ')}" href="${escapeHtml(chip.href)}"${title}>${inner}</a>`;
  return `<span class="${classes.join(' ')}"${title}>${inner}</span>`;
}

/** A row of chips: a block after a heading (`div`), or inline at the end of a task line (`span`). */
export function chipsHtml(chips: readonly Chip[], inline: boolean, overdue: boolean): string {
  const tag = inline ? 'span' : 'div';
  const cls = `roadmark-chips${inline ? ' roadmark-chips-inline' : ''}${overdue ? ' roadmark-overdue' : ''}`;
  return `<${tag} class="${cls}">${chips.map(chipHtml).join('')}</${tag}>${inline ? '' : '\n'}`;
}

/** An anchor with the item's id, so `#id` links in the preview land on its heading. */
export function anchorHtml(id: string): string {
  return `<a class="roadmark-anchor" id="${escapeHtml(id)}" aria-hidden="true"></a>`;
}
