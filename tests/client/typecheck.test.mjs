// The client page's script is plain JavaScript with JSDoc types: tsc checks it (strict) against the
// TypeScript bindings `cargo test` generates from the server's types (ui/src/lib/bindings), so a
// changed ClientPage, ClientItem or Answer breaks this test rather than the page. Also keeps the
// page small and free of markup built from strings.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const assets = join(repo, 'crates/server/assets/client');

test('client.js type-checks against the generated bindings (tsc --strict --checkJs)', () => {
  const tsc = join(repo, 'ui/node_modules/.bin/tsc');
  assert.ok(statSync(tsc, { throwIfNoEntry: false }), `${tsc} is missing: run 'npm --prefix ui ci'`);
  const run = spawnSync(tsc, ['-p', join(assets, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc found problems:\n${run.stdout}${run.stderr}`);
});

test('the page builds no markup from strings and loads nothing from elsewhere', () => {
  const js = readFileSync(join(assets, 'client.js'), 'utf8');
  const code = js.replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
  for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
    assert.ok(!code.includes(sink), `client.js uses ${sink}`);
  }
  const html = readFileSync(join(assets, 'page.html'), 'utf8');
  assert.ok(!/<script>|<script [^>]*>[^<]|style=|<style/.test(html), 'inline script or style in page.html');
  for (const text of [js, html, readFileSync(join(assets, 'client.css'), 'utf8')]) {
    assert.ok(!/https?:\/\/(?!127\.0\.0\.1)/.test(text.replace(/https:\/\/…/g, '')), 'an absolute URL (a third-party request?)');
  }
});

test('the page stays small: HTML + JS + CSS under 64 KB as written (the server gzips them to ~18 KB)', () => {
  const bytes = ['page.html', 'client.js', 'client.css'].reduce((n, f) => n + statSync(join(assets, f)).size, 0);
  assert.ok(bytes < 64 * 1024, `${bytes} bytes`);
});
