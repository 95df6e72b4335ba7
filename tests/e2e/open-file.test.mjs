// A brief file opened from the file manager: the desktop entry starts the app with the file's path
// (`Exec=deepbrief-desktop %F`). The app imports it and opens the brief; a file it refuses is named
// with the reason, and the app stays usable.
//
// Run through ./run.sh (Xvfb, tauri-driver); E2E_APP is the app binary, E2E_CLI the CLI (by default
// the one beside the app).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Session } from './webdriver.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = process.env.E2E_APP ?? join(repo, 'target/debug/deepbrief-desktop');
const cli = process.env.E2E_CLI ?? join(dirname(app), 'deepbrief');
const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-open-'));

let session;
afterEach(async () => {
  if (session) await session.delete().catch(() => {});
  session = undefined;
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(check, ms, message) {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = await session.execute('return document.body ? document.body.innerText : "";');
    if (check(text)) return text;
    if (Date.now() > deadline) throw new Error(`${message}; page text:\n${text}`);
    await sleep(150);
  }
}

test('a double-clicked brief file is imported and opened', { timeout: 180_000 }, async () => {
  const db = join(scratch, 'other-machine.db');
  const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
  const id = run('brief', 'new', '--client', 'Колёса Урала', '--project', 'Сайт', '--am', 'Ирина', '--service', 'seo');
  run('brief', 'answer', id, 'company_name', 'ООО «Колёса Урала»');
  const file = join(scratch, 'Колёса Урала.deepbrief');
  run('bundle', 'export', id, '-o', file);

  session = await Session.start(app, [file]);
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 30_000 });
  const text = await until((t) => t.includes('Колёса Урала'), 15_000, 'the opened brief is not shown');
  assert.ok(text.includes('ООО «Колёса Урала»') || text.includes('Колёса Урала'), text);
});

test('a brief file that is not a brief is refused with its name, and the app still works', { timeout: 180_000 }, async () => {
  const file = join(scratch, 'broken.deepbrief');
  writeFileSync(file, 'this is not a brief');
  session = await Session.start(app, [file]);
  const text = await until((t) => t.includes('broken.deepbrief'), 30_000, 'the refused file is not named');
  assert.ok(text.includes('не открыт') || text.includes('was not opened'), text);
  const interview = await session.execute(
    'return document.querySelector(\'[data-testid="interview"]\') !== null;',
  );
  assert.equal(interview, false, 'no brief is opened for a refused file');
  // The briefs list is still there behind the message.
  await session.waitFor('nav.tabs button', { timeoutMs: 10_000 });
});
