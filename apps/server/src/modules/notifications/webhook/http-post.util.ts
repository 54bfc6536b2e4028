import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Kept-alive connections per receiver: at thousands of deliveries a second, a handshake each is the cost. */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });
/** Enough of an error answer to show admins why a receiver refused. */
const KEPT_BODY_BYTES = 300;

export interface PostResult {
  status: number;
  /** The start of the answer, for the message's last error. */
  bodyStart: string;
}

/**
 * POSTs `body` and resolves with the status once the answer is read; rejects on network errors and
 * when the whole exchange takes longer than `timeoutMs` (the request is then aborted, so a timed-out
 * delivery can never still land after its retry started).
 */
export function postBody(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        agent: https ? httpsAgent : httpAgent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < KEPT_BODY_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, bodyStart: Buffer.concat(chunks).toString('utf8').slice(0, KEPT_BODY_BYTES) }),
        );
        response.on('error', reject);
        response.on('close', () => {
          if (!response.complete) reject(new Error('answer cut off'));
        });
      },
    );
    request.on('error', (error: Error) => reject(error.name === 'AbortError' ? new Error(`timed out after ${timeoutMs} ms`) : error));
    request.end(body);
  });
}
