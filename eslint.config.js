// ESLint (flat config): typescript-eslint's parser, no import cycles between our own files, and the Bot Framework
// SDK kept at the edge — only src/bot/, dialogs/ and the composition root (src/app.ts, src/main.ts) import it, so a
// move to another SDK touches only those. `npm run lint`; .ci/run runs it.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const SDK_AT_THE_EDGE = {
  group: ['botbuilder', 'botbuilder/*', 'botbuilder-*', 'botframework-connector', 'botframework-connector/*', 'botframework-schema', 'botframework-schema/*'],
  message: 'The Bot Framework SDK is imported only in src/bot/, dialogs/ and the composition root (src/app.ts): give this code a small interface of its own and implement it in src/bot/.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'public/', 'test-artifacts/', 'bench/results/', 'coverage/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      // A cycle makes load order matter (a value read before its module ran) and two files one concept.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: [SDK_AT_THE_EDGE] }],
    },
  },
  {
    files: ['src/bot/**/*.ts', 'dialogs/**/*.ts', 'src/app.ts', 'src/main.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
