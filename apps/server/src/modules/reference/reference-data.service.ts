import { Injectable, Logger } from '@nestjs/common';
import type { Category } from '../categories/entities/category.entity';
import type { SlaPolicy } from '../sla/entities/sla-policy.entity';
import { ReferenceDataRepository, type ReferenceDepartment, type ReferenceRows } from './reference-data.repository';

/** Another instance's admin edit reaches this one within this long (its own edits at once, see `invalidate`). */
const POLL_MS = 5_000;

/** The reference tables, indexed the ways intake and dispatch look them up. Treat as read-only. */
export interface ReferenceSnapshot {
  /** Every category (active or not), with `parent` set to its 大类 (or null). */
  categoryById: ReadonlyMap<string, Category>;
  categoryByCode: ReadonlyMap<string, Category>;
  departmentByCode: ReadonlyMap<string, ReferenceDepartment>;
  departmentById: ReadonlyMap<string, ReferenceDepartment>;
  /** Category id → department id of its default route. */
  defaultRouteOf: ReadonlyMap<string, string>;
  slaPolicyById: ReadonlyMap<string, SlaPolicy>;
  slaPolicyByCode: ReadonlyMap<string, SlaPolicy>;
  /** The 小类 of each 大类 id. */
  childrenOf: ReadonlyMap<string, readonly Category[]>;
}

interface Loaded {
  stamp: string;
  snapshot: ReferenceSnapshot;
  checkedAt: number;
}

export function indexReference(rows: ReferenceRows): ReferenceSnapshot {
  const categoryById = new Map(rows.categories.map((category) => [category.id, category]));
  const childrenOf = new Map<string, Category[]>();
  for (const category of rows.categories) {
    category.parent = category.parentId ? (categoryById.get(category.parentId) ?? null) : null;
    if (category.parentId) childrenOf.set(category.parentId, [...(childrenOf.get(category.parentId) ?? []), category]);
  }
  return {
    categoryById,
    categoryByCode: new Map(rows.categories.map((category) => [category.code, category])),
    departmentByCode: new Map(rows.departments.map((department) => [department.code, department])),
    departmentById: new Map(rows.departments.map((department) => [department.id, department])),
    defaultRouteOf: new Map(rows.defaultRoutes.map((route) => [route.categoryId, route.departmentId])),
    slaPolicyById: new Map(rows.slaPolicies.map((policy) => [policy.id, policy])),
    slaPolicyByCode: new Map(rows.slaPolicies.map((policy) => [policy.code, policy])),
    childrenOf,
  };
}

/**
 * Categories, departments, default routes and SLA policies, read by every report (validation, routing,
 * dedupe, deadlines): kept per instance instead of read per report. An admin edit on this instance
 * drops the copy once its transaction committed (`invalidate`); every instance polls a cheap change
 * stamp of the four tables every few seconds and reloads when it moved, like the routing rules and the
 * word rules.
 */
@Injectable()
export class ReferenceDataService {
  private readonly logger = new Logger(ReferenceDataService.name);
  private loaded: Promise<Loaded> | null = null;
  private refreshing: Promise<void> | null = null;
  /** Bumped by every invalidation: a load that started before it must not be kept. */
  private generation = 0;

  constructor(private readonly repository: ReferenceDataRepository) {}

  async snapshot(): Promise<ReferenceSnapshot> {
    if (!this.loaded) return (await this.load()).snapshot;
    const loaded = await this.loaded;
    if (Date.now() - loaded.checkedAt > POLL_MS && !this.refreshing) {
      this.refreshing = this.refresh(loaded).finally(() => (this.refreshing = null));
    }
    return loaded.snapshot;
  }

  /** A category by code (active or not), with its parent. */
  async category(code: string): Promise<Category | null> {
    return (await this.snapshot()).categoryByCode.get(code) ?? null;
  }

  /** A category by id (active or not), with its parent. */
  async categoryById(id: string): Promise<Category | null> {
    return (await this.snapshot()).categoryById.get(id) ?? null;
  }

  async activeCategory(code: string): Promise<Category | null> {
    const category = await this.category(code);
    return category?.active ? category : null;
  }

  /** A category's family: its 大类 and every 小类 of that 大类 (active or not). */
  async family(id: string): Promise<Category[]> {
    const snapshot = await this.snapshot();
    const own = snapshot.categoryById.get(id);
    if (!own) return [];
    const top = snapshot.categoryById.get(own.parentId ?? own.id);
    return [...(top ? [top] : []), ...(snapshot.childrenOf.get(own.parentId ?? own.id) ?? [])];
  }

  async department(code: string): Promise<ReferenceDepartment | null> {
    return (await this.snapshot()).departmentByCode.get(code) ?? null;
  }

  /**
   * The default route of a category: the 小类's, else its 大类's, else null. A deactivated department
   * takes no new work, so its route counts as missing.
   */
  async defaultDepartmentFor(categoryCode: string): Promise<ReferenceDepartment | null> {
    const snapshot = await this.snapshot();
    const category = snapshot.categoryByCode.get(categoryCode);
    if (!category) return null;
    for (const categoryId of [category.id, ...(category.parentId ? [category.parentId] : [])]) {
      const departmentId = snapshot.defaultRouteOf.get(categoryId);
      const department = departmentId ? snapshot.departmentById.get(departmentId) : undefined;
      if (department?.active) return department;
    }
    return null;
  }

  /** The SLA policy of a category (its own, else its 大类's), else the policy named `fallbackCode`. */
  async slaPolicyFor(categoryId: string | null, fallbackCode: string): Promise<SlaPolicy | null> {
    const snapshot = await this.snapshot();
    const category = categoryId ? snapshot.categoryById.get(categoryId) : undefined;
    for (const policyId of [category?.slaPolicyId, category?.parent?.slaPolicyId]) {
      const policy = policyId ? snapshot.slaPolicyById.get(policyId) : undefined;
      if (policy) return policy;
    }
    return snapshot.slaPolicyByCode.get(fallbackCode) ?? null;
  }

  /** After an admin change committed on this instance: the next read loads the tables again. */
  invalidate(): void {
    this.generation += 1;
    this.loaded = null;
  }

  private load(): Promise<Loaded> {
    // The stamp before the rows: an edit between the two reads makes the next poll reload, never the reverse.
    const loading = this.repository.stamp().then(async (stamp) => ({ stamp, snapshot: indexReference(await this.repository.all()), checkedAt: Date.now() }));
    this.loaded = loading;
    loading.catch(() => {
      if (this.loaded === loading) this.loaded = null;
    });
    return loading;
  }

  private async refresh(loaded: Loaded): Promise<void> {
    const generation = this.generation;
    try {
      const stamp = await this.repository.stamp();
      if (generation !== this.generation) return;
      if (stamp === loaded.stamp) {
        loaded.checkedAt = Date.now();
        return;
      }
      const next = await this.load();
      if (generation === this.generation) this.loaded = Promise.resolve(next);
    } catch (error) {
      this.logger.warn(`reference data refresh failed, keeping the loaded copy: ${String(error)}`);
    }
  }
}
