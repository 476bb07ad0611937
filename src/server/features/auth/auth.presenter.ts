import type { Role } from '../../../domain/access/roles.ts';
import type { Me } from '../../../contract/auth.ts';
import type { Locale } from '../../../contract/common.ts';
import type { findMe } from './auth.repository.ts';

type MeRow = Awaited<ReturnType<typeof findMe>>;

/** The signed-in account as the web app shows it: never the password hash. */
export function presentMe(row: MeRow, csrfToken: string, idleMinutes: number): Me {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, level: row.unit_level },
    locale: row.locale as Locale,
    largeFont: row.large_font === 1,
    csrfToken,
    idleMinutes,
  };
}
