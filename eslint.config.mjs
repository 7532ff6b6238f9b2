// Layering is enforced here, not by hope: src/core is pure TypeScript (no Office.js, React, DOM or Node I/O),
// only src/excel talks to Office.js, and only src/cli + src/node use Node's file system.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const officeAndUi = ['react', 'react-dom', 'react/*', '@fluentui/*', '@microsoft/office-js', 'office-js'];
const nodeIo = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'exceljs'];
const layer = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'bin/**', '*.config.js', 'demo-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      ...layer('src/core is pure TypeScript: no Office.js, React, DOM or file I/O (Bad layering).', [
        ...officeAndUi,
        ...nodeIo,
        '**/excel/**',
        '**/taskpane/**',
        '**/cli/**',
        '**/node/**',
      ]),
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/core must not touch the DOM.' },
        { name: 'document', message: 'src/core must not touch the DOM.' },
        { name: 'Office', message: 'Only src/excel may call Office.js.' },
        { name: 'Excel', message: 'Only src/excel may call Office.js.' },
      ],
    },
  },
  {
    // Office.js globals: only the gateway (src/excel) and the simulator that stands in for Excel touch them.
    // (src/core has its own, stricter list above; a later block would replace it, so core is left out here.)
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/excel/**', 'src/simulator/**', 'src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'Only src/excel may call Office.js (Bad layering): add a gateway function.' },
        { name: 'Excel', message: 'Only src/excel may call Office.js (Bad layering): add a gateway function.' },
        { name: 'OfficeExtension', message: 'Only src/excel may call Office.js (Bad layering): add a gateway function.' },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts'],
    rules: layer('The CLI runs in Node: no Office.js or React.', [...officeAndUi, '**/excel/**', '**/taskpane/**']),
  },
);
