import { loadConfig } from './config/config.ts';
import { buildApp } from './server/app.ts';
import { openAndPrepare } from './server/bootstrap.ts';
import pino from 'pino';
const config = loadConfig();
const { handle } = await openAndPrepare(config);
const app = await buildApp({ db: handle.db, engine: handle.engine, config }, { logger: { level: 'warn' }, checkResponses: false });
await app.ready();
async function bench(name: string, url: string, N = 20000) {
  for (let i = 0; i < 3000; i++) await app.inject({ method: 'GET', url });
  const c = process.cpuUsage();
  for (let i = 0; i < N; i++) await app.inject({ method: 'GET', url });
  const d = process.cpuUsage(c);
  console.log(name, ((d.user + d.system) / N).toFixed(2), 'us');
}
const U = '/api/public/nearest?categoryId=5&lng=119.3&lat=26.08&limit=10';
for (let r = 0; r < 2; r++) {
  await bench('nearest', U);
  await bench('health', '/api/health');
  await bench('404', '/api/nothing');
}
const log = pino({ level: 'warn' });
let t = process.hrtime.bigint();
for (let i = 0; i < 200000; i++) log.child({ reqId: crypto.randomUUID() }, {});
console.log('pino child', Number(process.hrtime.bigint() - t) / 200000 / 1000, 'us');
await app.close(); await handle.close();
