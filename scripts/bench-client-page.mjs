// The client page's benchmark (issue 22); scripts/bench-client-page.sh runs it inside
// tests/client/run.sh's set-up (a throw-away PostgreSQL, a release deepbrief-server, chromedriver).
//
// 1. First-load bytes: what GET /c/{token} brings (HTML, script, style, the page's JSON) as the
//    server sends it, and what gzip/brotli would make of it.
// 2. Time to interactive in headless Chromium at 390×844: navigation start → every answer field
//    rendered and enabled (the page's `client-ready` mark), cold (a new browser profile per load),
//    LOADS times; also with the CPU slowed 4× (Chromium's throttling: a mid-range phone).
// 3. Side by side, the floor: the same questions as a plain HTML form with no script (every field in
//    the HTML, the same style sheet), served as static bytes from 127.0.0.1; its fields are ready
//    when the HTML is parsed (DOMContentLoaded). It cannot save as typed, bring back what was saved,
//    or check a value before it is sent — the page's script is what pays for those.
// 4. Answer saves against the local server: PUT /v1/client/{token}/answers/{question} — SAVES
//    sequential ones by one client, and CLIENTS clients (each its own link) × PER_CLIENT at once;
//    bodies cycle through every kind. Also the browser's «Сохранено»: a pause in typing → the
//    status says saved (the page's 600 ms debounce + the save).
//
// Prints Markdown tables and writes target/client-e2e/bench.json.

import { request } from 'node:http';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync, gunzipSync, brotliCompressSync } from 'node:zlib';

import { QUESTIONS, briefWithLink, repo, server, signIn } from '../tests/client/am.mjs';
import { chromium, command, open } from '../tests/client/chromium.mjs';

const LOADS = Number(process.env.LOADS ?? 20);
const SAVES = Number(process.env.SAVES ?? 200);
const CLIENTS = Number(process.env.CLIENTS ?? 10);
const PER_CLIENT = Number(process.env.PER_CLIENT ?? 50);
const TYPED = Number(process.env.TYPED ?? 20);
const out = join(repo, 'target/client-e2e');
mkdirSync(out, { recursive: true });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (v) => pct(v, 50);
const ms = (x) => (x == null ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toString());
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/** GET `url` raw: status, headers, the bytes as they came (`wire`) and decoded (`body`). */
function raw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        resolve({ status: res.statusCode, headers: res.headers, wire, body });
      });
    })
      .on('error', reject)
      .end();
  });
}

// ---- set-up: the AM's brief, follow-up and links ----------------------------------------------------

const started = new Date().toISOString();
const load0 = loadavg();
signIn();
// Links: [0] the browser's, [1] the sequential saves', [2…] one per concurrent client (each link has
// its own rate limit, 300 requests a minute).
const made = briefWithLink('ru', { links: 2 + CLIENTS });
const url = made.link.url;
const token = url.split('/c/')[1];
console.error(`bench: ${url} and ${CLIENTS} more links`);

// ---- 1. first-load bytes ----------------------------------------------------------------------------

const accept = { 'accept-encoding': 'gzip, deflate, br' };
const html = await raw(url, accept);
const assetPaths = [...html.body.toString('utf8').matchAll(/(?:href|src)="(\/c\/assets\/[^"]+)"/g)].map((m) => m[1]);
const parts = [{ what: 'HTML shell (GET /c/{token})', res: html }];
for (const p of assetPaths) parts.push({ what: p.replace(/\?.*/, ''), res: await raw(server + p, accept) });
parts.push({ what: 'the page\'s data (GET /v1/client/{token}), 17 questions', res: await raw(`${server}/v1/client/${token}`, accept) });
const bytes = parts.map(({ what, res }) => ({
  what,
  status: res.status,
  sent: res.wire.length,
  written: res.body.length,
  encoding: res.headers['content-encoding'] ?? 'none',
  cache: res.headers['cache-control'] ?? '',
  gzip: gzipSync(res.body, { level: 6 }).length,
  brotli: brotliCompressSync(res.body).length,
}));
for (const b of bytes) if (b.status !== 200) throw new Error(`${b.what}: HTTP ${b.status}`);

// ---- the floor: the same questions as a plain HTML form, no script ----------------------------------

const pageData = JSON.parse(parts.at(-1).res.body.toString('utf8'));
const css = readFileSync(join(repo, 'crates/server/assets/client/client.css'), 'utf8');
const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
function floorHtml(p) {
  let n = 0;
  const field = (it) => {
    const id = `f${n++}`;
    const alt = `<div class="alt"><span class="chk"><input type="checkbox" id="${id}k" name="${esc(it.id)}:unknown"><label for="${id}k">Не знаю</label></span><span class="chk"><input type="checkbox" id="${id}l" name="${esc(it.id)}:later"><label for="${id}l">Пришлю позже до…</label></span><input type="date" name="${esc(it.id)}:due" aria-label="до"></div>`;
    const radios = (opts, type = 'radio') =>
      `<fieldset class="field group"><legend class="q">${esc(it.prompt)}</legend><div class="opts">${opts.map(([v, l], i) => `<span class="opt"><input type="${type}" id="${id}-${i}" name="${esc(it.id)}" value="${esc(v)}"><label for="${id}-${i}">${esc(l)}</label></span>`).join('')}</div></fieldset>`;
    let body;
    switch (it.kind) {
      case 'yes_no': body = radios([['true', 'Да'], ['false', 'Нет']]); break;
      case 'single_choice': body = radios(it.choices.map((c) => [c.id, c.label])); break;
      case 'multi_choice': body = radios(it.choices.map((c) => [c.id, c.label]), 'checkbox'); break;
      case 'scale': body = radios([1, 2, 3, 4, 5].map((v) => [v, v])); break;
      case 'list': body = `<fieldset class="field group"><legend class="q">${esc(it.prompt)}</legend>${[1, 2, 3].map((i) => `<label for="${id}-${i}">Пункт ${i}</label><input type="text" id="${id}-${i}" name="${esc(it.id)}">`).join('')}</fieldset>`; break;
      case 'table': body = `<fieldset class="field group"><legend class="q">${esc(it.prompt)}</legend>${[1, 2].map((r) => `<fieldset class="row"><legend>Строка ${r}</legend><div class="cells">${it.columns.map((c, i) => `<div class="cell"><label for="${id}-${r}-${i}">${esc(c.title)}</label><input id="${id}-${r}-${i}" type="${c.kind === 'date' ? 'date' : 'text'}" name="${esc(it.id)}:${r}:${esc(c.id)}"></div>`).join('')}</div></fieldset>`).join('')}</fieldset>`; break;
      case 'contact': body = `<fieldset class="field group"><legend class="q">${esc(it.prompt)}</legend><div class="cells">${['Имя', 'Должность', 'Телефон', 'Эл. почта'].map((l, i) => `<div class="cell"><label for="${id}-${i}">${l}</label><input id="${id}-${i}" name="${esc(it.id)}:${i}"></div>`).join('')}</div></fieldset>`; break;
      case 'long_text': body = `<label class="q" for="${id}">${esc(it.prompt)}</label><textarea id="${id}" name="${esc(it.id)}" rows="4"></textarea>`; break;
      default: body = `<label class="q" for="${id}">${esc(it.prompt)}</label><input id="${id}" type="${it.kind === 'date' ? 'date' : 'text'}" name="${esc(it.id)}">`;
    }
    return `<div class="item">${it.why ? `<p class="why">${esc(it.why)}</p>` : ''}${body}${alt}</div>`;
  };
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Форма</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/floor.css"></head><body><main><header><p class="agency">${esc(p.agency)}</p><h1>Уточняющие вопросы</h1></header><form method="post" action="/floor">${p.groups.map((g) => `<fieldset class="group"><legend>${esc(g.topic)}</legend>${g.items.map(field).join('')}${g.attach ? '<input type="file" name="files" multiple aria-label="Файлы">' : ''}</fieldset>`).join('')}<button class="primary">Отправить</button></form></main></body></html>`;
}
const floor = Buffer.from(floorHtml(pageData));
const floorServer = createServer((req, res) => {
  if (req.url === '/floor.css') {
    res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
    return res.end(css);
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(floor);
});
await new Promise((r) => floorServer.listen(0, '127.0.0.1', r));
const floorUrl = `http://127.0.0.1:${floorServer.address().port}/`;

// ---- 2 and 3. time to interactive, cold, at 390×844 -------------------------------------------------

/** One cold load of `target` in a new browser profile: the page's timings (ms from navigation start). */
async function coldLoad(target, { throttle = 1, ready }) {
  const s = await chromium({ width: 390, height: 844 });
  try {
    if (throttle > 1) {
      await command('POST', `/session/${s.id}/goog/cdp/execute`, { cmd: 'Emulation.setCPUThrottlingRate', params: { rate: throttle } });
    }
    await open(s, target);
    await s.waitUntil(ready, { timeoutMs: 30_000 });
    await sleep(300);
    // Largest contentful paint: when the biggest piece of content (here: text of the questions) was
    // painted — the fields on screen, not just in the document.
    const lcp = await command('POST', `/session/${s.id}/execute/async`, {
      script: `const done = arguments[0];
        new PerformanceObserver((list) => { const e = list.getEntries(); done(e[e.length - 1].startTime); })
          .observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => done(null), 2000);`,
      args: [],
    });
    const timings = await s.execute(`
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const mark = performance.getEntriesByName('client-ready')[0];
      const fields = [...document.querySelectorAll('input, textarea, select')];
      return {
        ready: mark ? mark.startTime : nav.domContentLoadedEventEnd,
        dcl: nav.domContentLoadedEventEnd,
        fcp: fcp ? fcp.startTime : null,
        load: nav.loadEventEnd,
        fields: fields.length,
        enabled: fields.filter((f) => !f.disabled).length,
        requests: performance.getEntriesByType('resource').map((r) => new URL(r.name).host),
        script: performance.getEntriesByType('resource').find((r) => r.name.includes('/client.js'))?.responseEnd ?? null,
        dataStart: performance.getEntriesByType('resource').find((r) => r.name.includes('/v1/client/'))?.startTime ?? null,
        dataEnd: performance.getEntriesByType('resource').find((r) => r.name.includes('/v1/client/'))?.responseEnd ?? null,
      };`);
    return { ...timings, lcp };
  } finally {
    await s.delete();
  }
}

const loads = {};
for (const [name, target, throttle, ready] of [
  ['page', url, 1, 'return document.documentElement.dataset.ready === "1"'],
  ['floor', floorUrl, 1, 'return document.readyState !== "loading"'],
  ['page, CPU 4× slower', url, 4, 'return document.documentElement.dataset.ready === "1"'],
  ['floor, CPU 4× slower', floorUrl, 4, 'return document.readyState !== "loading"'],
]) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) runs.push(await coldLoad(target, { throttle, ready }));
  loads[name] = runs;
  console.error(`bench: ${name}: ${LOADS} cold loads, ready median ${ms(median(runs.map((r) => r.ready)))} ms`);
}
const hosts = new Set(Object.values(loads).flat().flatMap((r) => r.requests));
floorServer.close();

// ---- 4. answer saves ----------------------------------------------------------------------------------

let serial = 0;
/** An answer for question `q`, different every time (`i`). */
function answer(q, i) {
  const text = (t) => ({ state: 'answered', value: { type: 'text', value: t } });
  const number = (n) => ({ state: 'answered', value: { type: 'number', value: n } });
  switch (q) {
    case 'ce_brand': return text(`ШинаМаркет ${i}`);
    case 'ce_story': return text(`Основаны в 2009 году в Казани. ${'Продаём шины и диски для легковых машин, доставляем по Поволжью. '.repeat(6)}${i}`);
    case 'ce_orders': return number(1000 + i);
    case 'ce_budget': return number(150000 + i / 2);
    case 'ce_share': return number(i % 100);
    case 'ce_delivery': return number(i % 30);
    case 'ce_launch': return text(`2027-03-${String((i % 28) + 1).padStart(2, '0')}`);
    case 'ce_warranty': return i % 2 ? { state: 'unknown' } : text(`Год сверх закона, ${i}`);
    case 'ce_certificates': return { state: 'later', value: { due: `2027-01-${String((i % 28) + 1).padStart(2, '0')}` } };
    case 'ce_crm': return { state: 'answered', value: { type: 'bool', value: i % 2 === 0 } };
    case 'ce_channel': return { state: 'answered', value: { type: 'choice', value: ['site', 'marketplaces', 'shops', 'other'][i % 4] } };
    case 'ce_regions': return { state: 'answered', value: { type: 'choices', value: [['msk'], ['msk', 'spb'], ['volga', 'ural'], ['msk', 'spb', 'ural']][i % 4] } };
    case 'ce_speed': return number(1 + (i % 5));
    case 'ce_competitors': return { state: 'answered', value: { type: 'items', value: ['Колесо.ру', 'Шинсервис', `Шины ${i}`] } };
    case 'ce_prices': return { state: 'answered', value: { type: 'rows', value: [1, 2, 3].map((r) => ({ product: `Шина ${r}-${i}`, price: String(5000 + r * 1000 + i), margin: String(20 + r), since: '2024-10-01', stock: 'true', season: r % 2 ? 'winter' : 'summer', page: `https://koleso.example/${r}` })) } };
    case 'ce_contact': return { state: 'answered', value: { type: 'contact', value: { name: 'Ирина Петрова', role: 'маркетолог', phone: '+7 900 000-00-00', email: `irina${i}@koleso.example` } } };
    case 'ce_price_list': return text(`https://koleso.example/price-${i}.pdf`);
    default: throw new Error(q);
  }
}

/**
 * A client of link `link` on network 10.0.0.`net` (X-Forwarded-For; the server runs with
 * --behind-proxy): `n` saves one after another; returns each one's milliseconds.
 */
async function client(link, n, net) {
  const t = link.url.split('/c/')[1];
  const forwarded = { 'x-forwarded-for': `10.0.0.${net}` };
  const page = await (await fetch(`${server}/v1/client/${t}`, { headers: forwarded })).json();
  const times = [];
  for (let k = 0; k < n; k++) {
    const i = serial++;
    const q = QUESTIONS[i % QUESTIONS.length];
    const body = JSON.stringify({ answer: answer(q, i) });
    const t0 = performance.now();
    const res = await fetch(`${server}/v1/client/${t}/answers/${q}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-deepbrief-csrf': page.csrf, ...forwarded },
      body,
    });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`PUT ${q}: HTTP ${res.status}`);
  }
  return times;
}

await client(made.links[1], 10, 1); // warm the connection and the server
const sequential = await client(made.links[1], SAVES, 1);
const wall0 = performance.now();
const concurrent = (await Promise.all(made.links.slice(2, 2 + CLIENTS).map((l, i) => client(l, PER_CLIENT, 2 + i)))).flat();
const concurrentWall = performance.now() - wall0;

// The browser: a pause in typing → «Сохранено» (the page's 600 ms debounce, then the save).
const typed = [];
{
  const s = await chromium({ width: 390, height: 844 });
  try {
    await open(s, url);
    await s.waitUntil('return document.documentElement.dataset.ready === "1"');
    for (let i = 0; i < TYPED; i++) {
      const took = await command('POST', `/session/${s.id}/execute/async`, {
            script: `
              const done = arguments[arguments.length - 1];
              const input = document.querySelector('[data-q="ce_brand"] input');
              const status = document.querySelector('[data-q="ce_brand"] .st');
              input.value = 'ШинаМаркет ' + arguments[0];
              const t0 = performance.now();
              input.dispatchEvent(new Event('input', { bubbles: true }));
              const poll = () => status.classList.contains('saved') ? done(performance.now() - t0) : setTimeout(poll, 5);
              setTimeout(poll, 5);`,
        args: [i],
      });
      typed.push(took);
    }
  } finally {
    await s.delete();
  }
}

// ---- the report ---------------------------------------------------------------------------------------

const sum = (k) => bytes.reduce((n, b) => n + b[k], 0);
const firstLoad = bytes.filter((b) => !b.what.startsWith('the page'));
const row = (cells) => `| ${cells.join(' | ')} |`;
const lines = [];
lines.push(`Client page benchmark, ${started}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average at start ${load0.map((x) => x.toFixed(1)).join(' / ')}; Chromium ${process.env.CHROMIUM_VERSION ?? ''}`.trim());
lines.push('');
lines.push(row(['first load: what', 'as sent', 'encoding', 'as written', 'gzip -6 of it', 'brotli of it', 'cache']));
lines.push(row(['---', '---:', '---', '---:', '---:', '---:', '---']));
for (const b of bytes) lines.push(row([b.what, `${b.sent} B`, b.encoding, `${b.written} B`, `${b.gzip} B`, `${b.brotli} B`, b.cache]));
lines.push(row(['**total (page + data)**', `**${sum('sent')} B (${kb(sum('sent'))})**`, '', `${sum('written')} B (${kb(sum('written'))})`, `${sum('gzip')} B (${kb(sum('gzip'))})`, `${sum('brotli')} B (${kb(sum('brotli'))})`, '']));
const floorBytes = floor.length + Buffer.byteLength(css);
lines.push(row(['the floor: one HTML form, same questions + the same CSS', `${floorBytes} B (${kb(floorBytes)})`, 'none', `${floorBytes} B`, `${gzipSync(floor).length + gzipSync(css).length} B`, `${brotliCompressSync(floor).length + brotliCompressSync(css).length} B`, '']));
lines.push('');
lines.push(`Requests after the HTML, per load: page ${loads.page[0].requests.length}, floor ${loads.floor[0].requests.length}; every host asked: ${[...hosts].join(', ')} (no third party). Fields rendered and enabled: page ${loads.page[0].enabled} of ${loads.page[0].fields}, floor ${loads.floor[0].enabled} of ${loads.floor[0].fields}.`);
lines.push('');
lines.push(row([`${LOADS} cold loads at 390×844, ms from navigation start`, 'fields in the document, enabled: median', 'p95', 'fields painted (LCP): median', 'p95', 'max', 'first contentful paint: median']));
lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
for (const [name, runs] of Object.entries(loads)) {
  const r = runs.map((x) => x.ready);
  const l = runs.map((x) => x.lcp ?? x.ready);
  lines.push(row([name, ms(median(r)), ms(pct(r, 95)), `**${ms(median(l))}**`, ms(pct(l, 95)), ms(Math.max(...l)), ms(median(runs.map((x) => x.fcp)))]));
}
for (const name of ['page', 'page, CPU 4× slower']) {
  const runs = loads[name];
  lines.push('');
  lines.push(`${name}, medians: HTML parsed (DOMContentLoaded) ${ms(median(runs.map((x) => x.dcl)))} ms, script loaded ${ms(median(runs.map((x) => x.script)))} ms, data requested ${ms(median(runs.map((x) => x.dataStart)))} ms and arrived ${ms(median(runs.map((x) => x.dataEnd)))} ms, fields in the document ${ms(median(runs.map((x) => x.ready)))} ms.`);
}
lines.push('');
lines.push(row(['answer saves (PUT …/answers/{question}), ms', 'n', 'p50', 'p95', 'max', 'throughput']));
lines.push(row(['---', '---:', '---:', '---:', '---:', '---:']));
lines.push(row(['one client, one after another', sequential.length, ms(median(sequential)), `**${ms(pct(sequential, 95))}**`, ms(Math.max(...sequential)), `${(sequential.length / (sequential.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} saves/s`]));
lines.push(row([`${CLIENTS} clients at once × ${PER_CLIENT}`, concurrent.length, ms(median(concurrent)), `**${ms(pct(concurrent, 95))}**`, ms(Math.max(...concurrent)), `${(concurrent.length / (concurrentWall / 1000)).toFixed(0)} saves/s`]));
lines.push(row(['in Chromium: typing stops → «Сохранено» (600 ms debounce + save)', typed.length, ms(median(typed)), ms(pct(typed, 95)), ms(Math.max(...typed)), '']));
const report = lines.join('\n');
console.log(report);
writeFileSync(join(out, 'bench.json'), JSON.stringify({ started, load0, bytes, loads, sequential, concurrent, concurrentWall, typed, floorBytes: floor.length }, null, 1));
writeFileSync(join(out, 'bench.md'), `${report}\n`);
