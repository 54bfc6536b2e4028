import { buildCategoryTree, nestCategories, type CategoryRow } from '../category-tree.util';

const row = (id: string, parentId: string | null, sortOrder: number, code = id.toUpperCase()): CategoryRow => ({
  id,
  code,
  name: `name-${id}`,
  description: '',
  parentId,
  sortOrder,
});

describe('buildCategoryTree', () => {
  it('nests children under their parent, both levels ordered by sortOrder then code', () => {
    const tree = buildCategoryTree([
      row('b', null, 2),
      row('a', null, 1),
      row('a2', 'a', 2),
      row('a1', 'a', 1),
      row('b1', 'b', 1),
      row('a0', 'a', 1, 'A0'),
    ]);
    expect(tree.map((node) => node.code)).toEqual(['A', 'B']);
    expect(tree[0].children.map((node) => node.code)).toEqual(['A0', 'A1', 'A2']);
    expect(tree[1].children.map((node) => node.code)).toEqual(['B1']);
    expect(tree[0].children[0].children).toEqual([]);
  });

  it('drops children whose parent is not in the list', () => {
    const tree = buildCategoryTree([row('a', null, 1), row('x1', 'x', 1)]);
    expect(tree).toEqual([{ code: 'A', name: 'name-a', description: '', children: [] }]);
  });

  it('returns an empty list for no rows', () => {
    expect(buildCategoryTree([])).toEqual([]);
  });
});

describe('nestCategories', () => {
  it('builds any node shape in the same order, e.g. a flat list with each parent before its children', () => {
    const flat = nestCategories([row('b', null, 2), row('b1', 'b', 1), row('a', null, 1), row('a1', 'a', 1)], (node, children: string[][]) => [
      node.code,
      ...children.flat(),
    ]).flat();
    expect(flat).toEqual(['A', 'A1', 'B', 'B1']);
  });
});
