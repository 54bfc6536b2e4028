import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from '../webhook/webhook-signature.util';

describe('webhook signatures', () => {
  const body = '{"id":"m1","topic":"ticket.dispatched"}';
  const secret = 'department-secret-0123456789';

  it('is sha256=<hex HMAC-SHA256 of the raw body>', () => {
    expect(webhookSignature(body, secret)).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  });

  it('verifies the body it signed and nothing else', () => {
    const signature = webhookSignature(body, secret);
    expect(verifyWebhookSignature(body, secret, signature)).toBe(true);
    expect(verifyWebhookSignature(body.replace('m1', 'm2'), secret, signature)).toBe(false);
    expect(verifyWebhookSignature(body, 'another-secret-0123456789', signature)).toBe(false);
    expect(verifyWebhookSignature(body, secret, undefined)).toBe(false);
    expect(verifyWebhookSignature(body, secret, 'sha256=00')).toBe(false);
  });
});
