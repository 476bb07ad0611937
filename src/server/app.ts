import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
// Types only (reply.sendFile): the plugin itself loads when there is a web build to serve.
import type {} from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { isResidentPath } from '../contract/resident-paths.ts';
import { systemClock, type AppDeps } from './context.ts';
import { setBusinessTimeZone } from './time.ts';
import { serializeRequestForLog } from './log-redaction.ts';
import { features } from './features/index.ts';
import { registerErrorHandling, sendFrameworkError, sendMethodNotAllowed, sendNotFound } from './plugins/errors.ts';
import { securityHeadersOf } from './plugins/security-headers.ts';
import { accessCheckOf, registerSession } from './plugins/session.ts';
import { logRefusal } from './plugins/security-log.ts';
import { validatorCompiler } from './plugins/validation.ts';
import { jsonSerializerCompiler } from './plugins/serialization.ts';
import { registerResponseCheck } from './plugins/response-check.ts';
import { requestLogger } from './plugins/request-logger.ts';

/** Routes that document the API and carry no access declaration of their own. */
const DOC_PREFIXES = ['/api/docs', '/api/openapi.json'];

/**
 * Builds the HTTP app on the given database and settings; it does not listen. `checkResponses`
 * (on by default under vitest) checks every answer against its zod contract: see
 * plugins/response-check.ts.
 */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: FastifyServerOptions['logger']; checkResponses?: boolean } = {},
): Promise<FastifyInstance> {
  const logger = options.logger
    ? { ...(typeof options.logger === 'object' ? options.logger : {}), serializers: { req: serializeRequestForLog } }
    : false;
  // Every date printed from here on is a calendar day in the configured business zone.
  setBusinessTimeZone(deps.config.HUIMIN_TIME_ZONE);
  const app = Fastify({
    logger,
    // Without a logger Fastify skips the per-request child itself.
    ...(logger ? { childLoggerFactory: requestLogger } : {}),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', {
    db: deps.db,
    engine: deps.engine,
    config: deps.config,
    clock: deps.clock ?? systemClock,
    appVersion: deps.appVersion ?? readVersion(),
  });
  app.decorate('routeAccess', []);
  // JSON only: a text/plain body is refused with 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // zod validates requests; answers are written from JSON Schema made from the zod contracts.
  app.setSerializerCompiler(jsonSerializerCompiler());
  if (options.checkResponses ?? process.env.VITEST !== undefined) registerResponseCheck(app);

  // Every API route must say who may call it; a route without a declaration fails at start-up.
  const routePatterns: Array<{ method: string; pattern: RegExp }> = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routePatterns.push({ method, pattern: patternOf(route.url) });
    if (!route.url.startsWith('/api/') || DOC_PREFIXES.some((p) => route.url.startsWith(p))) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access declaration`);
    // The access check runs on the routes that need one; a public route has no hook to pass.
    const check = accessCheckOf(access);
    if (check) route.preValidation = [check, ...[route.preValidation ?? []].flat()];
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.routeAccess.push({
          method,
          url: route.url,
          access,
          response: (route.schema as { response?: Record<string, unknown> } | undefined)?.response,
        });
    }
  });

  // The one onSend hook of every answer: its headers, and the security log of a refusal. A
  // callback hook, not an async one: it awaits nothing but a page's tile setting.
  const setHeaders = securityHeadersOf(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    logRefusal(request, reply, payload);
    const pending = setHeaders(request, reply);
    if (pending) void pending.then(() => done(null, payload));
    else done(null, payload);
  });

  registerErrorHandling(app);
  await app.register(cookie);
  registerSession(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Huimin API',
        description: '共产党员专业服务工作室 — party member professional service studios',
        version: app.deps.appVersion,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'huimin_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const feature of features) await app.register(feature);

  const webRoot = deps.webRoot === undefined ? defaultWebRoot() : deps.webRoot;
  if (webRoot) {
    // The build writes .br and .gz beside each file (src/web/build/precompress.ts); the variant
    // the browser accepts is sent, with Vary: Accept-Encoding. Hashed assets never change.
    // Loaded only here: it is some 70 ms of start-up an API-only server never uses. One
    // wildcard route, not a GET and a HEAD per file: the build has some 500 files with their
    // compressed copies, and registering a thousand routes was 8 % of start-up. A path with no
    // file falls through to the not-found handler below, which sends the app's shell.
    const fastifyStatic = (await import('@fastify/static')).default;
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', staticCacheControl(relative(webRoot, path))),
    });
  }
  const residentShell = webRoot && existsSync(join(webRoot, 'resident.html'));
  app.setNotFoundHandler((request, reply) => {
    // The web apps route in the browser: any non-API GET gets its shell. Residents' pages
    // have a light shell of their own, so a phone never downloads the admin console.
    if (webRoot && request.method === 'GET' && !request.url.startsWith('/api/')) {
      const page = residentShell && isResidentPath(request.url) ? 'resident.html' : 'index.html';
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile(page);
    }
    // A path that exists under other methods answers 405 and names them.
    const path = request.url.split('?')[0] ?? '';
    const allowed = [...new Set(routePatterns.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length > 0) return sendMethodNotAllowed(request, reply, allowed);
    return sendNotFound(request, reply);
  });
  return app;
}

/**
 * Cache policy of a file of the build, by its path inside it: hashed assets (`assets/…`) never
 * change and are kept a year; the pages, the service worker and the manifest are revalidated.
 */
export function staticCacheControl(pathInBuild: string): string {
  return /^assets[\\/]/.test(pathInBuild) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** A route's URL (`/api/studios/:id`) as a regular expression over request paths. */
function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

function defaultWebRoot(): string | null {
  const dir = join(import.meta.dirname, '..', '..', 'dist', 'web');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
