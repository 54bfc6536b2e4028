import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit.service';
import type { AuditRepository, NewAuditEntry } from '../audit.repository';

function serviceWithFakeRepository(): { service: AuditService; written: NewAuditEntry[] } {
  const written: NewAuditEntry[] = [];
  const repository: Pick<AuditRepository, 'insert' | 'newest'> = {
    insert: async (_manager, entry) => {
      written.push(entry);
    },
    newest: async () => [],
  };
  return { service: new AuditService(repository as AuditRepository), written };
}

const manager = {} as EntityManager;

describe('AuditService.record', () => {
  it('writes a creation whole, without secrets', async () => {
    const { service, written } = serviceWithFakeRepository();
    await service.record(manager, 'admin-1', 'create', 'department', 'CGJ', null, { name: '城管局', webhookSecret: 'shh' });
    expect(written).toEqual([
      { actorId: 'admin-1', action: 'create', entityType: 'department', entityId: 'CGJ', before: null, after: { name: '城管局' } },
    ]);
  });

  it('writes only the changed fields of an update', async () => {
    const { service, written } = serviceWithFakeRepository();
    await service.record(manager, 'admin-1', 'update', 'department', 'CGJ', { name: 'A', active: true }, { name: 'B', active: true });
    expect(written[0]).toMatchObject({ before: { name: 'A' }, after: { name: 'B' } });
  });

  it('writes nothing for an update that changed nothing, even if only a secret differs', async () => {
    const { service, written } = serviceWithFakeRepository();
    await service.record(manager, 'admin-1', 'update', 'user', 'u1', { nickname: 'x' }, { nickname: 'x' });
    await service.record(manager, 'admin-1', 'update', 'user', 'u1', { passwordHash: 'old' }, { passwordHash: 'new' });
    expect(written).toEqual([]);
  });

  it('writes a deletion with the record as it was', async () => {
    const { service, written } = serviceWithFakeRepository();
    await service.record(manager, 'admin-1', 'delete', 'default_route', 'GY-01', { departmentCode: 'LD' }, null);
    expect(written[0]).toMatchObject({ before: { departmentCode: 'LD' }, after: null });
  });
});

describe('AuditService.list', () => {
  it('refuses a cursor that is not ours', async () => {
    const { service } = serviceWithFakeRepository();
    await expect(service.list({ cursor: '***' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
