import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEMO_ACCOUNTS } from '../core/database/seeds/data/demo-accounts.data';

const FILE_NAME = 'demo-credentials.json';
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * The demo accounts' password is made once per data directory and kept beside the database (mode 600),
 * so no installation shares a password that is published in a repository.
 */
export function ensureDemoPassword(dataDir: string): string {
  const file = demoCredentialsFile(dataDir);
  if (existsSync(file)) {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const password = (stored as { password?: unknown }).password;
    if (typeof password === 'string' && password.length >= 8) return password;
  }
  const password = Array.from(randomBytes(12), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ password }, null, 2), { mode: 0o600 });
  return password;
}

/** Where `ensureDemoPassword` keeps the password. */
export function demoCredentialsFile(dataDir: string): string {
  return path.join(dataDir, FILE_NAME);
}

/** Names the file that holds the password, never the password itself: what a process prints ends up in logs. */
export function demoAccountsBanner(url: string, credentialsFile: string): string {
  const rows = DEMO_ACCOUNTS.map((account) => `  ${account.username.padEnd(18)} ${account.role.padEnd(6)} ${account.displayName}`);
  return [
    '',
    `随手拍 demo (embedded mode) — open ${url}`,
    `Demo staff and admin accounts; their password is in ${credentialsFile}`,
    ...rows,
    'Residents sign in with the dev login in the app. Do not expose embedded mode to the internet.',
    '',
  ].join('\n');
}
