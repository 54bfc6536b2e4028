import { loadConfig } from '../../config/app-config';
import { TokenService } from '../token.service';

describe('TokenService', () => {
  const config = loadConfig({ JWT_SECRET: 'token-service-test-secret', JWT_TTL_SECONDS: '60' }, '/tmp');
  const start = new Date('2026-03-01T08:00:00.000Z');

  beforeEach(() => jest.useFakeTimers({ now: start }));
  afterEach(() => jest.useRealTimers());

  it('accepts its own token on every request until it expires, then refuses it', async () => {
    const tokens = new TokenService(config);
    const token = await tokens.sign({ sub: 'user-1', role: 'staff' });
    await expect(tokens.verify(token)).resolves.toEqual({ sub: 'user-1', role: 'staff' });
    jest.setSystemTime(start.getTime() + 59_000);
    await expect(tokens.verify(token)).resolves.toEqual({ sub: 'user-1', role: 'staff' });
    jest.setSystemTime(start.getTime() + 60_000);
    await expect(tokens.verify(token)).resolves.toBeNull();
    await expect(tokens.verify(token)).resolves.toBeNull();
  });

  it('refuses a token whose payload was changed after a valid one was accepted', async () => {
    const tokens = new TokenService(config);
    const token = await tokens.sign({ sub: 'user-1', role: 'staff' });
    await expect(tokens.verify(token)).resolves.not.toBeNull();
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ role: 'admin', sub: 'user-1', exp: 2_000_000_000 })).toString('base64url');
    await expect(tokens.verify(`${header}.${forged}.${signature}`)).resolves.toBeNull();
  });

  it('refuses tokens signed with another secret', async () => {
    const other = new TokenService(loadConfig({ JWT_SECRET: 'another-secret-of-16+' }, '/tmp'));
    const token = await other.sign({ sub: 'user-1', role: 'admin' });
    await expect(new TokenService(config).verify(token)).resolves.toBeNull();
  });
});
