// One audit entry as the console would append it, keyed for the test.
export const auditEntry = (key: string, state: 'pending' | 'succeeded' = 'pending') => ({
  at: new Date().toISOString(),
  operator: 'ana',
  endpointId: 'demo',
  key,
  action: 'deploy.rollback' as const,
  args: { service: 'billing', environment: 'production' },
  state,
  reason: 'errors after 2.14.0',
});
