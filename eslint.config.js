// ESLint flat config. The one architectural rule lives here: src/domain is pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = [
  'node:*',
  'fs',
  'path',
  'http',
  'crypto',
  'fastify',
  'fastify/*',
  '@fastify/*',
  'kysely',
  'pg',
  'react',
  'react-dom',
  'react/*',
  'antd',
  'antd/*',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'bench/results', 'bench/.data', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain holds the rules of the seed: no I/O, no framework (CONVENTIONS.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ioModules, message: 'src/domain is pure: no I/O, database, server or UI imports.' }],
        },
      ],
    },
  },
);
