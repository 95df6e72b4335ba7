// A keyboard-only interview in the real window: the brief is created from the keyboard, the first
// question has focus, and every answer kind of the core checklist is answered with WebDriver key
// actions alone — no clicks, no element clicks, no values set by script. Enter / Ctrl+Enter go to the
// next question, Alt+↓ to the next section, Alt+1/2/3 mark the answer states; then the answers are
// read back from the database through the CLI, and the history of one typed answer is one change.
//
// Run through ./run.sh (Xvfb, tauri-driver); E2E_APP is the app binary, E2E_CLI the CLI beside it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Session, command } from './webdriver.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = process.env.E2E_APP ?? join(repo, 'target/debug/deepbrief-desktop');
const cli = process.env.E2E_CLI ?? join(dirname(app), 'deepbrief');
const outDir = process.env.E2E_OUT_DIR ?? join(repo, 'target/e2e');
const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-keys-'));
const db = join(scratch, 'deepbrief.db');

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const js = (body, ...args) => session.execute(body, args);

// WebDriver key codes.
const ENTER = '\uE007';
const TAB = '\uE004';
const CTRL = '\uE009';
const ALT = '\uE00A';
const DOWN = '\uE015';
const SPACE = ' ';

/**
 * Presses keys through the WebDriver actions API, the way a keyboard does: each item is a string
 * typed character by character, or `[modifier, key]` pressed as a chord.
 */
async function keys(...items) {
  const actions = [];
  for (const item of items) {
    if (Array.isArray(item)) {
      const [mod, key] = item;
      actions.push(
        { type: 'keyDown', value: mod },
        { type: 'keyDown', value: key },
        { type: 'keyUp', value: key },
        { type: 'keyUp', value: mod },
      );
    } else {
      for (const ch of item) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    }
  }
  await command('POST', `/session/${session.id}/actions`, {
    actions: [{ type: 'key', id: 'keyboard', actions }],
  });
  await command('DELETE', `/session/${session.id}/actions`);
}

/** The question the focused element belongs to (its id), or what has focus when it is none. */
const focusedQuestion = () =>
  js(`const el = document.activeElement;
      const q = el && el.closest('[data-question]');
      return q ? q.dataset.question : (el ? el.tagName + '.' + el.className + ':' + (el.textContent || '').trim() : null);`);

async function expectFocus(question, step) {
  const deadline = Date.now() + 5_000;
  let at;
  for (;;) {
    at = await focusedQuestion();
    if (at === question) return;
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  assert.equal(at, question, `${step}: focus should be in ${question}`);
}

/** The whole focused question is inside the viewport and below the sticky header. */
async function expectInView(question) {
  const box = await js(
    `const q = document.querySelector('[data-question="' + arguments[0] + '"]');
     const head = document.querySelector('.interview .head').getBoundingClientRect();
     const r = q.getBoundingClientRect();
     return { top: r.top, bottom: r.bottom, head: head.bottom, height: innerHeight };`,
    question,
  );
  if (box.bottom - box.top < box.height - box.head) {
    assert.ok(box.top >= box.head - 1 && box.bottom <= box.height + 1, `${question} in view: ${JSON.stringify(box)}`);
  }
}

async function saved() {
  await session.waitUntil(
    `const s = document.querySelector('[data-testid="save-state"]');
     return s && /Сохранено/.test(s.innerText);`,
    { timeoutMs: 10_000, message: 'the save state says "saved"' },
  );
}

test('an interview from the keyboard alone, every answer kind', { timeout: 600_000 }, async () => {
  session = await Session.start(app, ['--db', db]);
  await session.waitFor('[data-testid="briefs-table"], .empty', { timeoutMs: 60_000 });

  // The new-brief dialog from the keyboard: Tab to «Новый бриф», Enter; its first field has focus.
  await js(`document.activeElement && document.activeElement.blur();`);
  for (let i = 0; i < 20; i += 1) {
    await keys(TAB);
    const label = await js(`return document.activeElement ? document.activeElement.textContent.trim() : '';`);
    if (label === 'Новый бриф') break;
  }
  await keys(ENTER);
  await session.waitFor('[role=dialog]');
  await keys('Колесо', TAB, 'Сайт');
  // To the manager field and the first contact's name, by their labels (Tab order is the form's).
  for (const [label, text] of [
    ['Менеджер', 'Анна'],
    ['Имя', 'Ирина Петрова'],
  ]) {
    for (let i = 0; i < 25; i += 1) {
      const at = await js(
        `const el = document.activeElement;
         const l = el && (el.closest('label') || (el.id && document.querySelector('label[for="' + el.id + '"]')));
         return (l ? l.textContent : '') + '|' + (el && el.getAttribute('aria-label') || '');`,
      );
      if (at.split('|').some((s) => s.trim().startsWith(label))) break;
      await keys(TAB);
    }
    await keys(text);
  }
  // Enter in a field submits the form: «Создать и начать интервью».
  await keys(ENTER);
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 20_000 });

  // Компания: the first question has focus; short text, Enter; long text, Ctrl+Enter.
  await expectFocus('company_name', 'after creating the brief');
  await keys('ООО «Колесо»', ENTER);
  await expectFocus('company_offer', 'Enter after a short text');
  await expectInView('company_offer');
  await keys('Шины и диски, шиномонтаж', [CTRL, ENTER]);
  // From the last question to «Следующий раздел», Enter opens it with its first question focused.
  const next = await js(`return document.activeElement && document.activeElement.dataset.testid;`);
  assert.equal(next, 'next-section', 'Ctrl+Enter on the last question goes to «Следующий раздел»');
  await keys(ENTER);

  // Цель: long text, single choice (Space picks, arrows move), numbers, a date typed as digits, money.
  await expectFocus('goal_statement', 'the next section');
  await keys('Больше заявок из регионов', [CTRL, ENTER]);
  await expectFocus('goal_metric', 'to a single choice');
  await keys(SPACE, DOWN, ENTER);
  await expectFocus('goal_baseline', 'Enter after a choice');
  await keys('100', ENTER, '150', ENTER);
  await expectFocus('goal_deadline', 'to the date');
  await keys('01032027', ENTER);
  await expectFocus('goal_rationale', 'Enter after the date');
  // The client doesn't know: Alt+1 keeps the cursor in the question; Ctrl+Enter goes on, here from
  // the section's last question to «Следующий раздел».
  await keys([ALT, '1']);
  await expectFocus('goal_rationale', 'Alt+1 keeps the cursor in the question');
  await keys([CTRL, ENTER]);
  assert.equal(
    await js(`return document.activeElement && document.activeElement.dataset.testid;`),
    'next-section',
    'Ctrl+Enter after Alt+1 on the last question goes to «Следующий раздел»',
  );
  await keys(ENTER);

  // Бюджет и экономика: money, then on to the next section with Alt+↓.
  await expectFocus('marketing_budget', 'the economics section');
  await keys('250000', ENTER);
  await expectFocus('gross_margin', 'Enter after money');
  await saved();

  // Аудитория: single choice, long text, will send later with its date, not applicable with its
  // reason, a list (Enter adds the next item).
  await keys([ALT, DOWN]);
  await expectFocus('audience_type', 'the audience section');
  await keys(SPACE, ENTER);
  await keys('Владельцы легковых машин', [CTRL, ENTER]);
  await expectFocus('audience_expectations', 'to expectations');
  await keys([ALT, '2'], '15.12.2026', [CTRL, ENTER]);
  await expectFocus('audience_fears', 'after Alt+2');
  await keys([ALT, '3'], 'Клиент не работает с возражениями', [CTRL, ENTER]);
  await expectFocus('audience_online', 'after Alt+3');
  await keys('Авито', ENTER, 'Дром', [CTRL, ENTER]);
  await saved();

  // Цепочка продаж: several choices (Space on a checkbox, Tab to the next), percent, duration.
  await keys([ALT, DOWN]);
  await expectFocus('sales_lead_channels', 'Alt+↓ to the sales chain');
  await keys(SPACE, TAB, SPACE, ENTER);
  await keys('Менеджер перезванивает', [CTRL, ENTER]);
  await keys('40', ENTER, '12', ENTER, '3', ENTER);
  await saved();

  // Выполнение заказа: a link.
  await keys([ALT, DOWN]);
  await expectFocus('fulfilment_steps', 'Alt+↓ to fulfilment');
  await keys('Склад, монтаж', [CTRL, ENTER], '2', ENTER, [CTRL, ENTER], 'koleso.example/docs', ENTER);

  // Преимущества: yes/no and a scale.
  await keys([ALT, DOWN], [ALT, DOWN]);
  await expectFocus('advantages_product', 'Alt+↓ twice to advantages');
  await keys('Свой склад', [CTRL, ENTER]);
  await expectFocus('product_unique', 'to yes/no');
  await keys(SPACE, ENTER);
  for (let i = 0; i < 8; i += 1) {
    if ((await focusedQuestion()) === 'competition_intensity') break;
    await keys([CTRL, ENTER]);
  }
  await expectFocus('competition_intensity', 'to the scale');
  await keys(SPACE, DOWN, DOWN, ENTER);
  await saved();

  // Команда клиента: a contact (its fields by Tab) and a table (Enter adds the next row).
  // Alt+↓ through the sections in between (terms, regions, constraints, law, systems, …).
  for (let i = 0; i < 16; i += 1) {
    if ((await focusedQuestion()) === 'client_responsible') break;
    await keys([ALT, DOWN]);
  }
  await expectFocus('client_responsible', 'the client team section');
  await keys([CTRL, ENTER]);
  await expectFocus('client_team_members', 'to the table');
  await keys('Олег', TAB, 'маркетолог', [CTRL, ENTER]);
  await saved();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'keyboard-interview.png'), await session.screenshot());

  // Everything typed is in the database, as typed and of its kind.
  const brief = JSON.parse(execFileSync(cli, ['--db', db, 'brief', 'list', '--json'], { encoding: 'utf8' }))[0];
  assert.ok(brief, 'the brief is listed');
  const id = brief.id ?? brief.meta?.id ?? brief.item?.meta?.id;
  const shown = execFileSync(cli, ['--db', db, 'brief', 'show', id, '--json'], { encoding: 'utf8' });
  const entries = JSON.parse(shown).entries ?? JSON.parse(shown).data?.entries;
  const value = (q) => entries[q]?.answer;
  assert.deepEqual(value('company_name'), { state: 'answered', value: { type: 'text', value: 'ООО «Колесо»' } });
  assert.equal(value('goal_deadline')?.value?.value, '2027-03-01', 'the date typed as 01032027');
  assert.equal(value('goal_target')?.value?.value, 150);
  assert.equal(value('marketing_budget')?.value?.value, 250000);
  assert.equal(value('goal_metric')?.state, 'answered');
  assert.deepEqual(value('goal_rationale'), { state: 'unknown' });
  assert.deepEqual(value('audience_expectations'), { state: 'later', value: { due: '2026-12-15' } });
  assert.equal(value('audience_fears')?.state, 'not_applicable');
  assert.deepEqual(value('audience_online')?.value?.value, ['Авито', 'Дром']);
  assert.equal(value('sales_lead_channels')?.value?.type, 'choices');
  assert.equal(value('sales_conversion')?.value?.value, 12);
  assert.equal(value('deal_cycle_days')?.value?.value, 3);
  assert.equal(value('process_docs')?.value?.value, 'https://koleso.example/docs');
  assert.equal(value('product_unique')?.value?.type, 'bool');
  assert.equal(value('competition_intensity')?.value?.type, 'number');
  assert.equal(value('client_responsible')?.value?.type, 'contact');
  assert.equal(value('client_team_members')?.value?.type, 'rows');

  // One typed answer reads as one change in its history, though it was saved as it was typed.
  const history = JSON.parse(
    execFileSync(cli, ['--db', db, 'brief', 'history', id, 'company_offer', '--json'], { encoding: 'utf8' }),
  );
  assert.equal(history.length, 1, `one change for one typed answer: ${JSON.stringify(history)}`);
});
