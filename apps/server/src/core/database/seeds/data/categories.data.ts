import type { DepartmentCode } from './departments.data';
import type { SlaPolicyCode } from './sla-policies.data';
import { CITY_APPEARANCE_CATEGORIES } from './categories-city-appearance.data';
import { FACILITY_CATEGORIES } from './categories-facilities.data';
import { SAFETY_ORDER_CATEGORIES } from './categories-safety-order.data';

/**
 * The two-level category tree (大类 → 小类), modelled on the parts/events (部件/事件) taxonomy that
 * 数字城管 systems use (GB/T 30428 style), cut down to what residents can tell apart in a photo.
 *
 * Code scheme: a top category is two upper-case letters from the pinyin of its name (SR = 市容,
 * GY = 公用设施); a subcategory is `<top>-<two digits>` (SR-03). Codes are stable identifiers held by
 * routing rules, training examples and old tickets, so a retired node keeps its code and a new one
 * takes the next free number rather than renumbering its siblings.
 *
 * The tree is split over three files only to keep each readable; CATEGORIES is the display order.
 */
export type CategoryKind = 'event' | 'part';

export interface CategoryNodeSeed {
  readonly code: string;
  readonly name: string;
  /** One sentence telling residents what belongs here. */
  readonly description: string;
  /**
   * Words residents actually type for this problem. They seed the classifier's training examples and
   * the keyword hints, so each is unique across the whole tree: a shared word teaches the model nothing.
   */
  readonly keywords: readonly string[];
  readonly slaPolicyCode: SlaPolicyCode;
  /** The body responsible in most cities; routing rules narrow it by district or text. */
  readonly defaultDepartmentCode: DepartmentCode;
  /** Two reports of this kind closer than this are candidates for merging (附议). */
  readonly dedupeRadiusMetres: number;
}

export type SubcategorySeed = CategoryNodeSeed;

export interface TopCategorySeed extends CategoryNodeSeed {
  /** 部件 (a physical asset that is broken or missing) or 事件 (an event or behaviour). */
  readonly kind: CategoryKind;
  readonly children: readonly SubcategorySeed[];
}

export interface FlatSubcategorySeed extends SubcategorySeed {
  readonly parentCode: string;
}

export const CATEGORIES: readonly TopCategorySeed[] = [
  ...CITY_APPEARANCE_CATEGORIES,
  ...SAFETY_ORDER_CATEGORIES,
  ...FACILITY_CATEGORIES,
];

/** Subcategories with their parent code, for seeders and classifier training that work on leaves. */
export const SUBCATEGORIES: readonly FlatSubcategorySeed[] = CATEGORIES.flatMap((top) =>
  top.children.map((child) => ({ ...child, parentCode: top.code })),
);
