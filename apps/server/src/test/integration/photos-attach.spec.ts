import { ErrorCode, type PhotoView } from '@ssp/contracts';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../../core/errors/domain.error';
import { newId } from '../../core/database/id.util';
import { STORAGE_DRIVER, type StorageDriver } from '../../core/storage/storage.driver';
import { StoredObjectNotFoundError } from '../../core/storage/storage.error';
import { Photo } from '../../modules/photos/entities/photo.entity';
import { PhotoCleanupJob } from '../../modules/photos/photo-cleanup.job';
import { PhotosRepository } from '../../modules/photos/photos.repository';
import { PhotosService } from '../../modules/photos/photos.service';
import { loginAs } from '../helpers/auth';
import { sceneJpeg } from '../helpers/images';
import { startTestApp, type TestApp } from '../helpers/test-app';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

/** The services reports and tickets build on, against the real database. */
describe('attaching photos to reports and ticket events', () => {
  let t: TestApp;
  let service: PhotosService;
  let repository: PhotosRepository;
  let dataSource: DataSource;
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };

  async function uploadAs(token: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([await sceneJpeg(640, 480)], { type: 'image/jpeg' }), 'a.jpg');
    const response = await fetch(`${t.baseUrl}/api/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (response.status !== 201) throw new Error(`upload failed: ${response.status}`);
    return ((await response.json()) as PhotoView).id;
  }
  const attach = (ids: string[], ownerId: string, target: { reportId: string } | { ticketEventId: string }) =>
    dataSource.transaction((manager) => repository.attach(manager, ids, ownerId, target));
  const claimed = async (ids: string[]) =>
    (await dataSource.getRepository(Photo).findBy(ids.map((id) => ({ id })))).filter((row) => row.reportId || row.ticketEventId).length;

  beforeAll(async () => {
    t = await startTestApp();
    service = t.app.get(PhotosService);
    repository = t.app.get(PhotosRepository);
    dataSource = t.app.get(DataSource);
    alice = await loginAs(t.baseUrl, 'resident', { openid: 'alice' });
    bob = await loginAs(t.baseUrl, 'resident', { openid: 'bob' });
  });
  afterAll(() => t.close());

  it('attaches the owner’s fresh photos to a report, then lists them in upload order with working links', async () => {
    const ids = [await uploadAs(alice.token), await uploadAs(alice.token), await uploadAs(alice.token)];
    await service.assertAttachable(ids, alice.userId);
    const reportId = newId();
    await attach([ids[2], ids[0], ids[1]], alice.userId, { reportId });

    const views = await service.viewsForReports([reportId, newId()]);
    expect(views.get(reportId)?.map((view) => view.id)).toEqual(ids);
    expect([...views.values()][1]).toEqual([]);
    const image = await fetch(new URL(views.get(reportId)![0].url, t.baseUrl));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses to attach a photo twice: assertAttachable says so, and a racing attach rolls back', async () => {
    const used = await uploadAs(alice.token);
    const fresh = await uploadAs(alice.token);
    await attach([used], alice.userId, { reportId: newId() });

    const error = await refusal(service.assertAttachable([fresh, used], alice.userId));
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.details).toEqual({ attachedPhotoIds: [used] });

    const conflict = await refusal(attach([fresh, used], alice.userId, { ticketEventId: newId() }));
    expect(conflict.code).toBe(ErrorCode.CONFLICT);
    // the whole transaction rolled back: the fresh photo is still free
    expect(await claimed([fresh])).toBe(0);
    await service.assertAttachable([fresh], alice.userId);
  });

  it('never lets one resident attach another’s photo, and does not tell them it exists', async () => {
    const bobs = await uploadAs(bob.token);
    const foreign = await refusal(service.assertAttachable([bobs], alice.userId));
    const unknown = await refusal(service.assertAttachable([newId()], alice.userId));
    expect(foreign.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(foreign.message).toBe(unknown.message);
    expect(foreign.message).toContain('无效的照片');

    expect((await refusal(attach([bobs], alice.userId, { reportId: newId() }))).code).toBe(ErrorCode.CONFLICT);
    expect(await claimed([bobs])).toBe(0);
  });

  it('refuses the same id twice in one list', async () => {
    const id = await uploadAs(alice.token);
    const error = await refusal(service.assertAttachable([id, id], alice.userId));
    expect(error.details).toEqual({ duplicatePhotoIds: [id] });
  });

  it('keeps ticket event photos apart from report photos', async () => {
    const ids = [await uploadAs(alice.token), await uploadAs(alice.token)];
    const eventId = newId();
    await attach(ids, alice.userId, { ticketEventId: eventId });
    const views = await service.viewsForTicketEvents([eventId]);
    expect(views.get(eventId)?.map((view) => view.id)).toEqual(ids);
    expect((await service.viewsForReports([eventId])).get(eventId)).toEqual([]);
  });

  describe('removing photos that were never attached', () => {
    const DAY = 24 * 3600_000;
    const backdate = (ids: string[], ms: number) =>
      dataSource.getRepository(Photo).update({ id: In(ids) }, { createdAt: new Date(Date.now() - ms) });
    const rowsOf = async (ids: string[]) => (await dataSource.getRepository(Photo).findBy({ id: In(ids) })).map((row) => row.id).sort();
    async function objectExists(storage: StorageDriver, key: string): Promise<boolean> {
      try {
        await storage.getBuffer(key);
        return true;
      } catch (error) {
        if (error instanceof StoredObjectNotFoundError) return false;
        throw error;
      }
    }

    it('removes rows and files of old unattached photos only, keeping attached and recent ones', async () => {
      const storage = t.app.get<StorageDriver>(STORAGE_DRIVER);
      const [oldLoose, oldOnReport, oldOnEvent, freshLoose] = [
        await uploadAs(alice.token),
        await uploadAs(alice.token),
        await uploadAs(bob.token),
        await uploadAs(bob.token),
      ];
      await attach([oldOnReport], alice.userId, { reportId: newId() });
      await attach([oldOnEvent], bob.userId, { ticketEventId: newId() });
      await backdate([oldLoose, oldOnReport, oldOnEvent], 2 * DAY);
      await backdate([freshLoose], 23 * 3600_000);
      const keys = await dataSource.getRepository(Photo).findBy({ id: oldLoose });

      expect(await t.app.get(PhotoCleanupJob).runOnce()).toBeGreaterThanOrEqual(1);

      expect(await rowsOf([oldLoose, oldOnReport, oldOnEvent, freshLoose])).toEqual([oldOnReport, oldOnEvent, freshLoose].sort());
      expect(await objectExists(storage, keys[0].storageKey)).toBe(false);
      expect(await objectExists(storage, keys[0].thumbKey)).toBe(false);
      for (const kept of await dataSource.getRepository(Photo).findBy({ id: In([oldOnReport, oldOnEvent, freshLoose]) })) {
        expect(await objectExists(storage, kept.storageKey)).toBe(true);
      }
      // A second pass finds nothing more of these; the photo now 25 hours old goes on the next day's pass.
      await t.app.get(PhotoCleanupJob).runOnce();
      expect(await rowsOf([freshLoose])).toEqual([freshLoose]);
      expect(await t.app.get(PhotoCleanupJob).runOnce(new Date(Date.now() + 2 * 3600_000))).toBeGreaterThanOrEqual(1);
      expect(await rowsOf([freshLoose])).toEqual([]);
    });

    it('leaves a photo alone when an attach got there first, and an attach after removal is refused', async () => {
      const [attachedMeanwhile, removed] = [await uploadAs(alice.token), await uploadAs(alice.token)];
      await attach([attachedMeanwhile], alice.userId, { reportId: newId() });
      expect(await repository.deleteUnattached(attachedMeanwhile)).toBe(false);
      expect(await repository.deleteUnattached(removed)).toBe(true);
      expect((await refusal(attach([removed], alice.userId, { reportId: newId() }))).code).toBe(ErrorCode.CONFLICT);
      expect(await rowsOf([attachedMeanwhile, removed])).toEqual([attachedMeanwhile]);
    });
  });
});
