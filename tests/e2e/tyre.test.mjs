// The tyre shop in the real window: the brief of a shop that plans regions but gives regional buyers
// nothing (the owner's own words, recorded honestly) raises the high regional risk signal in the gaps
// panel with its agenda; a follow-up meeting on it produces a letter the client can receive — the
// client's wording, a reply-by date, the meeting in words, the agency and the manager's contact under
// the signature, never the manager's hint. Screenshots of the panel and the letter at 1024×700 and
// 1920×1080 land in target/e2e/.
//
// Run through ./run.sh (Xvfb, tauri-driver); E2E_APP is the app binary, E2E_CLI the CLI beside it.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { app, cli, helpers, outDir, settingsFile } from './support.mjs';
import { Session } from './webdriver.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'deepbrief-tyre-'));
const db = join(scratch, 'tyre.db');

let session;
after(async () => {
  if (session) await session.delete().catch(() => {});
});

const { js, shots: sizes } = helpers(() => session);
const shots = (name, scrollTo) => sizes(`tyre-${name}`, scrollTo);
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' }).trim();

/** What the owner of the tyre shop said (DOMAIN.md), answer by answer. */
const TYRE_SHOP = [
  ['company_name', 'ООО «Колесо»'],
  ['company_offer', 'Шины и диски для легковых машин; больше всего денег приносят зимние шины'],
  ['product_unique', 'нет'],
  ['advantages_company', 'Моя компания очень маленькая, поэтому никаких особенностей у моего интернет-магазина нет'],
  ['price_position', 'market'],
  ['delivery_terms', 'Транспортными компаниями, доставку оплачивает покупатель, 3–7 дней'],
  ['warranty_level', 'legal_only'],
  ['loyalty_programme', 'нет'],
  ['regional_expansion', 'да'],
  ['regional_target_regions', 'Тула; Калуга; Воронеж'],
  ['regional_offer', 'nothing'],
  ['regional_price_level', 'same'],
  ['regional_delivery_payer', 'buyer'],
  ['regional_delivery_days', '5'],
  ['regional_waiting_offset', 'Особенностей нет, как у всех'],
  ['regional_advantage', 'Особенностей нет, цены такие же, как у местных магазинов'],
];

test('the tyre shop raises the high regional signal; its follow-up letter reads as a letter', { timeout: 300_000 }, async () => {
  // The manager's signature: agency and contact from Settings (run.sh names a test manager).
  if (settingsFile) {
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    settings.identity = { ...settings.identity, agency: 'Колесо-Диджитал', contact: '+7 900 000-00-00, anna@agency.example' };
    writeFileSync(settingsFile, JSON.stringify(settings));
  }
  const brief = run(
    'brief', 'new', '--client', 'Колесо', '--project', 'Интернет-магазин шин: выход в регионы', '--am', 'Анна Петрова',
    '--contact', 'Ирина Соколова;владелец;+7 910 000-00-00;irina@koleso.example',
  );
  for (const [question, value] of TYRE_SHOP) run('brief', 'answer', brief, question, value);
  // The CLI sees it too (exit 3: points remain).
  const gaps = spawnSync(cli, ['--db', db, 'gaps', brief], { encoding: 'utf8' });
  assert.equal(gaps.status, 3, gaps.stderr);
  assert.match(gaps.stdout, /Риск: выход в новые регионы/);

  session = await Session.start(app, ['--db', db]);
  await session.waitFor('[data-testid="briefs-table"]', { timeoutMs: 30_000 });
  await js(
    `[...document.querySelectorAll('[data-testid="briefs-table"] button')].find((b) => b.textContent.includes('Колесо')).click();`,
  );
  const gap = await session.waitFor('[data-testid="gaps-panel"] [data-gap*="regions_without_offer"]', { timeoutMs: 20_000 });
  assert.ok(gap);
  const signal = await js(
    `const li = document.querySelector('[data-gap*="regions_without_offer"]');
     return { high: li.classList.contains('high'), text: li.innerText };`,
  );
  assert.ok(signal.high, `the regional signal is high: ${signal.text}`);
  assert.match(signal.text, /важность: высокая|высокая/i);
  // Its agenda asks the article's four questions, the waiting one included.
  for (const line of [/выгоднее заказать у вас/, /доставка/, /при браке или возврате/, /Чем компенсируется ожидание доставки/]) {
    assert.match(signal.text, line);
  }
  // Risk signals lead the list: it is the first thing under «Что уточнить».
  assert.match(await js(`return document.querySelector('[data-gap]').dataset.gap;`), /regions_without_offer/);
  const verdict = await js(`return document.querySelector('[data-testid="verdict"]').innerText;`);
  assert.match(verdict, /Не готов/);
  await shots('gaps', '[data-testid="gap-list"]');

  // A follow-up meeting on the regional signal alone, then its letter.
  await js(`[...document.querySelectorAll('button')].find((b) => b.textContent.includes('Запланировать уточняющую встречу')).click();`);
  await session.waitFor('form[aria-label]');
  await js(
    `for (const box of document.querySelectorAll('form[aria-label] fieldset:last-of-type input[type=checkbox]')) {
       const regional = box.closest('label').textContent.includes('регион');
       if (box.checked !== regional) box.click();
     }`,
  );
  await js(`document.querySelector('form[aria-label] button[type=submit]').click();`);
  await session.waitFor('[data-testid="letter"] textarea', { timeoutMs: 15_000 });
  const letter = await session.waitUntil(
    `const t = document.querySelector('[data-testid="letter"] textarea'); return t && t.value.length > 200 && t.value;`,
    { timeoutMs: 10_000, message: 'the letter is shown' },
  );
  assert.match(letter, /^Тема: /);
  assert.match(letter, /Здравствуйте, Ирина Соколова!/);
  assert.match(letter, /Пришлите, пожалуйста, ответы до [а-я]+, \d{1,2}\s[а-я]+|Ответы нужны к этой встрече/, 'a reply-by date in words');
  assert.match(letter, /РЕГИОНЫ\n\n(?:.*\n)*?\d\. Прежде чем запускать рекламу в новых регионах/, "the rule's client wording, under its section");
  assert.match(letter, /займёт (около|примерно)/, 'the meeting length in words');
  assert.match(letter, /Анна Петрова\nКолесо-Диджитал\n\+7 900 000-00-00, anna@agency\.example/, 'the signature');
  assert.doesNotMatch(letter, /\d{4}-\d{2}-\d{2}/, 'no ISO dates in a letter to a person');
  assert.doesNotMatch(letter, /Риск:|Действие:/, "the lead's risk wording stays inside the agency");
  writeFileSync(join(outDir, 'tyre-letter.txt'), letter);
  await shots('letter', '[data-testid="letter"]');
});
