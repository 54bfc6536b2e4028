import { ErrorCode } from '@ssp/contracts';
import type { PinoLogger } from 'nestjs-pino';
import { Readable } from 'node:stream';
import { loadConfig } from '../../../core/config/app-config';
import { DomainError } from '../../../core/errors/domain.error';
import type { StorageDriver } from '../../../core/storage/storage.driver';
import { StorageUnavailableError } from '../../../core/storage/storage.error';
import { sceneJpeg } from '../../../test/helpers/images';
import type { NewPhoto, PhotoRow, PhotosRepository } from '../photos.repository';
import { PhotosService } from '../photos.service';

class MemoryStorage implements StorageDriver {
  readonly objects = new Map<string, Buffer>();
  failPutOf?: RegExp;

  put(key: string, body: Buffer): Promise<void> {
    if (this.failPutOf?.test(key)) return Promise.reject(new StorageUnavailableError('put', key, new Error('disk full')));
    this.objects.set(key, body);
    return Promise.resolve();
  }
  getStream(key: string) {
    return Promise.resolve({ body: Readable.from([this.objects.get(key) ?? Buffer.alloc(0)]), contentType: 'image/jpeg' });
  }
  getBuffer(key: string): Promise<Buffer> {
    return Promise.resolve(this.objects.get(key) ?? Buffer.alloc(0));
  }
  delete(key: string): Promise<void> {
    this.objects.delete(key);
    return Promise.resolve();
  }
  signedGetUrl(key: string, ttl: number): Promise<string> {
    return Promise.resolve(`signed:${key}:${ttl}`);
  }
}

class FakeRepository {
  readonly inserted: NewPhoto[] = [];
  insertError?: Error;
  owned: PhotoRow[] = [];
  attachedRows: PhotoRow[] = [];
  ownedQueries: Array<{ ids: string[]; ownerId: string }> = [];

  insert(photo: NewPhoto): Promise<void> {
    if (this.insertError) return Promise.reject(this.insertError);
    this.inserted.push(photo);
    return Promise.resolve();
  }
  findOwned(ids: string[], ownerId: string) {
    this.ownedQueries.push({ ids, ownerId });
    return Promise.resolve(this.owned.filter((row) => ids.includes(row.id)));
  }
  findByReportIds(ids: string[]): Promise<PhotoRow[]> {
    return Promise.resolve(this.attachedRows.filter((row) => row.reportId !== null && ids.includes(row.reportId)));
  }
  findByTicketEventIds(ids: string[]): Promise<PhotoRow[]> {
    return Promise.resolve(this.attachedRows.filter((row) => row.ticketEventId !== null && ids.includes(row.ticketEventId)));
  }
}

const silentLogger = { setContext: () => undefined, info: () => undefined, error: () => undefined } as unknown as PinoLogger;

function row(id: string, target: { reportId?: string; ticketEventId?: string }, flags: PhotoRow['qualityFlags'] = []): PhotoRow {
  return {
    id,
    ownerId: 'u1',
    storageKey: `photos/${id}.jpg`,
    thumbKey: `photos/${id}.thumb.jpg`,
    width: 2048,
    height: 1536,
    qualityFlags: flags,
    reportId: target.reportId ?? null,
    ticketEventId: target.ticketEventId ?? null,
    createdAt: new Date(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('PhotosService', () => {
  const config = loadConfig({ SIGNED_URL_TTL_SECONDS: '300' }, '/tmp');
  let storage: MemoryStorage;
  let repository: FakeRepository;
  let service: PhotosService;
  beforeEach(() => {
    storage = new MemoryStorage();
    repository = new FakeRepository();
    service = new PhotosService(repository as unknown as PhotosRepository, storage, config, silentLogger);
  });

  describe('upload', () => {
    it('stores the photo and its thumbnail, records the row and answers with signed links', async () => {
      const view = await service.upload('u1', await sceneJpeg(1600, 1200));
      expect(repository.inserted).toHaveLength(1);
      const photo = repository.inserted[0];
      expect(photo).toMatchObject({ id: view.id, ownerId: 'u1', mime: 'image/jpeg', width: 1600, height: 1200, qualityFlags: [] });
      expect(photo.storageKey).toMatch(/^photos\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.jpg$/);
      expect([...storage.objects.keys()].sort()).toEqual([photo.storageKey, photo.thumbKey].sort());
      expect(photo.sizeBytes).toBe(storage.objects.get(photo.storageKey)?.length);
      expect(view).toEqual({
        id: photo.id,
        url: `signed:${photo.storageKey}:300`,
        thumbUrl: `signed:${photo.thumbKey}:300`,
        width: 1600,
        height: 1200,
        quality: { ok: true, flags: [] },
      });
    });

    it('removes the stored objects when the row cannot be written', async () => {
      repository.insertError = new Error('database went away');
      await expect(service.upload('u1', await sceneJpeg(800, 600))).rejects.toThrow('database went away');
      expect(storage.objects.size).toBe(0);
    });

    it('writes no row and keeps no half when storing fails', async () => {
      storage.failPutOf = /\.thumb\.jpg$/;
      const error = await refusal(service.upload('u1', await sceneJpeg(800, 600)));
      expect(error.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
      expect(repository.inserted).toEqual([]);
      expect(storage.objects.size).toBe(0);
    });

    it('stores nothing for a file that is not an image', async () => {
      const error = await refusal(service.upload('u1', Buffer.from('hello')));
      expect(error.code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
      expect(storage.objects.size).toBe(0);
      expect(repository.inserted).toEqual([]);
    });
  });

  describe('assertAttachable', () => {
    it('accepts distinct unattached photos of the owner, and an empty list, returning the rows it read', async () => {
      repository.owned = [row('p1', {}), row('p2', {})];
      await expect(service.assertAttachable(['p1', 'p2'], 'u1')).resolves.toEqual(repository.owned);
      await expect(service.assertAttachable([], 'u1')).resolves.toEqual([]);
      expect(repository.ownedQueries[0]).toEqual({ ids: ['p1', 'p2'], ownerId: 'u1' });
    });

    it('lists unknown or foreign, already attached and repeated ids, all as 400', async () => {
      repository.owned = [row('p1', {}), row('used-r', { reportId: 'r9' }), row('used-e', { ticketEventId: 'e9' })];
      const error = await refusal(service.assertAttachable(['p1', 'someone-elses', 'used-r', 'used-e', 'p1'], 'u1'));
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(error.message).toContain('无效的照片');
      expect(error.details).toEqual({
        invalidPhotoIds: ['someone-elses'],
        attachedPhotoIds: ['used-r', 'used-e'],
        duplicatePhotoIds: ['p1'],
      });
    });

    it('answers a foreign id exactly like an id that does not exist', async () => {
      const foreign = await refusal(service.assertAttachable(['belongs-to-u2'], 'u1'));
      const missing = await refusal(service.assertAttachable(['no-such-photo'], 'u1'));
      expect(foreign.message).toBe(missing.message);
      expect(foreign.details).toEqual({ invalidPhotoIds: ['belongs-to-u2'] });
    });
  });

  describe('views', () => {
    it('groups photos by report in repository order, with an entry for every report asked about', async () => {
      repository.attachedRows = [row('a1', { reportId: 'ra' }), row('b1', { reportId: 'rb' }, ['blurry']), row('a2', { reportId: 'ra' })];
      const views = await service.viewsForReports(['ra', 'rb', 'rc']);
      expect([...views.keys()]).toEqual(['ra', 'rb', 'rc']);
      expect(views.get('ra')?.map((view) => view.id)).toEqual(['a1', 'a2']);
      expect(views.get('rb')?.[0]).toEqual({
        id: 'b1',
        url: 'signed:photos/b1.jpg:300',
        thumbUrl: 'signed:photos/b1.thumb.jpg:300',
        width: 2048,
        height: 1536,
        quality: { ok: false, flags: ['blurry'] },
      });
      expect(views.get('rc')).toEqual([]);
    });

    it('groups photos by ticket event', async () => {
      repository.attachedRows = [row('x', { ticketEventId: 'e1' }), row('y', { reportId: 'r1' })];
      const views = await service.viewsForTicketEvents(['e1']);
      expect(views.get('e1')?.map((view) => view.id)).toEqual(['x']);
      expect(await service.viewsForTicketEvents([])).toEqual(new Map());
    });
  });
});
