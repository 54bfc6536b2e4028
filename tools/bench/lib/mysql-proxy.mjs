// A counting TCP proxy for the MySQL protocol, on 127.0.0.1: forwards bytes both ways unchanged and
// records every COM_QUERY / COM_STMT_PREPARE the client sends. Used only in the diagnostic phase, to
// count exactly which statements the server sends per HTTP request (MariaDB's own counters are
// server-wide, and performance_schema is off on these machines).
import { createServer, connect } from 'node:net';

const COM_QUERY = 0x03;
const COM_STMT_PREPARE = 0x16;
const COM_STMT_EXECUTE = 0x17;

/**
 * @param {{ targetHost: string, targetPort: number }} target
 * @returns {Promise<{ port: number, statements: string[], executes: () => number, reset: () => void, close: () => Promise<void> }>}
 */
export async function startCountingProxy({ targetHost, targetPort }) {
  /** @type {string[]} */
  const statements = [];
  let executes = 0;
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect({ host: targetHost, port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      // Client → server packets: 3-byte length, 1-byte sequence id, payload. A command starts at sequence 0.
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const length = pending.readUIntLE(0, 3);
        if (pending.length < 4 + length) break;
        const sequence = pending[3];
        const command = pending[4];
        if (sequence === 0 && (command === COM_QUERY || command === COM_STMT_PREPARE)) {
          statements.push(pending.subarray(5, 4 + length).toString('utf8'));
        } else if (sequence === 0 && command === COM_STMT_EXECUTE) {
          executes++;
        }
        pending = pending.subarray(4 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    statements,
    executes: () => executes,
    reset: () => {
      statements.length = 0;
      executes = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
