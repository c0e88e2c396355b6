/** The Markdown preview plugin: plan files' fields as chips in a markdown-it host (VS Code's preview). */
export { roadmarkMarkdownIt, type MarkdownItLike, type MdState, type MdToken, type PreviewOptions } from './markdown-it';
export { chipsOf, overdueDays, type Chip, type LinkTarget, type ResolveLink } from './chips';
export { relativeHref } from './href';
