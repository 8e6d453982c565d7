// The action journal: one JSON line per fact (submitted with its reply, started
// as a process, a new status), fsync'd before the fact is told to anyone, and
// replayed at start-up. It is what lets the same key be answered the same way,
// and action.get be answered truthfully, after the bridge restarted.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionStatus, SubmitResult } from '../../shared/protocol';
import type { ActionDescription } from '../shared/action-description';

export interface RunFacts {
  /** The wrapper's pid: the leader of the process group the command runs in. */
  pid: number;
  logFile: string;
  exitFile: string;
  /** Epoch ms after which the group is killed. */
  deadline: number;
  timeoutMs: number;
}

export interface SubmitFacts {
  /** `{action, args}` as JSON: a reused key must come with the same. */
  payload: string;
  reply: SubmitResult;
  /** `service/environment` of an accepted action. */
  subject?: string;
  /** What the action was resolved to at submit time (the rollback's target, ...). */
  plan?: Record<string, unknown>;
  /** Who asked, what and why, for every console's statuses (kept across restarts). */
  description?: ActionDescription;
}

export type JournalEntry =
  | ({ type: 'submit'; key: string } & SubmitFacts)
  | ({ type: 'run'; key: string } & RunFacts)
  | { type: 'status'; key: string; status: ActionStatus };

export interface JournalRecord extends SubmitFacts {
  key: string;
  run?: RunFacts;
  status?: ActionStatus;
}

export class ActionJournal {
  private readonly records = new Map<string, JournalRecord>();
  private readonly fd: number;
  readonly runsDir: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.runsDir = join(dir, 'runs');
    mkdirSync(this.runsDir, { recursive: true });
    const file = join(dir, 'journal.jsonl');
    this.replay(file);
    this.fd = openSync(file, 'a');
  }

  get(key: string): JournalRecord | undefined {
    return this.records.get(key);
  }

  all(): JournalRecord[] {
    return [...this.records.values()];
  }

  append(entry: JournalEntry): void {
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.fd);
    this.apply(entry);
  }

  close(): void {
    closeSync(this.fd);
  }

  private replay(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        this.apply(JSON.parse(line) as JournalEntry);
      } catch {
        // A torn last line from a crash mid-write: everything before it stands.
      }
    }
  }

  private apply(entry: JournalEntry): void {
    if (entry.type === 'submit') {
      const { type: _type, ...facts } = entry;
      this.records.set(entry.key, facts);
      return;
    }
    const record = this.records.get(entry.key);
    if (!record) return;
    if (entry.type === 'run') {
      const { type: _type, key: _key, ...run } = entry;
      record.run = run;
    } else record.status = entry.status;
  }
}
