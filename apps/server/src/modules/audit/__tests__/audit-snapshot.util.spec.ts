import { changedFields, redactSnapshot } from '../audit-snapshot.util';

describe('redactSnapshot', () => {
  it('drops credentials and openids and keeps everything else', () => {
    expect(
      redactSnapshot({
        username: 'staff.cgj',
        passwordHash: '$argon2id$v=19$...',
        password: 'plain',
        webhookSecret: 'shh',
        openid: 'o-123',
        hasWebhookSecret: true,
        keywords: ['井盖'],
        contact: null,
      }),
    ).toEqual({ username: 'staff.cgj', hasWebhookSecret: true, keywords: ['井盖'], contact: null });
  });
});

describe('changedFields', () => {
  it('keeps only the fields whose values differ, on both sides', () => {
    expect(
      changedFields(
        { name: '旧', contact: '025', keywords: ['a', 'b'], active: true },
        { name: '新', contact: '025', keywords: ['a', 'c'], active: true },
      ),
    ).toEqual({ before: { name: '旧', keywords: ['a', 'b'] }, after: { name: '新', keywords: ['a', 'c'] } });
  });

  it('tells null from a missing field and keeps a field only one side has', () => {
    expect(changedFields({ contact: null }, { contact: null, passwordChanged: true })).toEqual({
      before: {},
      after: { passwordChanged: true },
    });
    expect(changedFields({ contact: '025' }, { contact: null })).toEqual({ before: { contact: '025' }, after: { contact: null } });
  });

  it('finds nothing in two equal snapshots', () => {
    expect(changedFields({ a: 1, b: ['x'] }, { a: 1, b: ['x'] })).toEqual({ before: {}, after: {} });
  });
});
