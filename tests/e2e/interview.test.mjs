// The interview in the real window: create a brief, answer a question of every kind, restart the app
// and find every answer, make a conditional question appear, mark "doesn't know" and see the gap and
// the follow-up item, type markup and see it shown literally, import a bundle made by the CLI.
//
// Run through ./run.sh (Xvfb, tauri-driver); E2E_APP is the app binary, E2E_CLI the CLI beside it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { app, cli, helpers, sleep } from './support.mjs';
import { Session } from './webdriver.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-e2e-'));
const db = join(scratch, 'deepbrief.db');
const bundle = join(scratch, 'from-cli.deepbrief');
const HOSTILE = '<img src=x onerror=alert(1)>';

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const { js, pageText, until, saved: savedWithin, shot } = helpers(() => session);
const saved = () => savedWithin(15_000);

async function start() {
  if (session) await session.delete().catch(() => {});
  session = await Session.start(app, ['--db', db, '--e2e-pick', bundle]);
  await session.waitFor('[data-testid="briefs-table"], .empty', { timeoutMs: 30_000 });
}

/** Clicks the first element matching `selector` whose text contains `text`. */
async function clickText(selector, text) {
  const ok = await js(
    `const el = [...document.querySelectorAll(arguments[0])].find((e) => e.textContent.includes(arguments[1]));
     if (!el) return false; el.scrollIntoView({block: 'center'}); el.click(); return true;`,
    selector,
    text,
  );
  assert.ok(ok, `no ${selector} with text "${text}"`);
}

/** Sets the value of the nth input/textarea of a question the way typing does (input events). */
async function fill(question, value, nth = 0, selector = 'input:not([type=radio]):not([type=checkbox]), textarea') {
  const ok = await js(
    `const q = document.querySelector('[data-question="' + arguments[0] + '"]');
     if (!q) return 'no question ' + arguments[0];
     const el = q.querySelectorAll(arguments[3])[arguments[2]];
     if (!el) return 'no field in ' + arguments[0];
     el.scrollIntoView({block: 'center'});
     el.focus();
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', {bubbles: true}));
     el.dispatchEvent(new Event('change', {bubbles: true}));
     el.blur();
     return true;`,
    question,
    value,
    nth,
    selector,
  );
  assert.equal(ok, true, String(ok));
}

/** Clicks the nth radio or checkbox of a question. */
async function pick(question, nth = 0) {
  const ok = await js(
    `const q = document.querySelector('[data-question="' + arguments[0] + '"]');
     const el = q && q.querySelectorAll('input[type=radio], input[type=checkbox]')[arguments[1]];
     if (!el) return false; el.scrollIntoView({block: 'center'}); el.click(); return true;`,
    question,
    nth,
  );
  assert.ok(ok, `no choice ${nth} in ${question}`);
}

/** Clicks a button of a question by its text. */
async function press(question, text) {
  const ok = await js(
    `const q = document.querySelector('[data-question="' + arguments[0] + '"]');
     const el = q && [...q.querySelectorAll('button')].find((b) => b.textContent.includes(arguments[1]));
     if (!el) return false; el.click(); return true;`,
    question,
    text,
  );
  assert.ok(ok, `no button "${text}" in ${question}`);
}

async function section(title) {
  await clickText('nav[aria-label] button', title);
  await sleep(150);
}

// What every kind gets, and how to read it back from the field.
const ANSWERS = [
  ['Компания', 'company_name', 'short_text', () => fill('company_name', `ООО «Колесо» ${HOSTILE}`)],
  ['Компания', 'company_offer', 'long_text', () => fill('company_offer', 'Шины и диски; шиномонтаж')],
  ['Цель', 'goal_metric', 'single_choice', () => pick('goal_metric', 1)],
  ['Цель', 'goal_target', 'number', () => fill('goal_target', '150')],
  ['Цель', 'goal_deadline', 'date', () => fill('goal_deadline', '2027-06-01')],
  ['Бюджет и экономика', 'marketing_budget', 'money', () => fill('marketing_budget', '250000')],
  ['Аудитория', 'audience_online', 'list', () => fill('audience_online', 'Авито')],
  ['Цепочка продаж', 'sales_lead_channels', 'multi_choice', () => pick('sales_lead_channels', 0)],
  ['Цепочка продаж', 'sales_conversion', 'percent', () => fill('sales_conversion', '12')],
  ['Цепочка продаж', 'deal_cycle_days', 'duration', () => fill('deal_cycle_days', '3')],
  ['Выполнение заказа', 'process_docs', 'link', () => fill('process_docs', 'https://koleso.example/docs')],
  ['Преимущества', 'product_unique', 'yes_no', () => pick('product_unique', 1)],
  ['Преимущества', 'competition_intensity', 'scale', () => pick('competition_intensity', 3)],
];

test('create a brief, answer every kind, restart and find every answer', { timeout: 300_000 }, async () => {
  await start();
  await clickText('button', 'Новый бриф');
  await session.waitFor('[role="dialog"]');
  const set = (label, value) =>
    js(
      `const l = [...document.querySelectorAll('[role=dialog] label')].find((x) => x.textContent.trim().startsWith(arguments[0]));
       const el = l ? l.querySelector('input') : document.querySelector('[role=dialog] input[aria-label="' + arguments[0] + '"]');
       el.value = arguments[1]; el.dispatchEvent(new Event('input', {bubbles: true})); return true;`,
      label,
      value,
    );
  await set('Клиент', 'Колесо');
  await set('Проект', 'Сайт и регионы');
  await set('Менеджер', 'Анна');
  await set('Имя', 'Ирина Петрова');
  await clickText('[role=dialog] button[type=submit]', 'Создать');
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 15_000 });

  for (const [sectionTitle, , , act] of ANSWERS) {
    await section(sectionTitle);
    await act();
  }
  // Table and contact kinds, from the client team section.
  await section('Команда клиента');
  await fill('client_responsible', 'Ирина Петрова', 0);
  await press('client_team_members', '+');
  await sleep(100);
  await fill('client_team_members', 'Олег', 0);
  await saved();
  await shot('interview');

  // The conditional question: "product is not unique" (picked above: no) shows advantages_company.
  await section('Преимущества');
  const shown = await js(`return !!document.querySelector('[data-question="advantages_company"]');`);
  assert.ok(shown, 'the conditional question appeared after "not unique"');

  // Restart: every answer is still there.
  await start();
  await clickText('[data-testid="briefs-table"] button', 'Колесо');
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 15_000 });
  const values = {};
  for (const [sectionTitle, id] of ANSWERS) {
    await section(sectionTitle);
    values[id] = await js(
      `const q = document.querySelector('[data-question="' + arguments[0] + '"]');
       if (!q) return null;
       const checked = [...q.querySelectorAll('input[type=radio], input[type=checkbox]')].filter((e) => e.checked).length;
       const texts = [...q.querySelectorAll('input:not([type=radio]):not([type=checkbox]), textarea')].map((e) => e.value).filter(Boolean);
       return {checked, texts};`,
      id,
    );
  }
  for (const [, id, kind] of ANSWERS) {
    const v = values[id];
    assert.ok(v, `${kind} question ${id} is shown after restart`);
    assert.ok(v.checked > 0 || v.texts.length > 0, `${kind} answer to ${id} survived the restart: ${JSON.stringify(v)}`);
  }
  assert.ok(values.company_name.texts[0].includes(HOSTILE), 'hostile text kept byte for byte');
  assert.equal(await js(`return document.querySelectorAll('img').length;`), 0, 'markup never became an element');
});

test('"doesn\'t know" becomes a gap and a follow-up item; markup stays literal', { timeout: 180_000 }, async () => {
  await start();
  await clickText('[data-testid="briefs-table"] button', 'Колесо');
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 15_000 });
  await section('Компания');
  await press('company_offer', 'Клиент не знает');
  await saved();
  await until(
    () => js(`return !!document.querySelector('[data-gap="answer:company_offer"]');`),
    (v) => v === true,
    10_000,
    'no gap for the unknown answer',
  );
  const gap = await js(`return document.querySelector('[data-gap="answer:company_offer"]').innerText;`);
  assert.match(gap, /вы продаёте/);
  await clickText('button', 'Запланировать уточняющую встречу');
  await session.waitFor('form[aria-label]');
  const itemListed = await js(
    `return [...document.querySelectorAll('form[aria-label] label')].some((l) => l.textContent.includes('вы продаёте'));`,
  );
  assert.ok(itemListed, 'the unknown answer is a follow-up item');
  await clickText('form[aria-label] button[type=submit]', '');
  await session.waitFor('[data-testid="followups"]', { timeoutMs: 10_000 });
  await session.waitFor('[data-testid="letter"] textarea', { timeoutMs: 10_000 });
  const letter = await js(`return document.querySelector('[data-testid="letter"] textarea').value;`);
  assert.match(letter, /вы продаёте/);
  await shot('letter');
  // The letter is a dialog over the window: closed, the interview is back.
  await clickText('[data-testid="letter"] button', 'Закрыть');
  await until(
    () => js(`return !document.querySelector('[data-testid="letter"]');`),
    (gone) => gone,
    5_000,
    'the letter dialog closes',
  );
  // The hostile answer, in the question's history: shown as text, never as an element.
  await js(`document.querySelector('[data-question="company_name"] input').focus();`);
  await clickText('button', 'История вопроса');
  await session.waitFor('[data-testid="history"]', { timeoutMs: 10_000 });
  const history = await js(`return document.querySelector('[data-testid="history"]').innerText;`);
  assert.ok(history.includes(HOSTILE), `the hostile answer is shown literally: ${history}`);
  assert.equal(await js(`return document.querySelectorAll('img').length;`), 0);
  await shot('gaps');
});

test('a bundle made by the CLI imports into the app', { timeout: 120_000 }, async () => {
  const other = join(scratch, 'cli.db');
  const run = (...args) => execFileSync(cli, ['--db', other, ...args], { encoding: 'utf8' }).trim();
  const id = run('brief', 'new', '--client', 'Шиномонтаж 24', '--project', 'Контекст', '--am', 'Олег', '--service', 'ppc');
  run('brief', 'answer', id, 'company_name', 'ИП Смирнов');
  run('bundle', 'export', id, '-o', bundle);
  await start();
  await clickText('button', 'Импорт брифа');
  await until(
    () => pageText(),
    (t) => t.includes('Шиномонтаж 24'),
    10_000,
    'the imported brief is not listed',
  );
  await shot('briefs');
});
