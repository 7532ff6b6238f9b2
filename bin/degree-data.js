#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm ci` (the "prepare" script).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    '命令行程序尚未编译，请先运行 npm ci（或 npm run build:cli）。 / The CLI is not built yet: run `npm ci` (or `npm run build:cli`) first.\n',
  );
  process.exit(2);
}
const { main } = require(entry);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
