import { taroTest } from '@test/taro-mock';
import { clearDraft, draftForCorrection, isDraftBlank, loadDraft, newClientRequestId, saveDraft, type ReportDraft } from '@/stores/report-draft';

const DRAFT: ReportDraft = {
  clientRequestId: 'r-abc-123',
  photos: [
    { src: 'wxfile://tmp/a.jpg', photoId: 'photo-1', thumbUrl: 'https://api.test/t/1.jpg' },
    { src: 'wxfile://tmp/b.jpg', photoId: null, thumbUrl: null },
  ],
  description: '路口井盖松动，车辆经过有响声',
  categoryCode: 'GY-02',
  location: {
    ...{ lat: 32.0416, lng: 118.7784, coordSystem: 'wgs84', source: 'device' },
    ...{ placeName: null, districtName: '秦淮区', inServiceArea: true },
  },
};

describe('report draft store', () => {
  beforeEach(() => taroTest.reset());

  it('restores exactly what was saved, uploaded photo ids and the clientRequestId included', () => {
    saveDraft(DRAFT);

    expect(loadDraft()).toEqual(DRAFT);
  });

  it('hands out the same clientRequestId on every load until the draft is cleared', () => {
    const first = loadDraft();
    saveDraft({ ...first, description: '第一次提交失败' });

    expect(loadDraft().clientRequestId).toBe(first.clientRequestId);
    expect(loadDraft().clientRequestId).toBe(first.clientRequestId);

    clearDraft();
    expect(loadDraft().clientRequestId).not.toBe(first.clientRequestId);
  });

  it('starts a blank draft when nothing (or something unreadable) is stored', () => {
    taroTest.storage.set('ssp.report.draft', 'not a draft');

    const draft = loadDraft();

    expect(isDraftBlank(draft)).toBe(true);
    expect(draft.clientRequestId).toMatch(/^r-/);
  });

  it('reads a damaged draft as far as it goes', () => {
    taroTest.storage.set('ssp.report.draft', {
      clientRequestId: 'r-keep',
      photos: [{ src: 'wxfile://tmp/a.jpg' }, { nothing: true }, 42],
      description: 'x'.repeat(600),
      location: { lat: 'north', lng: 118 },
    });

    const draft = loadDraft();

    expect(draft.clientRequestId).toBe('r-keep');
    expect(draft.photos).toEqual([{ src: 'wxfile://tmp/a.jpg', photoId: null, thumbUrl: null }]);
    expect(draft.description).toHaveLength(500);
    expect(draft.location).toBeNull();
  });

  it('makes ids that differ and fit the contract', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newClientRequestId()));

    expect(ids.size).toBe(50);
    ids.forEach((id) => expect(id.length).toBeLessThanOrEqual(64));
  });

  it('turns a rejected report into a draft to fix: same content, new clientRequestId, photos uploaded afresh', () => {
    const lost = { src: 'https://api.test/t/9.jpg', photoId: 'photo-9', thumbUrl: 'https://api.test/t/9.jpg' };
    const fix = draftForCorrection({ ...DRAFT, photos: [...DRAFT.photos, lost] });

    expect(fix.clientRequestId).not.toBe(DRAFT.clientRequestId);
    expect(fix).toMatchObject({ description: DRAFT.description, categoryCode: 'GY-02', location: DRAFT.location });
    expect(fix.photos).toEqual([
      { src: 'wxfile://tmp/a.jpg', photoId: null, thumbUrl: null },
      { src: 'wxfile://tmp/b.jpg', photoId: null, thumbUrl: null },
      // Its local file is gone: the uploaded copy is all there is.
      lost,
    ]);
  });
});
