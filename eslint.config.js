// Lint rules. The layer rules keep dependencies pointing inward (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((dir) => ({
          group: [`**/${dir}/**`, `../${dir}/*`, `../../${dir}/*`],
          message: `This layer must not import from ${dir}/ (dependencies point inward).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.scratch*/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Long string literals, template literals, URLs and regular expressions may run past 120.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  layer(['src/shared/**'], ['domain', 'store', 'ingest', 'server', 'cli', 'demo', 'web']),
  layer(['src/domain/**'], ['store', 'ingest', 'server', 'cli', 'demo', 'web']),
  layer(['src/store/**', 'src/ingest/**'], ['server', 'cli', 'web']),
  layer(['src/demo/**'], ['server', 'cli', 'web']),
  layer(['src/server/**'], ['cli', 'web']),
  layer(['src/web/**'], ['store', 'ingest', 'server', 'cli', 'domain', 'demo']),
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
