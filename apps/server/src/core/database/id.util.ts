import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in blocks: one system call per 256 ids instead of one per id. */
const POOL_SIZE = 16 * 256;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

function randomBlock(): Buffer {
  if (offset >= POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const block = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return block;
}

/**
 * UUIDv7 (RFC 9562): time-ordered, so InnoDB primary-key inserts stay append-only at scale,
 * yet not guessable like an auto-increment id.
 */
export function newId(now = Date.now()): string {
  const bytes = randomBlock();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
