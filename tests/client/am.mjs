// The AM's side of the client page's tests and benchmark, through the real `deepbrief` CLI: sign in
// to the team server, make a brief over the test checklist (tests/client/checklists: one question of
// every kind), plan a follow-up over its questions, sync, make the client link. run.sh provides the
// environment.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** An environment variable run.sh sets. */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests/client/run.sh`);
  return value;
}

export const server = env('CLIENT_E2E_SERVER');
export const scratch = env('CLIENT_E2E_SCRATCH');
const cli = process.env.CLIENT_E2E_CLI ?? join(repo, 'target/debug/deepbrief');
const checklists = join(repo, 'tests/client/checklists');
const db = join(scratch, 'anna.db');

/** The test checklist's questions, in its order: one of every kind, and two more for «не знаю» and «пришлю позже». */
export const QUESTIONS = [
  'ce_brand', 'ce_story', 'ce_orders', 'ce_budget', 'ce_share', 'ce_delivery', 'ce_launch',
  'ce_warranty', 'ce_certificates', 'ce_crm', 'ce_channel', 'ce_regions', 'ce_speed',
  'ce_competitors', 'ce_prices', 'ce_contact', 'ce_price_list',
];

/** Runs the deepbrief CLI as the AM; returns stdout; fails unless it exits with one of `ok`. */
export function deepbrief(args, { input, ok = [0] } = {}) {
  const run = spawnSync(cli, ['--db', db, '--checklists', checklists, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DEEPBRIEF_AS: 'Анна Смирнова' },
  });
  assert.ok(
    ok.includes(run.status),
    `deepbrief ${args.join(' ')} exited ${run.status}:\n${run.stdout}\n${run.stderr}`,
  );
  return run.stdout;
}

/** The CLI's JSON output of `args … --json`. */
export const cliJson = (args, opts) => JSON.parse(deepbrief([...args, '--json'], opts));

/** `YYYY-MM-DD` `days` from today (local). */
export function isoIn(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Signs the AM's database in to the team server (user `anna`, run.sh's password). */
export function signIn() {
  deepbrief(['team', 'login', server, '--user', 'anna'], { input: `${env('CLIENT_E2E_AM_PASSWORD')}\n` });
}

/**
 * A brief in `lang` over the test checklist (`only`: just these of its questions in the follow-up),
 * a follow-up planned over them, synced, and `links` client links to it: {brief, followup, link,
 * links, keys}.
 */
export function briefWithLink(lang, { only = null, links = 1 } = {}) {
  const brief = deepbrief([
    'brief', 'new',
    '--client', lang === 'en' ? 'Koleso Ltd' : 'ООО «Колесо»',
    '--project', lang === 'en' ? 'Tyre ads' : 'Реклама шин',
    '--am', 'Анна Смирнова',
    '--service', 'client_e2e',
    '--brief-lang', lang,
    '--contact', 'Ирина Петрова;маркетолог;+7 900 000-00-00;irina@koleso.example',
  ]).trim();
  // The price list was promised for yesterday and has not come: an overdue item, which the link
  // asks as a document (files may be attached there).
  if (!only || only.includes('ce_price_list')) {
    deepbrief(['brief', 'answer', brief, 'ce_price_list', '--later', isoIn(-1)]);
  }
  const report = cliJson(['gaps', brief], { ok: [3] });
  const keys = report.gaps
    .filter((g) => g.questions?.some((q) => QUESTIONS.includes(q) && (!only || only.includes(q))))
    .map((g) => g.key);
  assert.ok(keys.length >= (only ?? QUESTIONS).length, `gaps of the test checklist: ${keys.join(' ')}`);
  const followup = cliJson([
    'followup', 'plan', brief,
    '--start', `${isoIn(7)}T10:00`,
    ...keys.flatMap((k) => ['--item', k]),
  ]).id;
  deepbrief(['sync']);
  const made = [];
  for (let i = 0; i < links; i++) {
    const link = cliJson(['followup', 'link', followup]);
    assert.match(link.url, /^http:\/\/127\.0\.0\.1:\d+\/c\/[A-Za-z0-9_-]{20,}$/, JSON.stringify(link));
    made.push(link);
  }
  return { brief, followup, link: made[0], links: made, keys };
}
