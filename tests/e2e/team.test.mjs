// The window signed in to a real team server (issue 21). run.sh starts the server and hands its
// address and an AM's sign-in over: DEEPBRIEF_TEST_SERVER, DEEPBRIEF_TEST_USER,
// DEEPBRIEF_TEST_PASSWORD. Without them the test fails and names them (no silent skip).
//
// Signed out, the sync indicator says «Без сервера»; plain http to another computer is refused in
// words under the form; the sign-in through Settings is typed with the keyboard (Tab between the
// fields, Enter signs in) and the indicator comes to «Синхронизировано»; an answer typed in the
// interview goes out by itself and the indicator comes back to «Синхронизировано» with nothing
// waiting. Then a second computer (the CLI, signed in as the same person) and the window change one
// answer without seeing each other: the brief shows «Конфликт правок: 1» with both values, the
// question is marked, the board counts it; «Оставить этот вариант» settles it. Screenshots of the
// refused sign-in, the signed-in Settings, the conflict and the board at 1024×700 and 1920×1080 land
// in target/e2e/team-*.png.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { app, cli, helpers, sleep } from './support.mjs';
import { Session } from './webdriver.mjs';

const NEEDED = ['DEEPBRIEF_TEST_SERVER', 'DEEPBRIEF_TEST_USER', 'DEEPBRIEF_TEST_PASSWORD'];
const TAB = '\uE004';
const ENTER = '\uE007';

const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-team-'));
const db = join(scratch, 'window.db');
const other = join(scratch, 'other.db');

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const { js, until, saved, click, shots } = helpers(() => session);
const run = (database, args, input) =>
  execFileSync(cli, ['--db', database, ...args], { encoding: 'utf8', input }).trim();

const indicator = () =>
  js(`const i = document.querySelector('[data-testid="sync-indicator"]'); return i ? i.innerText.trim() : '';`);

async function indicatorSays(pattern, ms, message) {
  return until(indicator, (text) => pattern.test(text), ms, message);
}

test('signed in through Settings from the keyboard, an answer goes out, a conflict of edits is settled', { timeout: 300_000 }, async () => {
  const missing = NEEDED.filter((name) => !process.env[name]);
  assert.deepEqual(
    missing,
    [],
    `team.test.mjs needs a team server: set ${missing.join(', ')} (tests/e2e/run.sh starts one and sets them)`,
  );
  const server = process.env.DEEPBRIEF_TEST_SERVER;
  const user = process.env.DEEPBRIEF_TEST_USER;
  const password = process.env.DEEPBRIEF_TEST_PASSWORD;

  const brief = run(db, ['brief', 'new', '--client', 'Колесо', '--project', 'Команда', '--am', 'Анна Петрова']);
  session = await Session.start(app, ['--db', db]);
  await session.waitFor('[data-testid="briefs-table"]', { timeoutMs: 30_000 });
  await indicatorSays(/Без сервера/, 10_000, 'signed out, the indicator should say «Без сервера»');

  // Settings → «Командный сервер», from the keyboard.
  await click('Настройки', 'nav button');
  await session.waitFor('[data-testid="team-settings"] form');
  const url = await session.find('[data-testid="team-settings"] input[name="url"]');
  await session.click(url);
  await session.type(url, `http://team.example${TAB}${user}${TAB}${password}${ENTER}`);
  const refusal = await until(
    () => js(`const e = document.querySelector('[data-testid="team-error"]'); return e ? e.innerText : '';`),
    (text) => text !== '',
    15_000,
    'plain http to another computer was not refused under the form',
  );
  assert.match(refusal, /Не удалось войти/);
  assert.match(refusal, /незашифрованным/);
  await shots('team-sign-in-refused', '[data-testid="team-settings"]');

  await session.clear(url);
  await session.click(url);
  await session.type(url, server);
  const secret = await session.find('[data-testid="team-settings"] input[name="password"]');
  await session.click(secret);
  await session.type(secret, ENTER);
  await session.waitFor('[data-testid="team-waiting"]', { timeoutMs: 30_000 });
  await indicatorSays(/Синхронизировано/, 30_000, 'the first sync did not end in «Синхронизировано»');
  await shots('team-settings-signed-in', '[data-testid="team-settings"]');

  // An answer typed in the interview goes out by itself.
  await click('Брифы', 'nav button');
  await session.waitFor('[data-testid="briefs-table"]');
  await click('Колесо', '[data-testid="briefs-table"] button');
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 15_000 });
  await click('Бюджет и экономика', 'nav[aria-label] button');
  await sleep(200);
  const budget = await session.find('[data-question="marketing_budget"] input');
  await session.click(budget);
  await session.type(budget, `250 000${TAB}`);
  await saved(15_000);
  await indicatorSays(/Ждут отправки: 1|Синхронизация…/, 15_000, 'the saved answer was not counted as waiting');
  await indicatorSays(/Синхронизировано/, 30_000, 'the answer did not go out by itself');
  const status = JSON.parse(run(db, ['team', 'status', '--json']));
  assert.equal(status.waiting, 0, 'the window says synced but briefs still wait');

  // A second computer: the CLI, signed in as the same person, receives the brief.
  run(other, ['team', 'login', server, '--user', user, '--device', 'second'], `${password}\n`);
  run(other, ['sync']);
  // Both change the budget without seeing each other: the CLI first, not yet synced; then the window.
  run(other, ['brief', 'answer', brief, 'marketing_budget', '300000']);
  await session.clear(budget);
  await session.click(budget);
  await session.type(budget, `275 000${TAB}`);
  await saved(15_000);
  await indicatorSays(/Синхронизировано/, 30_000, "the window's change did not go out");
  // The CLI pushes its side (and learns of the conflict); the window pulls it at the next round.
  run(other, ['sync']);
  await click('Настройки', 'nav button');
  await click('Синхронизировать сейчас', '[data-testid="team-settings"] button');
  await indicatorSays(/Синхронизировано/, 30_000, 'sync now did not end in «Синхронизировано»');

  // The brief shows the conflict with both sides; keeping the window's settles it.
  await click('Брифы', 'nav button');
  await session.waitFor('[data-testid="briefs-table"]');
  await click('Колесо', '[data-testid="briefs-table"] button');
  await session.waitFor('[data-testid="conflicts"]', { timeoutMs: 15_000 });
  const banner = await js(`return document.querySelector('[data-testid="conflicts"]').innerText;`);
  assert.match(banner, /Конфликт правок: 1/);
  assert.match(banner, /300\s000\s₽/);
  assert.match(banner, /275\s000\s₽/);
  await click('Бюджет и экономика', 'nav[aria-label] button');
  await session.waitFor('[data-question="marketing_budget"] [data-testid="conflict-mark"]');
  await shots('team-conflict', '[data-testid="conflicts"]');

  await click('← Все брифы');
  await click('Проверка', 'nav button');
  const counted = await session.waitFor(`[data-brief="${brief}"] [data-testid="board-conflicts"]`);
  assert.match(await session.text(counted), /1/);
  await shots('team-board', '[data-testid="board-table"]');

  await click('Колесо', '[data-testid="board-table"] button');
  await session.waitFor('[data-testid="conflicts"]', { timeoutMs: 15_000 });
  const kept = await js(
    `const side = [...document.querySelectorAll('[data-testid="conflicts"] .sides li')]
       .find((li) => /275\\s000/.test(li.innerText));
     if (!side) return false;
     side.querySelector('button').click();
     return true;`,
  );
  assert.ok(kept, "no side with the window's value");
  await session.waitUntil(`return !document.querySelector('[data-testid="conflicts"]');`, {
    timeoutMs: 15_000,
    message: 'the conflict did not close after «Оставить этот вариант»',
  });
  await click('Бюджет и экономика', 'nav[aria-label] button');
  await session.waitFor('[data-question="marketing_budget"] input');
  assert.equal(
    await js(`return !!document.querySelector('[data-question="marketing_budget"] [data-testid="conflict-mark"]');`),
    false,
    'the question is still marked after the conflict was settled',
  );
  assert.match(
    await js(`return document.querySelector('[data-question="marketing_budget"] input').value;`),
    /^275\s000/,
  );
  await indicatorSays(/Синхронизировано/, 30_000, 'the settlement did not go out');
});
