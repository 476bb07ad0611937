import type { z } from 'zod';
import type { Account, createAccountRequest, listAccountsQuery } from '../../../contract/accounts.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type { Account };
export type AccountQuery = Partial<z.infer<typeof listAccountsQuery>>;
export type CreateAccountRequest = z.infer<typeof createAccountRequest>;

/** Staff accounts within the admin's subtree. */
export const accountsApi = {
  list: (query: AccountQuery, signal?: AbortSignal) => api.get<Page<Account>>('/api/accounts', query, signal),
  create: (body: CreateAccountRequest) => api.post<Account>('/api/accounts', body),
  unlock: (id: number) => api.post<Account>(`/api/accounts/${id}/unlock`),
  setDisabled: (id: number, disabled: boolean) => api.put<Account>(`/api/accounts/${id}/disabled`, { disabled }),
};
