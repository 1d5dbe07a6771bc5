// Lint rules. The layer rules keep dependencies pointing inward (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layerPatterns = (forbidden) =>
  forbidden.map((dir) => ({
    group: [`**/${dir}/**`, `../${dir}/*`, `../../${dir}/*`],
    message: `This layer must not import from ${dir}/ (dependencies point inward).`,
  }));

const layer = (files, forbidden, extra = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...layerPatterns(forbidden), ...extra] }] },
});

const WEB_FORBIDDEN = ['store', 'ingest', 'server', 'cli', 'domain', 'demo'];
/**
 * A web feature (web/features/<capability>/…) never reaches back into the app shell, and reaches
 * another feature only through that feature's index.ts. `up` is how many `../` lead from the
 * importing file to web/features.
 */
const webFeature = (files, up) =>
  layer(files, WEB_FORBIDDEN, [
    {
      regex: '^(\\.\\./)+app/',
      message: 'A web feature must not import from web/app; shared pieces belong in web/ui.',
    },
    {
      regex: `^${'\\.\\./'.repeat(up)}[^./][^/]*/(?!index\\.ts$)`,
      message: "A web feature imports another feature only through that feature's index.ts.",
    },
  ]);

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
  // The course engine reads content and grades; it knows nothing of storage, services or delivery.
  layer(['src/training/**'], ['store', 'services', 'server', 'cli', 'web']),
  layer(['src/server/**'], ['cli', 'web']),
  layer(['src/web/**'], WEB_FORBIDDEN),
  webFeature(['src/web/features/*/*.ts', 'src/web/features/*/*.tsx'], 1),
  webFeature(['src/web/features/*/*/**'], 2),
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
