// Smoke test of the real app: start the desktop binary through tauri-driver, wait for the checklist
// list, check that every bundled checklist is shown and none failed to load, keep a screenshot.
//
// Run through ./run.sh (it starts Xvfb and tauri-driver); it sets E2E_APP to the binary.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Session } from './webdriver.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = process.env.E2E_APP ?? join(repo, 'target/debug/deepbrief-desktop');
const outDir = process.env.E2E_OUT_DIR ?? join(repo, 'target/e2e');

/** The checklists in the repository's checklists/ folder, which the app bundles. */
const BUNDLED_IDS = ['core', 'seo', 'ppc', 'web', 'smm'];
const WAIT_MS = 30_000;

// What the page shows, read in one round trip. Prefers data-testid hooks and falls back to the
// UI's current markup (ChecklistList.svelte, LoadProblems.svelte, App.svelte).
const SNAPSHOT = `
  const all = (selector) => Array.from(document.querySelectorAll(selector));
  const list = document.querySelector('[data-testid="checklist-list"], section.checklists');
  const problems = document.querySelector('[data-testid="load-problems"], section.problems');
  const alert = document.querySelector('[role="alert"]');
  return {
    listShown: list !== null,
    ids: all('[data-testid="checklist-id"], li.checklist code.id').map((e) => e.textContent.trim()),
    problemsShown: problems !== null,
    problems: all('[data-testid="load-problem"], section.problems li.file').map((e) => e.innerText),
    alert: alert ? alert.innerText : null,
    text: document.body ? document.body.innerText : '',
  };
`;

let session;

after(async () => {
  if (session) await session.delete().catch((e) => console.error(`deleting the session: ${e}`));
});

test('the app window lists every bundled checklist, with no load problems', { timeout: 180_000 }, async (t) => {
  session = await Session.start(app);
  // The window opens on the briefs; the library is on the Checklists tab (the third).
  const tab = await session.waitFor('nav.tabs button:nth-child(3)', { timeoutMs: WAIT_MS });
  await session.click(tab);

  // Wait until the list shows every bundled checklist (or the app reports that loading failed).
  const deadline = Date.now() + WAIT_MS;
  let page;
  for (;;) {
    page = await session.execute(SNAPSHOT);
    const complete = BUNDLED_IDS.every((id) => page.ids.includes(id));
    if (complete || page.alert || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }

  // Keep what the window looked like, pass or fail, for humans. WebKit's screenshot can trail the
  // DOM by a frame or two, so give it a moment to paint what the DOM already holds.
  await new Promise((r) => setTimeout(r, 500));
  await mkdir(outDir, { recursive: true });
  const shot = join(outDir, 'checklists.png');
  await writeFile(shot, await session.screenshot());
  t.diagnostic(`screenshot: ${shot}`);
  t.diagnostic(`checklists shown: ${page.ids.join(', ') || '(none)'}`);

  const seen = `\n--- page text ---\n${page.text}\n---`;
  assert.equal(page.alert, null, `the app could not load its checklists: ${page.alert}${seen}`);
  assert.ok(page.listShown, `no checklist list on the page after ${WAIT_MS / 1000} s${seen}`);
  for (const id of BUNDLED_IDS) {
    assert.ok(page.ids.includes(id), `bundled checklist "${id}" is not listed${seen}`);
    assert.ok(page.text.includes(id), `"${id}" is not in the page text${seen}`);
  }
  // The agency folder is an empty temporary one (run.sh), so any problem is a bundled file's.
  assert.deepEqual(page.problems, [], `bundled checklists failed to load:\n${page.problems.join('\n')}`);

  // The same list read through WebDriver's own rendered text (what a user can actually see).
  const list = await session.find('[data-testid="checklist-list"], section.checklists');
  const visible = await session.text(list);
  for (const id of BUNDLED_IDS) {
    assert.ok(visible.includes(id), `"${id}" is not visible in the checklist list:\n${visible}`);
  }
});
