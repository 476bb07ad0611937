// ESLint flat config. The architectural rules live here (docs/ARCHITECTURE.md):
// src/domain is pure; SQL lives in repositories; a feature never calls another's service.
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

// Building a query is a repository's job: these calls and the sql`` tag appear nowhere else.
const queryBuilderCalls = ['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'];
const queriesOnlyInRepositories = [
  ...queryBuilderCalls.map((name) => ({
    selector: `CallExpression[callee.property.name='${name}']`,
    message: `${name}() builds SQL: move the query into the feature's *.repository.ts (or src/db/).`,
  })),
  {
    selector: "TaggedTemplateExpression[tag.name='sql']",
    message: "sql`` is SQL: move the query into the feature's *.repository.ts (or src/db/).",
  },
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
      // A file past 400 lines holds more than one responsibility: split it (ARCHITECTURE.md).
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // The domain holds the rules of the seed: no I/O, no framework (CONVENTIONS.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ioModules, message: 'src/domain is pure: no I/O, database, server or UI imports.' }] },
      ],
    },
  },
  {
    // Routes, services, presenters, jobs and the CLI reach the database through repositories.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...queriesOnlyInRepositories] },
  },
  {
    // A feature reads another feature's data through that feature's repository, never its
    // service or routes (one slice per feature; features/index.ts is the only list of routes).
    // Its `*.commands.ts` are the writes it offers to run inside another feature's transaction.
    files: ['src/server/features/**/*.ts'],
    ignores: ['src/server/features/index.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.\./[^/]+/.*\.(service|routes)(\.ts)?$`,
              message: "Another feature's service or routes: read its data through its repository instead.",
            },
          ],
        },
      ],
    },
  },
);
