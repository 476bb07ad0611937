import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../context.ts';
import type { Notifier } from '../notifier/notifier.ts';
import { dispatchDue } from '../features/outbox/outbox.job.ts';
import { runRemindersOncePerHour } from '../features/reminders/reminders.job.ts';
import { runMailboxJob } from '../features/mailbox/mailbox.job.ts';
import { planCurrentQuarter } from '../features/inspections/inspections.job.ts';
import { recoverInterruptedImports } from '../features/registry/registry-import.job.ts';
import { purgeImportFiles } from '../features/registry/registry-import.job.ts';
import { evaluateLastQuarter } from '../features/evaluation/evaluation.job.ts';
import { pruneThrottlingState } from '../features/auth/throttles.job.ts';
import { isDatabaseUnavailable } from '../../db/availability.ts';
import { buildSupervisionCountsOnce } from '../features/statistics/supervision-counts.job.ts';

/** A periodic task: its name, how often it runs, and what it does. */
interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs Huimin's periodic tasks in the server process: the outbox every 5 seconds, the
 * reminders and the inspection plans every hour. Each is safe to run on several instances
 * at once. `stop` waits for a running task to finish, so shutdown never cuts one in half.
 */
export function startJobs(
  db: Kysely<Database>,
  clock: Clock,
  notifier: Notifier,
  log: FastifyBaseLogger,
  options: { importFileRetentionHours?: number } = {},
) {
  const jobs: Job[] = [
    { name: 'outbox', everyMs: 5_000, run: () => dispatchDue(db, notifier, clock.now()) },
    // Imports a crashed process left half done are marked failed once their heartbeat stops.
    { name: 'imports', everyMs: 5_000, run: () => recoverInterruptedImports(db, clock.now()) },
    // Looked at every 5 minutes, run once per hour by whichever instance claims the hour first.
    {
      name: 'reminders',
      everyMs: 5 * 60_000,
      run: async () => {
        const r = await runRemindersOncePerHour(db, clock.now());
        if (r.ran) log.info({ job: 'reminders', period: r.period, opened: r.opened, resolved: r.resolved }, 'job ran');
      },
    },
    // Overdue letters are flagged and escalated, unrated ones closed, within the hour.
    { name: 'mailbox', everyMs: 60 * 60_000, run: () => runMailboxJob(db, clock.now()) },
    // Abandoned registry workbooks (full ID numbers and phones) are emptied after the retention.
    {
      name: 'import-files',
      everyMs: 60 * 60_000,
      run: () => purgeImportFiles(db, clock.now(), options.importFileRetentionHours ?? 24),
    },
    // Sign-in streaks and rate-counter windows that hold nothing back any more (addresses, phones).
    { name: 'throttles', everyMs: 60 * 60_000, run: () => pruneThrottlingState(db, clock.now()) },
    // Quarterly inspection plans: written in the first hour of a quarter, topped up as studios begin serving.
    { name: 'inspection-plans', everyMs: 60 * 60_000, run: () => planCurrentQuarter(db, clock.now()) },
    // The quarterly evaluation: once a quarter is over, scored once under the scheme in force.
    { name: 'evaluation', everyMs: 60 * 60_000, run: () => evaluateLastQuarter(db, clock.now()) },
    // The dashboard's counts of inspections and 三率, built once after the upgrade that brought them.
    {
      name: 'supervision-counts',
      everyMs: 60 * 60_000,
      run: async () => {
        if (await buildSupervisionCountsOnce(db, clock.now())) log.info({ job: 'supervision-counts' }, 'job ran');
      },
    },
  ];
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = job
        .run()
        .catch((err: unknown) =>
          // During a database outage a job simply fails until the database is back; that is
          // expected and said once per run, not with a stack trace.
          isDatabaseUnavailable(err)
            ? log.warn({ job: job.name }, 'job skipped: database unavailable')
            : log.error({ err, job: job.name }, 'job failed'),
        )
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    setTimeout(tick, 1_000).unref();
    return setInterval(tick, job.everyMs).unref();
  });
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running);
    },
  };
}
