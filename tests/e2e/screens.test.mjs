// Every screen at 1024×700, 1400×900 and 1920×1080 in the real window: a screenshot of each (in
// target/e2e/screens/) and a check that nothing spills sideways — the page does not scroll
// horizontally, and every visible element's box ends inside the viewport unless a scrolling or
// clipping container of its own holds it (a wide table in its scroll box is fine; a button pushed
// past the window edge is not).
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
const outDir = join(process.env.E2E_OUT_DIR ?? join(repo, 'target/e2e'), 'screens');
const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-screens-'));
const db = join(scratch, 'deepbrief.db');
const SIZES = [
  [1024, 700],
  [1400, 900],
  [1920, 1080],
];

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const js = (body, ...args) => session.execute(body, args);
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();

/** Briefs from three managers, with every add-on, long names and some answers. */
function seed() {
  const briefs = [
    ['Колесо', 'Сайт и продвижение в регионах', 'Анна', ['seo', 'ppc', 'smm', 'web']],
    ['Шиномонтаж 24 — сеть станций в Московской области', 'Контекстная реклама', 'Олег', ['ppc']],
    ['Пекарня «Булочная на углу»', 'SMM', 'Мария', ['smm']],
  ];
  const ids = [];
  for (const [client, project, am, services] of briefs) {
    const id = run(
      'brief', 'new', '--client', client, '--project', project, '--am', am,
      ...services.flatMap((s) => ['--service', s]),
      '--contact', 'Ирина Петрова;директор по маркетингу;+7 900 000-00-00;irina@koleso.example',
    );
    run('brief', 'answer', id, 'company_name', client);
    run('brief', 'answer', id, 'marketing_budget', '150000');
    run('brief', 'answer', id, 'company_offer', '--unknown');
    ids.push(id);
  }
  return ids;
}

async function resize(width, height) {
  await command('POST', `/session/${session.id}/window/rect`, { width, height }).catch(() => {});
  await sleep(400);
  return js(`return [innerWidth, innerHeight];`);
}

/** What spills past the right edge of the viewport, outside any container that scrolls or clips it. */
function overflow() {
  return js(`
    const vw = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > vw + 1) {
      out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
    }
    const held = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(s.overflowX)) {
          const r = p.getBoundingClientRect();
          if (r.right <= vw + 1) return true;
        }
      }
      return false;
    };
    const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
      ' «' + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '»';
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none' || s.position === 'fixed') continue;
      if (r.right > vw + 1 && !held(el)) out.push(name(el) + ' ends at ' + Math.round(r.right) + ' > ' + vw);
      if (r.left < -1 && !held(el)) out.push(name(el) + ' starts at ' + Math.round(r.left));
      if (out.length > 12) break;
    }
    return out;
  `);
}

async function click(selector, text = '') {
  const ok = await js(
    `const el = [...document.querySelectorAll(arguments[0])].find((e) => e.textContent.includes(arguments[1]));
     if (!el) return false; el.click(); return true;`,
    selector,
    text,
  );
  assert.ok(ok, `no ${selector} with "${text}"`);
  await sleep(500);
}

test('every screen at three sizes: screenshots, nothing spills sideways', { timeout: 900_000 }, async () => {
  const ids = seed();
  session = await Session.start(app, ['--db', db]);
  await session.waitFor('[data-testid="briefs-table"]', { timeoutMs: 60_000 });
  mkdirSync(outDir, { recursive: true });

  const screens = [
    ['briefs', async () => click('nav.tabs button', 'Брифы')],
    ['new-brief', async () => {
      await click('nav.tabs button', 'Брифы');
      await click('button', 'Новый бриф');
      await session.waitFor('[role=dialog]');
    }],
    ['interview', async () => {
      await click('nav.tabs button', 'Брифы');
      await click('[data-testid="briefs-table"] button', 'Колесо');
      await session.waitFor('[data-testid="interview"]', { timeoutMs: 20_000 });
      await session.waitFor('[data-testid="gaps-panel"]', { timeoutMs: 20_000 });
    }],
    ['client-team', async () => {
      await click('nav.sections button', 'Команда клиента');
      await session.waitFor('[data-question="client_team_members"]');
    }],
    ['board', async () => {
      await click('nav.tabs button', 'Проверка');
      // The board keeps the view last chosen (the heatmap, from the previous size).
      await click('.views button', 'Таблица');
      await session.waitFor('[data-testid="board-table"]', { timeoutMs: 20_000 });
    }],
    ['heatmap', async () => {
      await click('.views button', 'Тепловая карта');
      await session.waitFor('[data-testid="heatmap"]');
    }],
    ['checklists', async () => click('nav.tabs button', 'Чек-листы')],
    ['settings', async () => click('nav.tabs button', 'Настройки')],
  ];

  const problems = [];
  for (const [width, height] of SIZES) {
    const [w, h] = await resize(width, height);
    for (const [name, open] of screens) {
      // Leave whatever dialog the last screen opened.
      await js(`document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));`);
      if (name !== 'client-team' && name !== 'heatmap') {
        await js(`const back = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Все брифы') || b.textContent.trim() === 'Отмена'); if (back) back.click();`);
        await sleep(300);
      }
      await open();
      await sleep(600);
      writeFileSync(join(outDir, `${name}-${width}x${height}.png`), await session.screenshot());
      const spills = await overflow();
      if (spills.length > 0) problems.push(`${name} at ${w}×${h}:\n  ${spills.join('\n  ')}`);
    }
  }
  assert.equal(ids.length, 3);
  assert.deepEqual(problems, [], `elements outside the viewport:\n${problems.join('\n')}`);
});
