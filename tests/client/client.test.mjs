// The client page end to end (issue 22), in real headless Chromium against a real deepbrief-server
// on a throw-away PostgreSQL (tests/client/run.sh starts both and chromedriver):
//
//   the AM (deepbrief CLI) makes a brief from tests/client/checklists (one question of every kind;
//   the price list promised for yesterday, so its item asks for a document), plans a follow-up over
//   those questions, syncs and makes the client link;
//   the client, on a phone-sized screen, answers every kind, says «не знаю» to one question and
//   «пришлю позже до…» to another, attaches files (one refused for its type, one removed), leaves,
//   comes back to find everything there, submits, changes an answer, sees that the change is not
//   sent yet and submits again;
//   the AM syncs, sees the client's answers, accepts each, and the gaps close.
// Also: hostile text stays text, the English page, a revoked and an unknown link, no sideways
// scrolling at 360 px, no console errors (CSP violations included). Screenshots at 390×844 and
// 1920×1080 land in target/client-e2e/.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { QUESTIONS, briefWithLink, cliJson as json, deepbrief, isoIn, repo, scratch, server, signIn } from './am.mjs';
import { chromium, command, consoleLog, open } from './chromium.mjs';

const outDir = process.env.CLIENT_E2E_OUT ?? join(repo, 'target/client-e2e');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const HOSTILE = '<img src=x onerror=alert(1)>';
const STORY = `Основаны в 2009 году в Казани.\n${HOSTILE}`;
const DUE = isoIn(14);

/** Everything the AM made: the brief, its follow-up, the link. */
const am = {};
let s; // the phone session

// ---- page helpers -------------------------------------------------------------------------------

const js = (body, ...args) => s.execute(body, args);
/** An element reference from a page script that returns an element. */
async function element(body, ...args) {
  const value = await js(body, ...args);
  assert.ok(value, `no element: ${body} ${JSON.stringify(args)}`);
  return Object.values(value)[0];
}
const item = (q) => `[data-q="${q}"]`;
/** The label in question `q` whose text starts with `text`. */
const label = (q, text) =>
  element(
    `return [...document.querySelectorAll(arguments[0] + ' label')].find((l) => l.textContent.trim().startsWith(arguments[1]));`,
    item(q),
    text,
  );
/**
 * Waits until the page stops scrolling. On a phone-sized screen Chromium scrolls a focused field
 * into view with an animation; a click computed in the middle of it would land elsewhere.
 */
async function settle() {
  let last = null;
  for (let i = 0; i < 40; i++) {
    const y = await js('return window.scrollY;');
    if (y === last) return;
    last = y;
    await sleep(60);
  }
}
const click = async (ref) => {
  await settle();
  await s.click(ref);
  await settle();
};
async function typeIn(selector, text) {
  const ref = await s.find(selector);
  await click(ref);
  await s.type(ref, text);
  return ref;
}
/** Types an ISO date into a date input in the order the browser's locale shows its parts. */
async function typeDate(selector, iso) {
  const order = await js(
    `return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22)).filter((p) => p.type !== 'literal').map((p) => p.type);`,
  );
  const [y, m, d] = iso.split('-');
  const parts = { year: y, month: m, day: d };
  const ref = await s.find(selector);
  // No click first: a click lands on the middle segment of a narrow date field and the digits would
  // start there. Sending keys focuses the first segment.
  await js('document.querySelector(arguments[0]).scrollIntoView({block: "center"});', selector);
  await settle();
  await s.type(ref, order.map((p) => parts[p]).join(''));
  assert.equal(await s.property(ref, 'value'), iso, `${selector}: typed ${iso}`);
}
/** Presses keys (WebDriver key codes) on whatever has focus. */
async function press(...keys) {
  const actions = keys.flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
  ]);
  await command('POST', `/session/${s.id}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions }] });
}
const statusOf = (q) => js(`return document.querySelector(arguments[0] + ' .st').textContent;`, item(q));

/** Waits until every question shows «Сохранено» (or `ids` only). */
async function allSaved(ids = null, ms = 15_000) {
  await s.waitUntil(
    `return [...document.querySelectorAll('.item')].filter((i) => !${JSON.stringify(ids)} || ${JSON.stringify(ids)}.includes(i.dataset.q)).every((i) => i.querySelector('.st').classList.contains('saved'));`,
    {
      timeoutMs: ms,
      message: 'every answer saved',
    },
  ).catch(async (e) => {
    const states = await js(
      `return [...document.querySelectorAll('.item')].map((i) => i.dataset.q + ': ' + i.querySelector('.st').textContent + ' ' + i.querySelector('.err').textContent).join('\\n');`,
    );
    throw new Error(`${e.message}\n${states}`);
  });
}

/** A screenshot as target/client-e2e/NAME.png, after scrolling `selector` to the top. */
async function shot(session, name, selector = null) {
  mkdirSync(outDir, { recursive: true });
  if (selector) {
    await session.execute(`document.querySelector(arguments[0])?.scrollIntoView({block: 'start'}); window.scrollBy(0, -8);`, [selector]);
  } else await session.execute('window.scrollTo(0, 0);');
  await sleep(250);
  writeFileSync(join(outDir, `${name}.png`), await session.screenshot());
}

/** Fails on console errors other than the failed loads a test causes on purpose. */
async function noConsoleErrors(session, allowed = []) {
  const errors = (await consoleLog(session)).filter(
    (e) => e.level === 'SEVERE' && !allowed.some((a) => e.message.includes(a)),
  );
  assert.deepEqual(errors, [], 'console errors');
}

const noSideways = (session) =>
  session.execute('return document.documentElement.scrollWidth - window.innerWidth;').then((d) => assert.ok(d <= 0, `scrolls sideways by ${d}px`));

// ---- the scenario -------------------------------------------------------------------------------

before(() => {
  mkdirSync(outDir, { recursive: true });
  signIn();
  Object.assign(am, briefWithLink('ru'));
});

after(async () => {
  if (s) await s.delete().catch(() => {});
});

test('the link opens the page at phone size with every kind of answer field, no sideways scrolling', async () => {
  s = await chromium({ width: 390, height: 844 });
  await open(s, am.link.url);
  await s.waitUntil('return document.documentElement.dataset.ready === "1"', { message: 'the page rendered' });
  assert.equal(await js('return document.documentElement.lang;'), 'ru');
  const kinds = await js(`return [...document.querySelectorAll('.item')].map((i) => i.dataset.kind);`);
  for (const kind of [
    'short_text', 'long_text', 'number', 'money', 'percent', 'duration', 'date', 'yes_no',
    'single_choice', 'multi_choice', 'scale', 'list', 'table', 'contact', 'link',
  ]) {
    assert.ok(kinds.includes(kind), `a ${kind} field (have ${kinds.join(', ')})`);
  }
  // Every control has a label; groups are fieldsets with a legend.
  const unlabelled = await js(
    `return [...document.querySelectorAll('input, textarea, select')].filter((c) => !c.labels || c.labels.length === 0).map((c) => c.outerHTML);`,
  );
  assert.deepEqual(unlabelled, [], 'controls without a <label>');
  assert.equal(
    await js(`return [...document.querySelectorAll('fieldset')].filter((f) => f.classList.contains('group') && !f.querySelector(':scope > legend')).length;`),
    0,
  );
  // Everything the page loaded came from its own server: no third-party request.
  assert.deepEqual(
    await js(`return [...new Set(performance.getEntriesByType('resource').map((r) => new URL(r.name).host))];`),
    [new URL(server).host],
  );
  // The agency's name is shown as it was typed, never as markup.
  const agency = await js(`return document.querySelector('.agency').textContent;`);
  assert.ok(agency.includes('Север'), agency);
  await noSideways(s);
  await shot(s, 'phone-01-empty');
});

test('the client answers every kind, «не знаю», «пришлю позже до…», and attaches files', async () => {
  // short_text, long_text (with hostile markup: it must stay text)
  await typeIn(`${item('ce_brand')} input`, 'ШинаМаркет');
  await typeIn(`${item('ce_story')} textarea`, STORY);
  // number with a unit, money, percent; a wrong number first: refused next to the field, unsent
  await typeIn(`${item('ce_orders')} input`, 'много');
  await s.waitUntil(`return document.querySelector('${item('ce_orders')} .err').textContent.includes('число');`, {
    message: 'a wrong number is refused next to the field',
  });
  assert.match(await statusOf('ce_orders'), /Не сохранено/);
  assert.equal(await js(`return document.querySelector('${item('ce_orders')} input').getAttribute('aria-invalid');`), 'true');
  await shot(s, 'phone-02-invalid-number', item('ce_orders'));
  await s.clear(await s.find(`${item('ce_orders')} input`));
  await typeIn(`${item('ce_orders')} input`, '1 250');
  await typeIn(`${item('ce_budget')} input`, '150000,50');
  await typeIn(`${item('ce_share')} input`, '35');
  await typeIn(`${item('ce_delivery')} input`, '5');
  await typeDate(`${item('ce_launch')} input[type=date]`, '2027-03-01');
  // «Не знаю» and «Пришлю позже до…» with a date
  await click(await label('ce_warranty', 'Не знаю'));
  await click(await label('ce_certificates', 'Пришлю позже'));
  assert.match(await statusOf('ce_certificates'), /дату/);
  await typeDate(`${item('ce_certificates')} .due input`, DUE);
  // yes/no, single choice, multi choice
  await click(await label('ce_crm', 'Да'));
  await click(await label('ce_channel', 'На маркетплейсах'));
  await click(await label('ce_regions', 'Москва'));
  await click(await label('ce_regions', 'Урал'));
  // scale, by keyboard: pick 3, then the right arrow moves to 4
  // (the radio covers its box, invisible: a tap on the box lands on it)
  await click(await s.find(`${item('ce_speed')} input[value="3"]`));
  await press('\uE014');
  assert.equal(await js(`return document.querySelector('${item('ce_speed')} input:checked').value;`), '4');
  // list: two competitors
  await typeIn(`${item('ce_competitors')} input`, 'Колесо.ру');
  await click(await element(`return [...document.querySelectorAll('${item('ce_competitors')} button')].find((b) => b.textContent === 'Добавить');`));
  await s.type(await element('return document.activeElement;'), 'Шинсервис');
  // table: two rows of typed cells
  const cells = `${item('ce_prices')} .row`;
  await typeIn(`${cells}:nth-of-type(1) .cell:nth-child(1) input`, 'Michelin X-Ice');
  await typeIn(`${cells}:nth-of-type(1) .cell:nth-child(2) input`, '12 500');
  await typeIn(`${cells}:nth-of-type(1) .cell:nth-child(3) input`, '30');
  await typeDate(`${cells}:nth-of-type(1) .cell:nth-child(4) input`, '2024-10-01');
  await js(`const sel = document.querySelector(arguments[0]); sel.value = 'true'; sel.dispatchEvent(new Event('change', {bubbles: true}));`, `${cells}:nth-of-type(1) .cell:nth-child(5) select`);
  await js(`const sel = document.querySelector(arguments[0]); sel.value = 'winter'; sel.dispatchEvent(new Event('change', {bubbles: true}));`, `${cells}:nth-of-type(1) .cell:nth-child(6) select`);
  await typeIn(`${cells}:nth-of-type(1) .cell:nth-child(7) input`, 'https://koleso.example/x-ice');
  await click(await element(`return [...document.querySelectorAll('${item('ce_prices')} button')].find((b) => b.textContent === 'Добавить строку');`));
  await s.type(await element('return document.activeElement;'), 'Nokian Hakka');
  // contact
  await typeIn(`${item('ce_contact')} input[name=name]`, 'Ирина Петрова');
  await typeIn(`${item('ce_contact')} input[name=role]`, 'маркетолог');
  await typeIn(`${item('ce_contact')} input[name=phone]`, '+7 900 000-00-00');
  await typeIn(`${item('ce_contact')} input[name=email]`, 'irina@koleso.example');
  // link
  await typeIn(`${item('ce_price_list')} input`, 'https://koleso.example/price.pdf');
  await allSaved();
  assert.equal(await js('return document.querySelectorAll("img").length;'), 0, 'no <img> made from an answer');
  await shot(s, 'phone-03-answered-top');
  await shot(s, 'phone-04-answered-table', item('ce_prices'));

  // Files: a PDF and a PNG go up, a file of another type is refused with the server's reason; the PNG is removed.
  const pdf = join(scratch, 'Прайс 2027.pdf');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const png = join(scratch, 'logo.png');
  writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
  const exe = join(scratch, 'setup.bin');
  writeFileSync(exe, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  const picker = await s.find('.attach input[type=file]');
  await s.type(picker, pdf);
  await s.waitUntil(`return [...document.querySelectorAll('.files li')].some((li) => li.textContent.includes('Прайс 2027.pdf'));`, { message: 'the PDF is listed' });
  await s.type(picker, png);
  await s.waitUntil(`return document.querySelectorAll('.files li').length === 2;`, { message: 'the PNG is listed' });
  await s.type(picker, exe);
  await s.waitUntil(`return document.querySelector('.up.failed')?.textContent.includes('setup.bin');`, { message: 'the refused file says why' });
  await shot(s, 'phone-05-files', '.attach');
  await click(await element(`return [...document.querySelectorAll('.files li')].find((li) => li.textContent.includes('logo.png')).querySelector('button');`));
  await s.waitUntil(`return document.querySelectorAll('.files li').length === 1;`, { message: 'the PNG is removed' });
  await noSideways(s);
});

test('the client leaves and comes back: everything is still there', async () => {
  await open(s, `${server}/health`);
  await open(s, am.link.url);
  await s.waitUntil('return document.documentElement.dataset.ready === "1"');
  const value = (selector) => js(`return document.querySelector(arguments[0]).value;`, selector);
  const checked = (q, text) =>
    js(
      `const l = [...document.querySelectorAll(arguments[0] + ' label')].find((l) => l.textContent.trim().startsWith(arguments[1])); return document.getElementById(l.htmlFor).checked;`,
      item(q),
      text,
    );
  assert.equal(await value(`${item('ce_brand')} input`), 'ШинаМаркет');
  assert.equal(await value(`${item('ce_story')} textarea`), STORY);
  assert.equal(await value(`${item('ce_orders')} input`), '1250');
  assert.equal(await value(`${item('ce_budget')} input`), '150000,5');
  assert.equal(await value(`${item('ce_share')} input`), '35');
  assert.equal(await value(`${item('ce_delivery')} input`), '5');
  assert.equal(await value(`${item('ce_launch')} input[type=date]`), '2027-03-01');
  assert.ok(await checked('ce_warranty', 'Не знаю'));
  assert.ok(await checked('ce_certificates', 'Пришлю позже'));
  assert.equal(await value(`${item('ce_certificates')} .due input`), DUE);
  assert.ok(await checked('ce_crm', 'Да'));
  assert.ok(await checked('ce_channel', 'На маркетплейсах'));
  assert.ok((await checked('ce_regions', 'Москва')) && (await checked('ce_regions', 'Урал')));
  assert.ok(!(await checked('ce_regions', 'Поволжье')));
  assert.equal(await js(`return document.querySelector('${item('ce_speed')} input:checked').value;`), '4');
  assert.deepEqual(await js(`return [...document.querySelectorAll('${item('ce_competitors')} .list input')].map((i) => i.value);`), ['Колесо.ру', 'Шинсервис']);
  assert.deepEqual(
    await js(`return [...document.querySelectorAll('${item('ce_prices')} .row')].map((r) => [...r.querySelectorAll('input, select')].map((c) => c.value));`),
    [
      ['Michelin X-Ice', '12500', '30', '2024-10-01', 'true', 'winter', 'https://koleso.example/x-ice'],
      ['Nokian Hakka', '', '', '', '', '', ''],
    ],
  );
  assert.equal(await value(`${item('ce_contact')} input[name=email]`), 'irina@koleso.example');
  assert.equal(await value(`${item('ce_price_list')} input`), 'https://koleso.example/price.pdf');
  assert.deepEqual(await js(`return [...document.querySelectorAll('.files .fname')].map((f) => f.textContent);`), ['Прайс 2027.pdf']);
  // Every question says «Сохранено»; the hostile answer is a textarea's text, and nothing ran.
  await allSaved();
  assert.equal(await js('return document.querySelectorAll("img").length;'), 0);
  assert.match(await js('return document.getElementById("count").textContent;'), /Отвечено 17 из 17/);
  await noConsoleErrors(s, ['files/ce_price_list', 'favicon.ico']);
});

test('the whole page is reachable with Tab, each stop with a visible focus ring', async () => {
  await js(`
    window.__stops = [];
    document.addEventListener('focusin', (e) => {
      const el = e.target;
      const ring = el.matches('.sr') ? document.querySelector('label[for="' + el.id + '"]') : el.closest('.scale .opt') || el;
      const style = getComputedStyle(ring);
      window.__stops.push({ q: el.closest('.item')?.dataset.q ?? null, tag: el.tagName, type: el.type ?? '', id: el.id, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 });
    });
    document.activeElement?.blur();
    window.scrollTo(0, 0);`);
  const tabs = Array.from({ length: 160 }, () => '\uE004');
  await press(...tabs);
  const stops = await js('return window.__stops;');
  const reached = new Set(stops.map((x) => x.q).filter(Boolean));
  assert.deepEqual(QUESTIONS.filter((q) => !reached.has(q)), [], 'questions never reached with Tab');
  assert.ok(stops.some((x) => x.id === 'send'), '«Отправить» reached with Tab');
  assert.ok(stops.some((x) => x.type === 'file'), 'the file picker reached with Tab');
  const ringless = stops.filter((x) => !x.ring);
  assert.deepEqual(ringless, [], 'focus stops without a visible ring');
});

test('«Отправить» sends the batch; a later change is flagged until it is sent again', async () => {
  await click(await s.find('#send'));
  await s.waitUntil(`return document.getElementById('sent').classList.contains('done');`, { message: 'sent' });
  assert.match(await js('return document.getElementById("sent").textContent;'), /Ответы отправлены .*Спасибо/);
  await shot(s, 'phone-06-sent', '.send');
  // A change after sending: the page says it is not sent yet.
  const orders = await s.find(`${item('ce_orders')} input`);
  await s.clear(orders);
  await s.type(orders, '1300');
  await allSaved(['ce_orders']);
  await s.waitUntil(`return document.getElementById('sent').textContent.includes('меняли');`, { message: 'the change is flagged' });
  await shot(s, 'phone-07-changed-since', '.send');
  // Reloading keeps the flag (the server says `changed`).
  await open(s, am.link.url);
  await s.waitUntil('return document.documentElement.dataset.ready === "1"');
  assert.match(await js('return document.getElementById("sent").textContent;'), /меняли/);
  await click(await s.find('#send'));
  await s.waitUntil(`return document.getElementById('sent').classList.contains('done');`, { message: 'sent again' });
});

test('the page at 1920×1080 and at 360 px', async () => {
  const wide = await chromium({ width: 1920, height: 1080, phone: false });
  try {
    await open(wide, am.link.url);
    await wide.waitUntil('return document.documentElement.dataset.ready === "1"');
    await noSideways(wide);
    await shot(wide, 'desktop-01-top');
    await shot(wide, 'desktop-02-sales', `${item('ce_channel')}`);
    await shot(wide, 'desktop-03-table', `${item('ce_prices')}`);
    await shot(wide, 'desktop-04-sent', '.attach');
    await noConsoleErrors(wide);
  } finally {
    await wide.delete();
  }
  const narrow = await chromium({ width: 360, height: 740 });
  try {
    await open(narrow, am.link.url);
    await narrow.waitUntil('return document.documentElement.dataset.ready === "1"');
    await noSideways(narrow);
    await shot(narrow, 'phone360-01-table', item('ce_prices'));
  } finally {
    await narrow.delete();
  }
});

test('the AM syncs, accepts every client answer, and the gaps close', () => {
  const synced = deepbrief(['sync']);
  assert.match(synced, /клиент|client/i, synced);
  const answers = json(['brief', 'client-answers', am.brief], { ok: [0, 3] });
  const waiting = answers.filter((a) => a.status === 'waiting');
  const asked = new Set(waiting.map((a) => a.question_id));
  for (const q of QUESTIONS) {
    assert.ok(asked.has(q), `a waiting client answer to ${q} (have ${[...asked].join(', ')})`);
  }
  const story = waiting.find((a) => a.question_id === 'ce_story');
  assert.equal(story.answer.value.value, STORY, 'the hostile text arrives as it was typed');
  const orders = waiting.filter((a) => a.question_id === 'ce_orders');
  assert.equal(orders.length, 1, 'the answer changed after the first «Отправить» waits once');
  assert.equal(orders[0].answer.value.value, 1300);
  const list = waiting.find((a) => a.question_id === 'ce_price_list');
  assert.deepEqual(list.files.map((f) => f.name), ['Прайс 2027.pdf']);
  for (const a of waiting) deepbrief(['brief', 'accept', a.id]);
  assert.deepEqual(
    json(['brief', 'client-answers', am.brief]).filter((a) => a.status === 'waiting'),
    [],
    'nothing waits after accepting',
  );
  const report = json(['gaps', am.brief], { ok: [0, 3] });
  const open = report.gaps.filter((g) => g.questions?.some((q) => q.startsWith('ce_')));
  // Answered ones are closed; «не знаю» stays a gap of its own kind; «пришлю позже» waits for its date.
  assert.deepEqual(
    open.map((g) => `${g.questions.join(',')}:${g.code}`),
    ['ce_warranty:unknown'],
    'the gaps left of the client\'s questions',
  );
  assert.ok(report.pending.some((p) => p.question === 'ce_certificates' && p.due === DUE), 'the promised answer waits for its date');
});

test('a link revoked while the page is open says so at the next save; revoked and unknown links say so, in words', async () => {
  await open(s, am.link.url);
  await s.waitUntil('return document.documentElement.dataset.ready === "1"');
  deepbrief(['followup', 'unlink', am.link.id]);
  await typeIn(`${item('ce_brand')} input`, ' (новое)');
  await s.waitUntil(`return document.querySelector('.dead');`, { message: 'the next save finds the link revoked' });
  assert.match(await js('return document.querySelector(".dead").textContent;'), /больше не действует/);
  deepbrief(['sync']);
  await open(s, am.link.url);
  await s.waitUntil(`return document.querySelector('.dead');`, { message: 'the revoked page' });
  assert.match(await js('return document.querySelector(".dead").textContent;'), /больше не действует/);
  await shot(s, 'phone-08-revoked');
  await open(s, `${server}/c/${'x'.repeat(32)}`);
  await s.waitUntil(`return document.querySelector('.dead');`, { message: 'the unknown link page' });
  const text = await js('return document.getElementById("app").innerText;');
  assert.match(text, /Ссылка не найдена/);
  assert.match(text, /Link not found/);
});

test('an English link reads in English', async () => {
  const en = briefWithLink('en', { only: ['ce_brand', 'ce_regions', 'ce_contact'] });
  const wide = await chromium({ width: 1920, height: 1080, phone: false });
  try {
    await open(wide, en.link.url);
    await wide.waitUntil('return document.documentElement.dataset.ready === "1"');
    assert.equal(await wide.execute('return document.documentElement.lang;'), 'en');
    const text = await wide.execute('return document.body.innerText;');
    for (const phrase of ['Follow-up questions', "I don't know", "I'll send it later, by…", 'Send', 'Which brand do you sell under?']) {
      assert.ok(text.includes(phrase), `«${phrase}» on the English page:\n${text}`);
    }
    assert.ok(!/Отправить|Не знаю/.test(text), 'no Russian on the English page');
    await shot(wide, 'desktop-05-english');
    await noConsoleErrors(wide);
  } finally {
    await wide.delete();
  }
});
