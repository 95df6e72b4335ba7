// The lead's review in the real window: import two bundles an AM made with the CLI, see them on the
// board and the heatmap, open a brief from a heatmap cell, comment, return, answer, resolve,
// resubmit, approve with an override note, edit (a new revision starts) and read the frozen revision.
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

const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-review-'));
const db = join(scratch, 'lead.db');
const amDb = join(scratch, 'am.db');

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const { js, pageText, until, click, saved, shot } = helpers(() => session);
const panelText = () =>
  js(`const p = document.querySelector('[data-testid="review-panel"]'); return p ? p.innerText : '';`);

/** Types into the element `selector` (an input or textarea) the way the keyboard does. */
async function type(selector, value) {
  const ok = await js(
    `const el = document.querySelector(arguments[0]);
     if (!el) return false;
     el.scrollIntoView({block: 'center'}); el.focus(); el.value = arguments[1];
     el.dispatchEvent(new Event('input', {bubbles: true}));
     el.dispatchEvent(new Event('change', {bubbles: true}));
     return true;`,
    selector,
    value,
  );
  assert.ok(ok, `no ${selector}`);
}

async function start(pick) {
  if (session) await session.delete().catch(() => {});
  session = await Session.start(app, ['--db', db, '--e2e-pick', pick]);
  await session.waitFor('[data-testid="briefs-table"], .empty', { timeoutMs: 30_000 });
}

test('the lead reviews two imported briefs and approves a frozen revision', { timeout: 300_000 }, async () => {
  // The AM's machine: two briefs, one submitted for review.
  const run = (...args) => execFileSync(cli, ['--db', amDb, ...args], { encoding: 'utf8' }).trim();
  const tyres = run('brief', 'new', '--client', 'Колесо', '--project', 'SEO', '--am', 'Анна', '--service', 'seo', '--industry', 'Шины и диски');
  run('brief', 'answer', tyres, 'company_name', 'ООО «Колесо»');
  run('review', 'submit', tyres, '--who', 'Анна');
  const bakery = run('brief', 'new', '--client', 'Пекарня', '--project', 'Сайт', '--am', 'Борис');
  run('brief', 'answer', bakery, 'company_name', 'Пекарня на Садовой');
  // An older brief of the same industry, long approved: "briefs like this one".
  const older = run('brief', 'new', '--client', 'Шинный двор', '--project', 'Контекст', '--am', 'Олег', '--industry', 'шины и диски');
  run('brief', 'answer', older, 'company_name', 'ИП Кузнецов, шиномонтаж на Южной');
  const first = join(scratch, 'tyres.deepbrief');
  const second = join(scratch, 'bakery.deepbrief');
  const third = join(scratch, 'older.deepbrief');
  run('bundle', 'export', tyres, '-o', first);
  run('bundle', 'export', bakery, '-o', second);
  run('bundle', 'export', older, '-o', third);

  // The lead imports all three.
  for (const file of [first, second, third]) {
    await start(file);
    await click('Импорт брифа');
    // The import runs in the background: wait for its notice before the app is closed.
    await until(pageText, (t) => /импортирован/.test(t), 15_000, `${file} is imported`);
  }
  await until(pageText, (t) => t.includes('Колесо') && t.includes('Пекарня') && t.includes('Шинный двор'), 10_000, 'the briefs are listed');

  // The board lists both with their status; the heatmap has a cell per section.
  await click('Проверка', 'nav button');
  await session.waitFor('[data-testid="board-table"]', { timeoutMs: 15_000 });
  const table = await js(`return document.querySelector('[data-testid="board-table"]').innerText;`);
  assert.match(table, /Колесо[\s\S]*на проверке/);
  assert.match(table, /Пекарня[\s\S]*черновик/);
  await shot('board');
  await click('Тепловая карта');
  await session.waitFor('[data-testid="heatmap"]', { timeoutMs: 5_000 });
  const cells = await js(
    `return [...document.querySelectorAll('[data-testid="heatmap"] tr[data-brief]')].map((tr) =>
       [tr.querySelector('th').innerText, tr.querySelectorAll('button.cell').length, tr.querySelectorAll('.cell.none').length]);`,
  );
  const tyresRow = cells.find((c) => c[0].startsWith('Колесо'));
  const bakeryRow = cells.find((c) => c[0].includes('Пекарня'));
  assert.ok(tyresRow && bakeryRow, JSON.stringify(cells));
  assert.equal(tyresRow[2], 0, 'the SEO brief has every column');
  assert.ok(bakeryRow[2] > 0, 'the bakery has no SEO sections');
  assert.equal(bakeryRow[1] + bakeryRow[2], tyresRow[1]);
  await shot('heatmap');

  // A cell opens the brief at its section.
  await js(
    `document.querySelector('[data-testid="heatmap"] tr[data-brief="${tyres}"] button.cell[data-cell="core:company"]').click();`,
  );
  await session.waitFor('[data-testid="review-panel"]', { timeoutMs: 15_000 });
  await until(panelText, (t) => t.includes('на проверке'), 10_000, 'status in review');
  const current = await js(`return document.querySelector('.sections [aria-current="step"]').innerText;`);
  assert.match(current, /Компания/);

  // Return needs a comment.
  await click('Вернуть на доработку', 'button', '[data-testid="review-panel"]');
  await until(panelText, (t) => t.includes('оставьте хотя бы один комментарий'), 5_000, 'return refused without a comment');
  // The refusal opens the comment form.
  await type('[data-testid="review-panel"] form.add textarea', 'Укажите юридическое название полностью');
  await click('Добавить комментарий', 'button', '[data-testid="review-panel"]');
  await until(panelText, (t) => t.includes('Укажите юридическое название'), 5_000, 'the comment is listed');
  await click('Вернуть на доработку', 'button', '[data-testid="review-panel"]');
  await until(panelText, (t) => t.includes('возвращён'), 5_000, 'returned');

  // The AM answers, resolves and resubmits.
  await type('[data-question="company_name"] input', 'Общество с ограниченной ответственностью «Колесо»');
  await saved();
  await type('[data-testid="comments"] input', 'Исправили');
  await click('Решено', 'button', '[data-testid="review-panel"]');
  await until(panelText, (t) => /решён: .*Исправили/.test(t), 5_000, 'resolved with the reply');
  await click('Отправить на проверку', 'button', '[data-testid="review-panel"]');
  await until(panelText, (t) => t.includes('на проверке'), 5_000, 'submitted again');

  // Not ready: approval asks for an override note, then freezes revision 1.
  await click('Утвердить к запуску', 'button', '[data-testid="review-panel"]');
  await until(panelText, (t) => t.includes('не готов к запуску'), 5_000, 'approve refused with the reasons');
  await type('[data-testid="review-panel"] form.override textarea', 'Клиент торопит, остальное соберём на кикоффе');
  await click('Утвердить с оговоркой', 'button', '[data-testid="review-panel"]');
  await until(panelText, (t) => t.includes('утверждён') && t.includes('редакция 1'), 5_000, 'approved');
  assert.match(await panelText(), /с оговоркой: Клиент торопит/);
  await shot('review');

  // An approved brief is locked; «Изменить — новая редакция», confirmed, starts revision 2 as a
  // draft; revision 1 keeps the approved answer.
  await session.waitFor('[data-testid="lock"]', { timeoutMs: 5_000 });
  await click('Изменить — новая редакция', 'button', '[data-testid="lock"]');
  await click('Да, начать редакцию 2', 'button', '[data-testid="lock"]');
  await until(() => js(`return !document.querySelector('[data-testid="lock"]');`), (gone) => gone, 5_000, 'the lock is gone');
  await type('[data-question="company_name"] input', 'ООО «Колесо-Регион»');
  await saved();
  await until(panelText, (t) => t.includes('черновик') && t.includes('редакция 2'), 10_000, 'a new revision started');
  await click('Открыть', 'button', '[data-testid="revisions"]');
  await session.waitFor('[data-testid="brief-view"]', { timeoutMs: 5_000 });
  const frozen = await js(`return document.querySelector('[data-testid="brief-view"]').innerText;`);
  assert.ok(frozen.includes('Общество с ограниченной ответственностью «Колесо»'), frozen);
  assert.ok(!frozen.includes('Колесо-Регион'), frozen);
  await shot('revision');
  await click('Закрыть', 'button', '[data-testid="brief-view"]');

  // Briefs like this one: the older brief of the same industry opens read-only.
  await session.waitFor('[data-testid="similar-briefs"] button', { timeoutMs: 5_000 });
  await click('Шинный двор', 'button', '[data-testid="similar-briefs"]');
  await session.waitFor('[data-testid="brief-view"]', { timeoutMs: 5_000 });
  const similar = await js(`return document.querySelector('[data-testid="brief-view"]').innerText;`);
  assert.ok(similar.includes('ИП Кузнецов, шиномонтаж на Южной'), similar);
  assert.equal(await js(`return document.querySelectorAll('[data-testid="brief-view"] input, [data-testid="brief-view"] textarea').length;`), 0);
  await click('Закрыть', 'button', '[data-testid="brief-view"]');

  // The CLI sees the same history.
  const lead = execFileSync(cli, ['--db', db, 'review', 'status', tyres], { encoding: 'utf8' });
  assert.match(lead, /approved revision 1/);
  assert.match(lead, /override: Клиент торопит/);
});
