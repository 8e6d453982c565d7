// A child process that appends to an audit log as fast as it can and prints
// each sequence number once append() has returned (i.e. after fsync).
import { AuditLog } from '../../main/core/actions/audit-log';

const log = new AuditLog(process.argv[2] as string);
const reason = 'x'.repeat(Number(process.argv[3] ?? 200));
for (let i = 0; ; i += 1) {
  const entry = log.append({
    at: new Date().toISOString(),
    operator: 'writer',
    endpointId: 'demo',
    key: `key-${i}`,
    action: 'deploy.rollback',
    args: { service: 'billing', environment: 'production' },
    state: 'pending',
    reason,
  });
  process.stdout.write(`${entry.seq}\n`);
}
