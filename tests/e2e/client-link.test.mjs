// A client link from the real window (issue 22). run.sh starts a team server and hands its address
// and an AM's sign-in over: DEEPBRIEF_TEST_SERVER, DEEPBRIEF_TEST_USER, DEEPBRIEF_TEST_PASSWORD.
// Without them the test fails and names them (no silent skip).
//
// A brief with a contact and a follow-up meeting over two open questions (the budget, the company's
// name) is made with the CLI. Signed out, the meeting's «Ссылка для клиента» is disabled and says
// why. Signed in through Settings, the link is created from the keyboard (the button, Enter, the
// date field has the cursor with the meeting's day — later than today + 30 days — Enter) and shows «действует до …» with its
// address; the letter dialog says the letter carries it. Then the test is the client: it opens the
// page's API with the link's token (fetch, as the page would), saves both answers and submits. After
// «Синхронизировать сейчас» the board counts 2 «Ответы клиента» for the brief and the brief shows the
// panel «Ответы клиента: 2»; «Изменить и принять» opens the answer field with the client's value (Esc
// leaves it); «Принять» on the budget closes its gap (the question holds 300 000 ₽); «Отклонить» on
// the name refuses an empty comment, takes one with Ctrl+Enter and keeps the gap open. The link is
// revoked from the keyboard (the page answers 410 at once) and a new one made for what is still
// open, the revoked one under «Прежние ссылки: 1». Screenshots of each screen at
// 1024×700 and 1920×1080 land in target/e2e/client-link-*.png.

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
const CTRL = '\uE009';
const SHIFT = '\uE008';
/** Releases the modifier keys held down. */
const NULL = '\uE000';

const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-link-'));
const db = join(scratch, 'window.db');

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const { js, until, click, shots } = helpers(() => session);
const run = (args, input) =>
  execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8', input }).trim();

const textOf = (selector) =>
  js(`const e = document.querySelector(arguments[0]); return e ? e.innerText : '';`, selector);
const indicator = () => textOf('[data-testid="sync-indicator"]');
/** The keys of the open gaps the brief's panel lists. */
const openGaps = () =>
  js(`return [...document.querySelectorAll('[data-testid="gap-list"] [data-gap]')].map((e) => e.dataset.gap);`);

/** Calls the client's API as the page does: JSON, the page's CSRF header on writes. */
async function client(server, method, path, body, csrf) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers['x-deepbrief-csrf'] = csrf;
  const response = await fetch(`${server}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} -> ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function openBrief(client) {
  await click('Брифы', 'nav button');
  await session.waitFor('[data-testid="briefs-table"]');
  await click(client, '[data-testid="briefs-table"] button');
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 15_000 });
  await session.waitFor('[data-testid="followups"] [data-testid="client-link"]', { timeoutMs: 15_000 });
}

async function syncNow() {
  await click('Настройки', 'nav button');
  await click('Синхронизировать сейчас', '[data-testid="team-settings"] button');
  await until(indicator, (t) => /Синхронизировано/.test(t), 30_000, 'sync now did not end in «Синхронизировано»');
}

test('a client link made from a follow-up with the keyboard; the client answers; the AM accepts and rejects', { timeout: 300_000 }, async () => {
  const missing = NEEDED.filter((name) => !process.env[name]);
  assert.deepEqual(
    missing,
    [],
    `client-link.test.mjs needs a team server: set ${missing.join(', ')} (tests/e2e/run.sh starts one and sets them)`,
  );
  const server = process.env.DEEPBRIEF_TEST_SERVER;
  const user = process.env.DEEPBRIEF_TEST_USER;
  const password = process.env.DEEPBRIEF_TEST_PASSWORD;

  const brief = run([
    'brief', 'new', '--client', 'Шинный двор', '--project', 'Контекст', '--am', 'Анна Петрова',
    '--contact', 'Ирина Соколова;директор;+7 900 000-00-00;irina@example.ru',
  ]);
  const followup = JSON.parse(
    run([
      'followup', 'plan', brief, '--start', '2027-01-20T11:00',
      '--item', 'answer:marketing_budget', '--item', 'answer:company_name', '--json',
    ]),
  ).id;
  assert.ok(followup, 'the follow-up was not planned');

  session = await Session.start(app, ['--db', db]);
  await session.waitFor('[data-testid="briefs-table"]', { timeoutMs: 30_000 });

  // Signed out: the link cannot be made, and the box says why.
  await openBrief('Шинный двор');
  const start = '[data-testid="client-link"] [data-action="new-link"]';
  assert.equal(await js(`return document.querySelector(arguments[0]).disabled;`, start), true);
  assert.match(await textOf('[data-testid="client-link-blocked"]'), /подключён к командному серверу/);
  await shots('client-link-signed-out', '[data-testid="client-link"]');

  // Sign in through Settings, from the keyboard.
  await click('← Все брифы');
  await click('Настройки', 'nav button');
  await session.waitFor('[data-testid="team-settings"] form');
  const url = await session.find('[data-testid="team-settings"] input[name="url"]');
  await session.click(url);
  await session.type(url, `${server}${TAB}${user}${TAB}${password}${ENTER}`);
  await session.waitFor('[data-testid="team-waiting"]', { timeoutMs: 30_000 });
  await until(indicator, (t) => /Синхронизировано/.test(t), 30_000, 'the first sync did not end in «Синхронизировано»');

  // The link, from the keyboard: the focus on «Ссылка для клиента…», Enter, the date, Enter.
  await openBrief('Шинный двор');
  await until(
    () => js(`return document.querySelector(arguments[0])?.disabled;`, start),
    (disabled) => disabled === false,
    10_000,
    'signed in, «Ссылка для клиента…» is still disabled',
  );
  await js(`const b = document.querySelector(arguments[0]); b.scrollIntoView({block: 'center'}); b.focus();`, start);
  const button = await session.find(start);
  await session.type(button, ENTER);
  const date = await until(
    () =>
      js(`const a = document.activeElement; return a && a.closest('[data-testid="client-link"]') && a.tagName === 'INPUT' ? a.value : null;`),
    (value) => value !== null,
    5_000,
    'the date field did not take the focus',
  );
  // The app offers a month, or the meeting's day when that is later (the letter asks for the
  // answers before the meeting: the link it gives must still work then).
  const in30 = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const meeting = new Date(2027, 0, 20);
  const offered = in30 > meeting ? in30 : meeting;
  const pad = (n) => String(n).padStart(2, '0');
  assert.equal(date, `${pad(offered.getDate())}.${pad(offered.getMonth() + 1)}.${offered.getFullYear()}`);
  const field = await session.find('[data-testid="client-link"] input');
  await session.type(field, ENTER);
  await until(
    () => textOf('[data-testid="client-link-state"]'),
    (t) => /действует до/.test(t),
    30_000,
    'the link was not created',
  );
  assert.equal(
    await js(`return document.activeElement?.dataset.action ?? null;`),
    'copy',
    'the new link\'s «Копировать» should have the focus',
  );
  const link = await js(`return document.querySelector('[data-testid="client-link-url"]').value;`);
  assert.ok(link.startsWith(`${server}/c/`), `the link is not on the team server: ${link}`);
  const token = link.slice(`${server}/c/`.length);
  await shots('client-link-live', '[data-testid="client-link"]');

  // The letter says it carries the link, and the text has it.
  await click('Письмо клиенту', '[data-testid="followups"] button');
  await session.waitFor('[data-testid="letter"]');
  await until(
    () => js(`return document.querySelector('[data-testid="letter"] textarea').value;`),
    (text) => text.includes(link),
    10_000,
    'the letter does not carry the link',
  );
  assert.match(await textOf('[data-testid="letter-link"]'), /В письме есть ссылка для клиента/);
  await shots('client-link-letter', '[data-testid="letter"]');
  await click('Закрыть', '[data-testid="letter"] button');

  // The client: the page's data, both answers saved, then «Отправить».
  const page = await client(server, 'GET', `/v1/client/${token}`);
  const asked = page.groups.flatMap((g) => g.items.map((i) => i.id)).sort();
  assert.deepEqual(asked, ['company_name', 'marketing_budget']);
  await client(
    server,
    'PUT',
    `/v1/client/${token}/answers/marketing_budget`,
    { answer: { state: 'answered', value: { type: 'number', value: 300000 } } },
    page.csrf,
  );
  await client(
    server,
    'PUT',
    `/v1/client/${token}/answers/company_name`,
    { answer: { state: 'answered', value: { type: 'text', value: 'ИП Шинкин' } } },
    page.csrf,
  );
  await client(server, 'POST', `/v1/client/${token}/submit`, undefined, page.csrf);

  // The AM's sync brings the answers: the board counts them.
  await click('← Все брифы');
  await syncNow();
  await click('Проверка', 'nav button');
  const counted = await session.waitFor(`[data-brief="${brief}"] [data-testid="board-client-answers"]`);
  assert.match(await session.text(counted), /2/);
  await shots('client-link-board', '[data-testid="board-table"]');

  // The brief's panel: accept the budget, reject the name with a comment.
  await click('Шинный двор', '[data-testid="board-table"] button');
  await session.waitFor('[data-testid="client-answers"]', { timeoutMs: 15_000 });
  const panel = await textOf('[data-testid="client-answers"]');
  assert.match(panel, /Ответы клиента: 2/);
  assert.match(panel, /300\s000\s₽/);
  assert.match(panel, /ИП Шинкин/);
  assert.match(panel, /Ирина Соколова/);
  await shots('client-link-answers', '[data-testid="client-answers"]');
  assert.ok((await openGaps()).includes('answer:marketing_budget'), 'the budget was not a gap');

  const item = (question) => `[data-testid="client-answers"] [data-question-id="${question}"]`;
  // «Изменить и принять» opens the interview's answer field with the client's answer; Esc leaves it.
  await js(`document.querySelector(arguments[0] + ' [data-action="edit"]').click();`, item('marketing_budget'));
  const editing = await session.waitFor(`${item('marketing_budget')} .edit input`);
  assert.match(await session.property(editing, 'value'), /^300\s000$/);
  await shots('client-link-edit', item('marketing_budget'));
  await session.type(editing, '\uE00C');
  await until(
    () => js(`return document.activeElement?.dataset.action ?? null;`),
    (action) => action === 'edit',
    5_000,
    'Esc did not give the focus back to «Изменить и принять»',
  );
  await js(`document.querySelector(arguments[0] + ' [data-action="accept"]').click();`, item('marketing_budget'));
  await until(
    () => js(`return !document.querySelector(arguments[0]);`, item('marketing_budget')),
    (gone) => gone,
    15_000,
    'the accepted answer did not leave the panel',
  );
  await until(
    openGaps,
    (gaps) => !gaps.includes('answer:marketing_budget'),
    15_000,
    'the budget gap did not close after «Принять»',
  );
  // The meeting still lists the item, closed, in its question's words (never its key).
  await until(
    () => textOf('[data-item="answer:marketing_budget"]'),
    (t) => /Сколько вы готовы тратить/.test(t) && /закрыт/.test(t) && !/answer:/.test(t),
    10_000,
    'the closed item is not named by its question',
  );
  await click('Бюджет и экономика', 'nav[aria-label] button');
  await session.waitFor('[data-testid="answers"] [data-question="marketing_budget"] input');
  assert.match(
    await js(`return document.querySelector('[data-testid="answers"] [data-question="marketing_budget"] input').value;`),
    /^300\s000/,
  );

  // Rejecting wants a comment; from the keyboard: the button, Enter, the comment, Ctrl+Enter.
  await js(`document.querySelector(arguments[0] + ' [data-action="reject"]').click();`, item('company_name'));
  const comment = await session.waitFor(`${item('company_name')} textarea`);
  // An empty comment is refused in words, and nothing is sent.
  await session.type(comment, `${CTRL}${ENTER}${NULL}`);
  await until(
    () => textOf(item('company_name')),
    (t) => /без комментария отклонить нельзя/.test(t),
    5_000,
    'an empty comment was not refused',
  );
  await shots('client-link-reject', item('company_name'));
  await session.type(comment, `Нужно полное название с организационной формой${CTRL}${ENTER}${NULL}`);
  await session.waitUntil(`return !document.querySelector('[data-testid="client-answers"]');`, {
    timeoutMs: 15_000,
    message: 'the panel did not go once every answer was decided',
  });
  assert.ok((await openGaps()).includes('answer:company_name'), 'a rejected answer closed its gap');

  // Revoke from the keyboard: «Отозвать» asks first (the focus on «Отмена»), Shift+Tab to
  // «Отозвать ссылку», Enter. The page stops working at once; the focus moves to «Новая ссылка».
  const revoke = '[data-testid="client-link"] [data-action="revoke"]';
  await js(`const b = document.querySelector(arguments[0]); b.scrollIntoView({block: 'center'}); b.focus();`, revoke);
  await session.type(await session.find(revoke), ENTER);
  await until(
    () => js(`return document.activeElement?.dataset.action ?? null;`),
    (action) => action === 'revoke-cancel',
    5_000,
    '«Отозвать» did not ask first with the focus on «Отмена»',
  );
  await shots('client-link-revoke', '[data-testid="client-link"]');
  await session.type(await session.find('[data-action="revoke-cancel"]'), `${SHIFT}${TAB}${NULL}`);
  assert.equal(await js(`return document.activeElement?.dataset.action ?? null;`), 'revoke-yes');
  await session.type(await session.find('[data-action="revoke-yes"]'), ENTER);
  await until(
    () => textOf('[data-testid="client-link-state"]'),
    (t) => /отозвана/.test(t),
    15_000,
    'the link was not revoked',
  );
  assert.equal(await js(`return document.activeElement?.dataset.action ?? null;`), 'new-link');
  const gone = await fetch(`${server}/v1/client/${token}`);
  assert.equal(gone.status, 410, 'a revoked link still opens');
  assert.equal((await gone.json()).code, 'revoked');

  // A new link for what is still open (the rejected name); the revoked one folds under
  // «Прежние ссылки: 1».
  await session.type(await session.find(start), ENTER);
  await session.type(await session.find('[data-testid="client-link"] input'), ENTER);
  await until(
    () => textOf('[data-testid="client-link-state"]'),
    (t) => /действует до/.test(t),
    30_000,
    'the second link was not created',
  );
  const second = await js(`return document.querySelector('[data-testid="client-link-url"]').value;`);
  assert.notEqual(second, link, 'the new link has a new token');
  assert.match(await textOf('[data-testid="client-link-earlier"] summary'), /Прежние ссылки: 1/);
  await click('Прежние ссылки: 1', '[data-testid="client-link-earlier"] summary');
  assert.match(await textOf('[data-testid="client-link-earlier"] li'), /создана .*, отозвана /);
  await shots('client-link-earlier', '[data-testid="client-link"]');
  await until(indicator, (t) => /Синхронизировано|Ждут отправки|Синхронизация/.test(t), 10_000, 'the indicator is gone');
  await sleep(100);
});
