import type { Category } from '../../categories/entities/category.entity';
import type { SlaPolicy } from '../../sla/entities/sla-policy.entity';
import type { ReferenceDataRepository, ReferenceRows } from '../reference-data.repository';
import { ReferenceDataService } from '../reference-data.service';

const category = (id: string, code: string, parentId: string | null, fields: Partial<Category> = {}): Category =>
  ({ id, code, name: code, parentId, slaPolicyId: null, active: true, dedupeRadiusMetres: 50, ...fields }) as Category;
const policy = (id: string, code: string): SlaPolicy => ({ id, code }) as SlaPolicy;

function rows(): ReferenceRows {
  return {
    categories: [
      category('c-top', 'GY', null, { slaPolicyId: 'p-urgent' }),
      category('c-lamp', 'GY-01', 'c-top'),
      category('c-manhole', 'GY-02', 'c-top', { slaPolicyId: 'p-normal' }),
      category('c-old', 'GY-99', 'c-top', { active: false }),
      category('c-other', 'SR', null),
    ],
    departments: [
      { id: 'd-ld', code: 'LD', name: '路灯管理处', active: true },
      { id: 'd-gone', code: 'OLD', name: '撤销的部门', active: false },
    ],
    defaultRoutes: [
      { categoryId: 'c-top', departmentId: 'd-ld' },
      { categoryId: 'c-manhole', departmentId: 'd-gone' },
    ],
    slaPolicies: [policy('p-urgent', 'URGENT'), policy('p-normal', 'NORMAL')],
  };
}

class FakeRepository {
  data = rows();
  stampValue = 's1';
  loads = 0;
  stamps = 0;
  async all(): Promise<ReferenceRows> {
    this.loads += 1;
    return structuredClone(this.data);
  }
  async stamp(): Promise<string> {
    this.stamps += 1;
    return this.stampValue;
  }
}

describe('ReferenceDataService', () => {
  let repository: FakeRepository;
  let service: ReferenceDataService;
  let now: number;

  beforeEach(() => {
    repository = new FakeRepository();
    service = new ReferenceDataService(repository as unknown as ReferenceDataRepository);
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers the lookups intake needs from one load', async () => {
    expect((await service.activeCategory('GY-01'))?.parent?.code).toBe('GY');
    expect(await service.activeCategory('GY-99')).toBeNull();
    expect((await service.category('GY-99'))?.code).toBe('GY-99');
    expect((await service.family('c-lamp')).map((c) => c.id)).toEqual(['c-top', 'c-lamp', 'c-manhole', 'c-old']);
    expect((await service.family('c-top')).map((c) => c.id)).toEqual(['c-top', 'c-lamp', 'c-manhole', 'c-old']);
    expect(await service.department('LD')).toMatchObject({ id: 'd-ld', active: true });
    // The 小类's own route, else its 大类's; a deactivated department's route counts as missing.
    expect((await service.defaultDepartmentFor('GY-01'))?.code).toBe('LD');
    expect((await service.defaultDepartmentFor('GY-02'))?.code).toBe('LD');
    expect(await service.defaultDepartmentFor('SR')).toBeNull();
    // The category's policy, else its 大类's, else the fallback.
    expect((await service.slaPolicyFor('c-manhole', 'NORMAL'))?.code).toBe('NORMAL');
    expect((await service.slaPolicyFor('c-lamp', 'NORMAL'))?.code).toBe('URGENT');
    expect((await service.slaPolicyFor('c-other', 'NORMAL'))?.code).toBe('NORMAL');
    expect((await service.slaPolicyFor(null, 'NORMAL'))?.code).toBe('NORMAL');
    expect(repository.loads).toBe(1);
  });

  it('reloads at once after invalidate (an edit on this instance)', async () => {
    expect((await service.department('LD'))?.name).toBe('路灯管理处');
    repository.data.departments[0].name = '城市照明管理处';
    service.invalidate();
    expect((await service.department('LD'))?.name).toBe('城市照明管理处');
    expect(repository.loads).toBe(2);
  });

  it('picks up another instance’s edit by polling the stamp, and reloads only when it moved', async () => {
    await service.department('LD');
    repository.data.departments[0].active = false;
    now += 6_000;
    await service.department('LD'); // starts the stamp check; the stamp did not move
    await new Promise((resolve) => setImmediate(resolve));
    expect(repository.loads).toBe(1);
    expect((await service.department('LD'))?.active).toBe(true);

    repository.stampValue = 's2';
    now += 6_000;
    await service.department('LD');
    await new Promise((resolve) => setImmediate(resolve));
    expect(repository.loads).toBe(2);
    expect((await service.department('LD'))?.active).toBe(false);
  });
});
