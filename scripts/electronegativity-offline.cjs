/**
 * Preloaded (`node --require`) into electronegativity so it never reaches
 * the network: the tool downloads translations and Electron's release list
 * with `got` on every run. Here `got` rejects at once, and the tool falls
 * back to its bundled English texts and skips the release-list lookup (the
 * Electron version is pinned and reviewed in package.json instead).
 */
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithoutNetwork(request, parent, isMain) {
  if (request === 'got') {
    return () => Promise.reject(new Error('electronegativity runs offline: no network lookups'));
  }
  return load.call(this, request, parent, isMain);
};
