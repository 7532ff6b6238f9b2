#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm ci` (the "prepare" script).
const path = require('node:path');
let main;
try {
  ({ main } = require(path.join(__dirname, '..', 'dist', 'cli', 'main.js')));
} catch (error) {
  process.stderr.write(
    '命令行程序尚未编译，请先运行 npm ci（或 npm run build:cli）。 / The CLI is not built yet: run `npm ci` (or `npm run build:cli`) first.\n',
  );
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
