import { loggableError, loggableRequest, loggableUrl } from '../log-redaction.util';

describe('loggableUrl', () => {
  it('keeps a URL without a query as it is', () => {
    expect(loggableUrl('/api/v1/tickets/0193abcd')).toBe('/api/v1/tickets/0193abcd');
  });

  it('redacts what a resident wrote, where they stood, and credentials in the query', () => {
    expect(loggableUrl('/api/v1/categories/suggest?text=%E7%94%B5%E8%AF%9D13912345678')).toBe('/api/v1/categories/suggest?text=[redacted]');
    expect(loggableUrl('/api/v1/tickets/nearby?lat=32.04&lng=118.77&radius=200')).toBe('/api/v1/tickets/nearby?lat=[redacted]&lng=[redacted]&radius=200');
    expect(loggableUrl('/api/v1/files/photos/a.jpg?expires=1796149280&sig=AbC-123_x')).toBe('/api/v1/files/photos/a.jpg?expires=1796149280&sig=[redacted]');
    expect(loggableUrl('/open311/v2/requests.json?api_key=k-secret&status=open')).toBe('/open311/v2/requests.json?api_key=[redacted]&status=open');
  });

  it('keeps paging and filter values, and redacts a parameter it does not know', () => {
    expect(loggableUrl('/api/v1/tickets?status=accepted&overdue=true&cursor=eyJhIjoxfQ&q=%E4%BA%95%E7%9B%96')).toBe(
      '/api/v1/tickets?status=accepted&overdue=true&cursor=eyJhIjoxfQ&q=[redacted]',
    );
    expect(loggableUrl('/api/v1/me?phone=13912345678')).toBe('/api/v1/me?phone=[redacted]');
  });

  it('redacts every occurrence of a repeated parameter and survives malformed encoding', () => {
    expect(loggableUrl('/x?text=a&text=b')).toBe('/x?text=[redacted]&text=[redacted]');
    expect(loggableUrl('/x?text=%E4%&limit=5')).toBe('/x?text=[redacted]&limit=5');
  });
});

describe('loggableRequest', () => {
  it('redacts the URL and drops the parsed query', () => {
    const request = { id: 'r1', method: 'GET', url: '/api/v1/categories/suggest?text=13912345678', query: { text: '13912345678' } };
    expect(loggableRequest(request)).toEqual({ id: 'r1', method: 'GET', url: '/api/v1/categories/suggest?text=[redacted]' });
  });
});

describe('loggableError', () => {
  it("drops a failed statement's values and the duplicate a unique violation names", () => {
    const message = "Duplicate entry 'oleak-openid-1' for key 'IDX_users_openid'";
    const serialized = {
      type: 'QueryFailedError',
      message,
      stack: `QueryFailedError: ${message}\n    at x (y.js:1:1)`,
      code: 'ER_DUP_ENTRY',
      sqlMessage: message,
      sql: "INSERT INTO users VALUES ('oleak-openid-1', '13912345678')",
      query: 'INSERT INTO users VALUES (?, ?)',
      parameters: ['oleak-openid-1', '13912345678'],
      driverError: { sqlMessage: message },
    };
    const logged = loggableError(serialized);
    expect(JSON.stringify(logged)).not.toMatch(/oleak-openid-1|13912345678/);
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: 'ER_DUP_ENTRY', query: 'INSERT INTO users VALUES (?, ?)' });
    expect(logged.message).toBe("Duplicate entry '[redacted]' for key 'IDX_users_openid'");
  });

  it('leaves an ordinary error as it is', () => {
    const serialized = { type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:3306', stack: 'Error: connect ECONNREFUSED' };
    expect(loggableError(serialized)).toEqual(serialized);
  });
});
