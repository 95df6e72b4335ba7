// State a user can trust, in the real window: the first-launch name prompt (and the name signing
// answers), a brief created in the window is in the list when the list is shown again, and an
// approved brief is locked until «Изменить — новая редакция» is chosen and confirmed.
//
// Run through ./run.sh (Xvfb, tauri-driver); E2E_APP is the app binary, E2E_CLI the CLI beside it.
// Screenshots of each changed screen at 1024×700 and 1920×1080 land in target/e2e/.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { app, cli, helpers, settingsFile, sleep } from './support.mjs';
import { Session } from './webdriver.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-trust-'));
const db = join(scratch, 'trust.db');

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const h = helpers(() => session);
const { js, pageText, until, click, saved } = h;
/** Screenshots of a screen at both sizes the issue asks for. */
const shots = (name) => h.shots(`trust-${name}`);

/** Types into `selector` with real key events (WebDriver "send keys"). */
async function typeKeys(selector, value) {
  const el = await session.waitFor(selector, { timeoutMs: 5_000 });
  await session.click(el);
  await session.type(el, value);
}

async function start() {
  if (session) await session.delete().catch(() => {});
  session = await Session.start(app, ['--db', db]);
  await session.waitFor('nav.tabs button', { timeoutMs: 30_000 });
}

test('the first launch asks for the name, and the name signs answers', { timeout: 240_000 }, async (t) => {
  if (!settingsFile) {
    t.skip('XDG_DATA_HOME is not set: run through tests/e2e/run.sh');
    return;
  }
  const kept = `${settingsFile}.kept`;
  if (existsSync(settingsFile)) renameSync(settingsFile, kept);
  try {
    await start();
    await session.waitFor('[data-testid="first-launch"]', { timeoutMs: 15_000 });
    await shots('first-launch');
    // A blank name is not taken.
    await click('Начать работу', 'button', '[data-testid="first-launch"]');
    await until(pageText, (text) => text.includes('Напишите имя'), 5_000, 'a blank name is refused');
    await typeKeys('[data-testid="first-launch"] input[name="name"]', 'Анна Тестова');
    await click('менеджер', 'label', '[data-testid="first-launch"]');
    await typeKeys('[data-testid="first-launch"] input[name="agency"]', 'Колесо-Диджитал');
    await click('Начать работу', 'button', '[data-testid="first-launch"]');
    await until(
      () => js(`return !document.querySelector('[data-testid="first-launch"]');`),
      (gone) => gone,
      5_000,
      'the dialog closes',
    );
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    assert.deepEqual(settings.identity, { name: 'Анна Тестова', role: 'am', agency: 'Колесо-Диджитал' });

    // Settings shows it for editing.
    await click('Настройки', 'nav button');
    await session.waitFor('[data-testid="identity-settings"] input[name="name"]');
    assert.equal(
      await js(`return document.querySelector('[data-testid="identity-settings"] input[name="name"]').value;`),
      'Анна Тестова',
    );
    await shots('settings');

    // A restart does not ask again.
    await start();
    await sleep(1500);
    assert.equal(await js(`return !!document.querySelector('[data-testid="first-launch"]');`), false);
  } finally {
    if (!existsSync(settingsFile) && existsSync(kept)) renameSync(kept, settingsFile);
  }
});

test('a brief created in the window is in the list; an approved brief is locked until reopened', { timeout: 300_000 }, async () => {
  await start();
  await session.waitFor('[data-testid="briefs-table"], .empty', { timeoutMs: 30_000 });

  // Create a brief in the window, with a responsible contact.
  await click('Новый бриф');
  await session.waitFor('[role="dialog"] input');
  await typeKeys('[role="dialog"] input[name="client"]', 'Пекарня «Колос»');
  await typeKeys('[role="dialog"] input[name="project"]', 'Сайт');
  await typeKeys('[role="dialog"] .contact input', 'Ирина Петрова');
  await click('Создать и начать интервью', 'button[type="submit"]', '[role="dialog"]');
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 15_000 });
  await typeKeys('[data-question="company_name"] input', 'ООО «Колос»');
  await saved();

  // Back to the list through the menu (not the back button): the brief is there.
  await click('Брифы', 'nav button');
  await until(
    () => js(`const t = document.querySelector('[data-testid="briefs-table"]'); return t ? t.innerText : '';`),
    (text) => text.includes('Пекарня «Колос»'),
    10_000,
    'the new brief is listed',
  );
  assert.ok(!(await pageText()).includes('Брифов пока нет'));
  await shots('briefs');

  // The lead approves it (through the CLI, on the same database) with an override note.
  const brief = await js(
    `return [...document.querySelectorAll('[data-testid="briefs-table"] tr[data-brief]')].find((tr) => tr.innerText.includes('Колос')).dataset.brief;`,
  );
  const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
  // Entered once: the responsible contact answers the core question.
  assert.match(run('brief', 'history', brief, 'client_responsible'), /Ирина Петрова/);
  run('review', 'submit', brief);
  run('review', 'approve', brief, '--override', 'Клиент подписывает договор сегодня', '--as', 'Вера Лидова');

  await click('Пекарня «Колос»', 'button', '[data-testid="briefs-table"]');
  await session.waitFor('[data-testid="lock"]', { timeoutMs: 15_000 });
  // One approved state: the verdict names the approver and the note, no red «Не готов».
  const verdict = await js(`return document.querySelector('[data-testid="gaps-panel"]').innerText;`);
  assert.match(verdict, /Утверждён к запуску · редакция 1/);
  assert.match(verdict, /Вера Лидова/);
  assert.match(verdict, /Клиент подписывает договор сегодня/);
  assert.ok(!verdict.includes('Не готов'), verdict);

  // Typing does nothing: the answers sit in a disabled fieldset (each input matches :disabled,
  // though its own `disabled` property stays false), and keys sent to one change nothing.
  assert.equal(await js(`return document.querySelector('[data-testid="answers"]').disabled;`), true);
  const field = '[data-question="company_name"] input';
  assert.equal(await js(`return document.querySelector('${field}').matches(':disabled');`), true);
  const before = await js(`return document.querySelector('${field}').value;`);
  await session.type(await session.find(field), ' и партнёры').catch(() => {});
  await sleep(600);
  assert.equal(await js(`return document.querySelector('${field}').value;`), before, 'a locked answer cannot be typed into');
  assert.doesNotMatch(run('brief', 'history', brief, 'company_name'), /и партнёры/);
  await shots('locked');

  // «Изменить — новая редакция» asks first; cancelling keeps the lock.
  await click('Изменить — новая редакция', 'button', '[data-testid="lock"]');
  await session.waitFor('[data-testid="lock-confirm"]');
  assert.match(await js(`return document.querySelector('[data-testid="lock-confirm"]').innerText;`), /редакция 1 останется/);
  await shots('lock-confirm');
  await click('Отмена', 'button', '[data-testid="lock"]');
  assert.equal(await js(`return !!document.querySelector('[data-testid="lock-confirm"]');`), false);
  assert.match(run('review', 'status', brief), /status: approved; revision 1/);

  await click('Изменить — новая редакция', 'button', '[data-testid="lock"]');
  await click('Да, начать редакцию 2', 'button', '[data-testid="lock"]');
  await until(() => js(`return !document.querySelector('[data-testid="lock"]');`), (gone) => gone, 5_000, 'the lock is gone');
  await typeKeys('[data-question="company_name"] input', ' и партнёры');
  await saved();
  assert.match(run('review', 'status', brief), /status: draft; revision 2/);
  assert.match(run('brief', 'history', brief, 'company_name'), /Тестовый менеджер|Анна Тестова/);

  // The board shows the draft beside the last approved revision.
  await click('Проверка', 'nav button');
  await session.waitFor('[data-testid="board-table"]', { timeoutMs: 15_000 });
  const row = await js(
    `return [...document.querySelectorAll('[data-testid="board-table"] tr[data-brief]')].find((tr) => tr.innerText.includes('Колос')).innerText;`,
  );
  assert.match(row, /черновик/);
  assert.match(row, /утверждена редакция 1/);
  await shots('board');

  // The Checklists screen opens a checklist to read its questions and hints.
  await click('Чек-листы', 'nav button');
  await session.waitFor('li.checklist button.open', { timeoutMs: 15_000 });
  await js(`document.querySelector('li.checklist button.open').click();`);
  await session.waitFor('[data-testid="checklist-reader"]', { timeoutMs: 10_000 });
  const reader = await js(`return document.querySelector('[data-testid="checklist-reader"]').innerText;`);
  assert.match(reader, /Подсказка/);
  await shots('checklist-reader');
});
