import type { CategoryNode } from '@ssp/contracts';

/**
 * In-memory copy of the last category tree, so the detail page opens instantly after a tap on the
 * home page. UI-only state: it is not persisted, and a page opened directly (H5 reload, shared
 * link) refetches when the store is empty.
 */
let tree: CategoryNode[] | null = null;

export interface CategoryLookup {
  node: CategoryNode;
  /** The top-level category, when `node` is a subcategory. */
  parent: CategoryNode | null;
}

export function rememberCategories(categories: CategoryNode[]): void {
  tree = categories;
}

export function rememberedCategories(): CategoryNode[] | null {
  return tree;
}

export function findCategory(categories: CategoryNode[], code: string): CategoryLookup | null {
  for (const top of categories) {
    if (top.code === code) return { node: top, parent: null };
    const child = top.children.find((candidate) => candidate.code === code);
    if (child) return { node: child, parent: top };
  }
  return null;
}
