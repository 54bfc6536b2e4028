export interface HealthStatus {
  status: 'ok' | 'error';
  checks: Record<string, { ok: boolean; message?: string }>;
}
