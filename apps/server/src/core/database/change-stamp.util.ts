import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A cheap fingerprint of a small admin-edited table (row count + newest `updatedAt`): every instance polls
 * it and reloads its cached copy only when it moved. Deletions change the count, edits the timestamp.
 */
export async function changeStamp(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<string> {
  const row = await manager
    .getRepository(entity)
    .createQueryBuilder('row')
    .select('COUNT(*)', 'count')
    .addSelect('MAX(row.updatedAt)', 'latest')
    .getRawOne<{ count: number | string; latest: Date | string | null }>();
  return `${row?.count ?? 0}:${row?.latest ? new Date(row.latest).getTime() : 0}`;
}
