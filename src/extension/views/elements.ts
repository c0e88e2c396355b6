/** Tree elements shared by the Roadmap and Schedule views. */
import type { PlanNode } from '../../core/model/workspace';

export interface ItemElement {
  type: 'item';
  /** Unique per place in the tree (an item can appear under two initiatives). */
  id: string;
  node: PlanNode;
  /** Where the item is, for commands run from the tree. */
  path: string;
  index: number;
  parent?: TreeElement;
  children: TreeElement[];
}

export interface GroupElement {
  type: 'group';
  id: string;
  label: string;
  description?: string;
  icon: string;
  /** Theme colour of the icon, when the group is a warning in itself. */
  iconColor?: string;
  tooltip?: string;
  expanded: boolean;
  parent?: undefined;
  children: TreeElement[];
}

export type TreeElement = ItemElement | GroupElement;

export function nodeKey(node: PlanNode): string {
  return `${node.file.path}#${node.index}`;
}

export function itemElement(node: PlanNode, parent: TreeElement | undefined): ItemElement {
  const id = `${parent?.id ?? ''}/${nodeKey(node)}`;
  return { type: 'item', id, node, path: node.file.path, index: node.index, parent, children: [] };
}
