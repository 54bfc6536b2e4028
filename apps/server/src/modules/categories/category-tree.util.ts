import type { CategoryNode } from '@ssp/contracts';

export interface CategoryRow {
  id: string;
  code: string;
  name: string;
  description: string;
  parentId: string | null;
  sortOrder: number;
}

const bySortThenCode = (a: CategoryRow, b: CategoryRow) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/**
 * Two-level tree from flat rows. Rows whose parent is missing (inactive or deleted 大类) are left out
 * rather than promoted, so a hidden top category hides its children too.
 */
export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const childrenOf = new Map<string, CategoryRow[]>();
  for (const row of rows) {
    if (row.parentId === null) continue;
    const siblings = childrenOf.get(row.parentId) ?? [];
    siblings.push(row);
    childrenOf.set(row.parentId, siblings);
  }
  const toNode = (row: CategoryRow, children: CategoryNode[]): CategoryNode => ({
    code: row.code,
    name: row.name,
    description: row.description,
    children,
  });
  return rows
    .filter((row) => row.parentId === null)
    .sort(bySortThenCode)
    .map((top) =>
      toNode(
        top,
        (childrenOf.get(top.id) ?? []).sort(bySortThenCode).map((child) => toNode(child, [])),
      ),
    );
}
