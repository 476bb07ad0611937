/**
 * The control: a bare Fastify 5 server with one JSON route and a response schema, the ceiling every
 * endpoint is compared with in the same run (PERFORMANCE.md: "Fastify 5 hello (with response schema)").
 *
 *   PORT=0 node bench/control.ts   # prints "control listening on http://127.0.0.1:<port>"
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });

app.get(
  '/hello',
  {
    schema: {
      response: {
        200: { type: 'object', properties: { hello: { type: 'string' } }, required: ['hello'] },
      },
    },
  },
  async () => ({ hello: 'world' }),
);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(`control listening on http://127.0.0.1:${port}`);

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
