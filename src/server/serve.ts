import { loadConfig } from '../config/config.ts';
import { buildApp } from './app.ts';
import { openAndPrepare } from './bootstrap.ts';
import { systemClock } from './context.ts';
import { startJobs } from './jobs/scheduler.ts';
import { LogNotifier } from './notifier/notifier.ts';

/** Starts Huimin: configuration → database → app → listen, and shuts down gracefully on SIGTERM. */
export async function main(): Promise<void> {
  const config = loadConfig();
  // Errors of idle database connections (the server restarted) are logged, never fatal: the
  // pool reconnects by itself and requests meanwhile answer 503 DATABASE_UNAVAILABLE.
  let logConnectionError = (error: Error) => console.warn(`database connection lost: ${error.message}`);
  const { handle, demoLoaded, where } = await openAndPrepare(config, (error) => logConnectionError(error));
  const app = await buildApp({ db: handle.db, engine: handle.engine, config }, { logger: { level: config.LOG_LEVEL } });
  logConnectionError = (error) => app.log.warn({ msg: error.message }, 'database connection lost');
  await app.listen({ port: config.PORT, host: config.HOST, listenTextResolver: () => 'listening' });
  const port = (app.server.address() as { port: number } | null)?.port ?? config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  if (config.HUIMIN_DEMO) {
    const warning =
      'DEMO MODE (HUIMIN_DEMO=1): demo accounts sign in with the published password and every page shows a demo banner; not for real data';
    console.log(warning);
    app.log.warn({ demo: true }, warning);
  }
  console.log(`Huimin is serving at http://${host}:${port} (${where}${demoLoaded ? ', demo data loaded' : ''})`);

  const jobs = startJobs(handle.db, systemClock, new LogNotifier(app.log), app.log, {
    importFileRetentionHours: config.IMPORT_FILE_RETENTION_HOURS,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // close() stops accepting connections and waits for in-flight requests to finish.
    await app.close();
    await jobs.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
