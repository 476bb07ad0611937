import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { requestLogger } from './request-logger.ts';

function logger(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      );
      done();
    },
  });
  return { log: pino({ level }, stream) as unknown as FastifyBaseLogger, lines };
}

describe('a request logger made on its first line', () => {
  it('writes what pino’s child would, with the request id bound, and nothing below the level', async () => {
    const { log, lines } = logger('warn');
    const request = requestLogger(log, { reqId: 'r-1' }, {});
    request.info({ req: 1 }, 'incoming request');
    request.debug('hidden');
    request.warn({ security: { event: 'forbidden' } }, 'security: request refused');
    request.error(new Error('boom'));
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.level, l.reqId, l.msg])).toEqual([
      [40, 'r-1', 'security: request refused'],
      [50, 'r-1', 'boom'],
    ]);
    expect(lines[0]?.security).toEqual({ event: 'forbidden' });
    expect(request.level).toBe('warn');
  });

  it('follows the level it is given, and makes children that keep the request id', async () => {
    const { log, lines } = logger('info');
    const request = requestLogger(log, { reqId: 'r-2' }, {});
    request.info('completed');
    request.level = 'error';
    request.warn('dropped');
    request.child({ part: 'x' }).error('child line');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.reqId, l.part, l.msg])).toEqual([
      ['r-2', undefined, 'completed'],
      ['r-2', 'x', 'child line'],
    ]);
  });
});
