import { get, post, put, staff, type AccessCases } from '../../../../test/access/case.ts';
import { buildCategory } from '../../../../test/factories/categories.ts';

/** Categories' rows of the access matrix: everyone reads them; the district edits them. */
export const accessCases: AccessCases = {
  'GET /api/categories': { allowed: staff, call: () => get('/api/categories') },
  'POST /api/categories': {
    allowed: ['district_admin'],
    call: (s) =>
      post('/api/categories', {
        code: `matrix-${s.n}`,
        name: { 'zh-CN': '测试', 'zh-TW': '測試', en: 'Test' },
        icon: 'Tool',
        color: '#123456',
        position: 50,
        enabled: false,
      }),
  },
  'PUT /api/categories/:id': {
    allowed: ['district_admin'],
    call: async (s) => {
      const { id, ...category } = await buildCategory(s.db);
      return put(`/api/categories/${id}`, { ...category, color: '#4b5563' });
    },
  },
};
