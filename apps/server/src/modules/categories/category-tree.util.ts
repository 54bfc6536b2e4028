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
 * Two-level tree from flat rows, both levels by sortOrder then code. Rows whose parent is missing
 * (inactive or deleted 大类) are left out rather than promoted, so a hidden top category hides its
 * children too.
 */
export function nestCategories<Row extends CategoryRow, Node>(
  rows: readonly Row[],
  toNode: (row: Row, children: Node[]) => Node,
): Node[] {
  const childrenOf = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.parentId === null) continue;
    const siblings = childrenOf.get(row.parentId) ?? [];
    siblings.push(row);
    childrenOf.set(row.parentId, siblings);
  }
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

/** The public tree: code, name and description of each node. */
export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  return nestCategories(rows, (row, children: CategoryNode[]) => ({
    code: row.code,
    name: row.name,
    description: row.description,
    children,
  }));
}
