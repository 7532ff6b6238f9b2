/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for node -r and webpack.config.js */
/**
 * Works around this project's installed package layout: with legacy-peer-deps, npm hoisted ajv@6 (ESLint's) to the
 * top of node_modules, where ajv-keywords@5 and ajv-draft-04 — which need ajv@8 as a peer — find it. Then
 * copy-webpack-plugin, webpack-dev-server (both through schema-utils) and the office-addin-* tools (through
 * @microsoft/app-manifest) fail with "Cannot find module 'ajv/dist/…'". This points those two packages' requests
 * for ajv at an ajv@8 that is installed anyway (schema-utils' own copy). It does nothing once the top-level ajv is
 * version 8. Loaded by webpack.config.js and, with `node -r`, by the office-addin-* scripts in package.json.
 */
const Module = require('module');
const path = require('path');

function majorOf(dir) {
  try {
    return Number(require(path.join(dir, 'package.json')).version.split('.')[0]);
  } catch {
    return undefined;
  }
}

function ajv8Base() {
  for (const owner of ['schema-utils', '@microsoft/app-manifest']) {
    try {
      const base = path.dirname(require.resolve(`${owner}/package.json`));
      if (majorOf(path.join(base, 'node_modules', 'ajv')) === 8) return base;
    } catch {
      // not installed
    }
  }
  return undefined;
}

let top;
try {
  top = path.dirname(require.resolve('ajv/package.json'));
} catch {
  top = undefined;
}

const base = top && majorOf(top) < 8 ? ajv8Base() : undefined;
if (base && !Module._resolveFilename.ajv8Compat) {
  const needsAjv8 = [`${path.sep}ajv-keywords${path.sep}`, `${path.sep}ajv-draft-04${path.sep}`];
  const original = Module._resolveFilename;
  const patched = function (request, parent, isMain, options) {
    if (
      (request === 'ajv' || request.startsWith('ajv/')) &&
      parent &&
      typeof parent.filename === 'string' &&
      needsAjv8.some((part) => parent.filename.includes(part))
    ) {
      return original.call(this, request, parent, isMain, { paths: [base] });
    }
    return original.call(this, request, parent, isMain, options);
  };
  patched.ajv8Compat = true;
  Module._resolveFilename = patched;
}
