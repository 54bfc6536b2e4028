import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** `ok`: 200; `fail`: 500; `down`: not listening at all (connection refused). */
export type ReceiverMode = 'ok' | 'fail' | 'down';

export interface ReceivedWebhook {
  id: string;
  topic: string;
  path: string;
  raw: string;
  body: { id: string; topic: string; occurredAt: string; ticket: Record<string, unknown>; event: Record<string, unknown> };
  headers: IncomingHttpHeaders;
}

export interface WebhookReceiver {
  /** Base URL; departments point at `${url}/<anything>`. */
  url: string;
  /** Requests answered 2xx, in arrival order (repeats included). */
  received: ReceivedWebhook[];
  /** Every request that reached the receiver, whatever it answered. */
  requests: number;
  /** Message ids that arrived while a request with the same id was still being answered. */
  overlaps: string[];
  /** Time to answer each request (ms). */
  delayMs: () => number;
  mode(): ReceiverMode;
  setMode(mode: ReceiverMode): Promise<void>;
  uniqueIds(): Set<string>;
  close(): Promise<void>;
}

/**
 * A department's system as a real HTTP server on a fixed loopback port: it can answer 200 or 500, or go
 * down (its port closed, open connections dropped) and come back on the same port.
 */
export async function startWebhookReceiver(initial: ReceiverMode = 'ok'): Promise<WebhookReceiver> {
  const inFlight = new Map<string, number>();
  let currentMode: ReceiverMode = initial;
  const receiver: Omit<WebhookReceiver, 'url'> & { url: string } = {
    url: '',
    received: [],
    requests: 0,
    overlaps: [],
    delayMs: () => 0,
    mode: () => currentMode,
    setMode: async (mode) => {
      if (mode === currentMode) return;
      const wasDown = currentMode === 'down';
      currentMode = mode;
      if (mode === 'down') await stopListening();
      else if (wasDown) await listen(port);
    },
    uniqueIds: () => new Set(receiver.received.map((hook) => hook.id)),
    close: async () => {
      if (currentMode !== 'down') await stopListening();
      currentMode = 'down';
    },
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.requests += 1;
      const raw = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['x-message-id'] ?? '');
      const busy = inFlight.get(id) ?? 0;
      if (busy > 0) receiver.overlaps.push(id);
      inFlight.set(id, busy + 1);
      const answer = () => {
        inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
        if (currentMode !== 'ok') {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('receiver failing');
          return;
        }
        const body = JSON.parse(raw) as ReceivedWebhook['body'];
        receiver.received.push({ id, topic: body.topic, path: req.url ?? '/', raw, body, headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      };
      const delay = receiver.delayMs();
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });

  const listen = (onPort: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  await listen(0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('receiver is not on TCP');
  const port = address.port;
  receiver.url = `http://127.0.0.1:${port}`;
  if (initial === 'down') await stopListening();
  return receiver;
}
