import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';

/** The address residents reach Huimin at, for QR codes and SMS links: configured, or the one this request came to. */
export function publicBaseUrl(config: Config, request: FastifyRequest): string {
  return (config.HUIMIN_PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}
