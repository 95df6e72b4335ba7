// Typing benchmark of the release app in a real window (scripts/bench-typing.sh runs it under Xvfb
// with tauri-driver). A brief with every bundled checklist (~100 questions) is opened; then answers
// are typed key by key through WebDriver for BENCH_MINUTES, section after section, like an AM during
// a call. Measured:
//   - memory: PSS of the app and its WebKit processes with the brief open, and every minute after;
//   - keystroke to paint: from the key event's timestamp to the next animation frame, in the page;
//   - keystroke to "saved": from the last key of a burst to the save state saying "saved";
//   - history per typed sentence: changes in the history as read (one per edit) and events stored.
// Prints one summary block; the figures go to docs/PERFORMANCE.md by hand.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Session } from '../webdriver.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const app = process.env.E2E_APP ?? join(repo, 'target/release/deepbrief-desktop');
const cli = process.env.E2E_CLI ?? join(dirname(app), 'deepbrief');
const minutes = Number(process.env.BENCH_MINUTES ?? 60);
const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-typing-'));
const db = join(scratch, 'deepbrief.db');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Proportional set size (kB) of the process tree under every process whose command line has `db`,
 * in total and by process name (the app, WebKit's web and network processes), so growth can be
 * put on the process that grows.
 */
function pss() {
  const procs = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const parent = new Map();
  const roots = [];
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('deepbrief-desktop') && cmd.includes(db)) roots.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid) => {
    for (let p = pid; p && p !== '0'; p = parent.get(p)) if (roots.includes(p)) return true;
    return false;
  };
  const byName = {};
  let total = 0;
  for (const pid of procs) {
    if (!inTree(pid)) continue;
    try {
      const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      const kb = m ? Number(m[1]) : 0;
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      byName[name] = (byName[name] ?? 0) + kb;
      total += kb;
    } catch {
      // Gone, or not ours to read.
    }
  }
  return { total, byName };
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

// The brief: every bundled checklist.
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();
const brief = run(
  'brief', 'new', '--client', 'Бенчмарк', '--project', 'Час интервью', '--am', 'Анна',
  '--service', 'seo', '--service', 'ppc', '--service', 'web', '--service', 'smm',
);

const session = await Session.start(app, ['--db', db]);
try {
  await session.waitFor('[data-testid="briefs-table"] button.open', { timeoutMs: 30_000 });
  await session.execute(`document.querySelector('[data-testid="briefs-table"] button.open').click();`);
  await session.waitFor('[data-testid="interview"]', { timeoutMs: 30_000 });
  const total = await session.execute(
    `return [...document.querySelectorAll('.sections li')].length;`,
  );
  await sleep(2000);
  const domNodes = () => session.execute(`return document.getElementsByTagName('*').length;`);
  const first = pss();
  const opened = first.total;
  const samples = [{ ...first, nodes: await domNodes() }];

  // In-page probes: key event → next frame, and last key → "saved".
  await session.execute(`
    window.__bench = { paint: [], saved: [], lastKey: 0, waiting: false };
    document.addEventListener('keydown', (e) => {
      const b = window.__bench;
      b.lastKey = performance.now();
      b.waiting = true;
      const t0 = e.timeStamp;
      requestAnimationFrame(() => b.paint.push(performance.now() - t0));
    }, true);
    const watch = () => {
      const el = document.querySelector('[data-testid="save-state"]');
      if (!el) return setTimeout(watch, 200);
      new MutationObserver(() => {
        const b = window.__bench;
        if (b.waiting && /Сохранено|Saved/.test(el.innerText)) {
          b.saved.push(performance.now() - b.lastKey);
          b.waiting = false;
        }
      }).observe(el, { subtree: true, childList: true, characterData: true });
    };
    watch();
  `);

  const words = 'заявки принимает менеджер записывает в CRM и перезванивает в течение часа доставка по области'.split(' ');
  const started = Date.now();
  let nextSample = started + 60_000;
  let section = 0;
  let keys = 0;
  // A "sentence": one burst of six words typed into one field.
  let sentences = 0;
  while (Date.now() - started < minutes * 60_000) {
    // The text fields of the current section.
    const fields = await session.findAll('[data-question] textarea, [data-question] input[type=text]:not([readonly])');
    for (const field of fields.slice(0, 4)) {
      if (Date.now() - started >= minutes * 60_000) break;
      await session.clear(field).catch(() => {});
      // A burst: a few words key by key, then a pause like a person listening.
      for (let w = 0; w < 6; w += 1) {
        const word = words[(keys + w) % words.length] + ' ';
        for (const ch of word) {
          await session.type(field, ch);
          keys += 1;
        }
      }
      sentences += 1;
      await sleep(1500);
      if (Date.now() >= nextSample) {
        samples.push({ ...pss(), nodes: await domNodes() });
        nextSample += 60_000;
      }
    }
    // Next section (Alt+↓ is the keyboard way; a click is the same here).
    section = (section + 1) % total;
    await session.execute(`document.querySelectorAll('.sections li button')[arguments[0]].click();`, [section]);
    await sleep(300);
  }
  await sleep(2000);
  samples.push({ ...pss(), nodes: await domNodes() });
  const memory = samples.map((m) => m.total);
  const probes = await session.execute('return window.__bench;');
  const growth = ((memory[memory.length - 1] - opened) / opened) * 100;
  console.log(`typing benchmark: ${minutes} min, ${keys} keystrokes over ${total} sections`);
  console.log(`memory (PSS, app + WebKit) with the brief open: ${Math.round(opened / 1024)} MB`);
  console.log(`memory after typing: ${Math.round(memory[memory.length - 1] / 1024)} MB (${growth.toFixed(1)} % growth); per minute: ${memory.map((k) => Math.round(k / 1024)).join(' ')}`);
  const last = samples[samples.length - 1];
  for (const name of Object.keys(last.byName).sort()) {
    const series = samples.map((m) => Math.round((m.byName[name] ?? 0) / 1024));
    console.log(`  ${name}: ${series[0]} -> ${series[series.length - 1]} MB; per minute: ${series.join(' ')}`);
  }
  console.log(`DOM elements: ${samples[0].nodes} -> ${last.nodes}; per minute: ${samples.map((m) => m.nodes).join(' ')}`);
  console.log(`keystroke to next frame over ${probes.paint.length} keys: p50 ${percentile(probes.paint, 50).toFixed(1)} ms, p95 ${percentile(probes.paint, 95).toFixed(1)} ms, max ${Math.max(...probes.paint).toFixed(1)} ms`);
  if (probes.saved.length > 0) {
    console.log(`last keystroke to "saved" over ${probes.saved.length} bursts: p50 ${percentile(probes.saved, 50).toFixed(0)} ms, p95 ${percentile(probes.saved, 95).toFixed(0)} ms, max ${Math.max(...probes.saved).toFixed(0)} ms`);
  }
  // The history as people read it (one change per edit) and as stored (one event per save).
  const history = JSON.parse(run('brief', 'history', brief, '--json'));
  const changes = history.filter((e) => e.kind === 'answer').length;
  const stored = Number(
    execFileSync('python3', [
      '-c',
      'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select count(*) from event where kind=\'answer\' and brief_id=?", (sys.argv[2],)).fetchone()[0])',
      db,
      brief,
    ], { encoding: 'utf8' }).trim(),
  );
  console.log(`history per typed sentence (${sentences} sentences): ${(changes / Math.max(1, sentences)).toFixed(2)} changes shown, ${(stored / Math.max(1, sentences)).toFixed(2)} events stored (${changes} / ${stored})`);
} finally {
  await session.delete().catch(() => {});
}
