/** One node of the two-level category tree (大类 → 小类) served by `GET /api/v1/categories`. */
export interface CategoryNode {
  code: string;
  name: string;
  /** A sentence telling residents what belongs here. */
  description: string;
  children: CategoryNode[];
}
