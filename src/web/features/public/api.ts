import type { PublicAddress } from '../../../contract/public.ts';
import { api } from '../../lib/api.ts';

export type { PublicAddress };

/** The district's public address: what printed QR codes and SMS links point to. */
export const publicAddressApi = {
  get: (signal?: AbortSignal) => api.get<PublicAddress>('/api/settings/public-address', undefined, signal),
  save: (url: string | null) => api.put<PublicAddress>('/api/settings/public-address', { url }),
};
