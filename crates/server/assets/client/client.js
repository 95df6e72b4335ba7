// @ts-check
// The client's page of a Deepbrief link (issue 22): served at /c/{token}, it reads the token from
// the path, loads /v1/client/{token} and renders every question with the answer field of its kind.
// Answers save as they are typed (PUT, debounced); «Отправить» submits the batch. No framework, no
// build step, no third-party request; every piece of text from the server goes in through
// textContent or an attribute, never as markup. Type-checked against the generated bindings
// (tests/client/typecheck.test.mjs runs tsc on this file).
(() => {
  'use strict';

  /** @typedef {import('../../../../ui/src/lib/bindings/ClientPage').ClientPage} ClientPage */
  /** @typedef {import('../../../../ui/src/lib/bindings/ClientGroup').ClientGroup} ClientGroup */
  /** @typedef {import('../../../../ui/src/lib/bindings/ClientItem').ClientItem} ClientItem */
  /** @typedef {import('../../../../ui/src/lib/bindings/ClientColumn').ClientColumn} ClientColumn */
  /** @typedef {import('../../../../ui/src/lib/bindings/ClientFile').ClientFile} ClientFile */
  /** @typedef {import('../../../../ui/src/lib/bindings/ClientSaved').ClientSaved} ClientSaved */
  /** @typedef {import('../../../../ui/src/lib/bindings/ClientSubmitted').ClientSubmitted} ClientSubmitted */
  /** @typedef {import('../../../../ui/src/lib/bindings/Answer').Answer} Answer */
  /** @typedef {import('../../../../ui/src/lib/bindings/AnswerValue').AnswerValue} AnswerValue */
  /** @typedef {{ v: AnswerValue | null } | { err: string }} Read */
  /** @typedef {{ nodes: Node[], read: () => Read, fill: (v: AnswerValue) => void, group: boolean }} Field */
  /**
   * One question on the page and its saving state.
   * @typedef {object} Slot
   * @property {ClientItem} item
   * @property {Field} field
   * @property {HTMLElement} el
   * @property {HTMLFieldSetElement} box
   * @property {HTMLInputElement} unk
   * @property {HTMLInputElement} later
   * @property {HTMLInputElement} due
   * @property {HTMLElement} err
   * @property {HTMLElement} st
   * @property {string} saved the last body the server took
   * @property {boolean} has whether the server holds an answer
   * @property {number} timer
   * @property {boolean} busy
   * @property {boolean} again
   * @property {Promise<void> | null} run
   * @property {string} state
   * @property {string} [said] the last state announced
   */

  const MAX_FILE = 10 * 1024 * 1024;
  const DEBOUNCE = 600;

  const TEXT = {
    ru: {
      title: 'Уточняющие вопросы',
      intro:
        'Ответы сохраняются сами, пока вы печатаете, — можно закрыть страницу и вернуться позже. Когда закончите, нажмите «Отправить» внизу страницы.',
      /** @param {string} d */ expires: (d) => `Ссылка действует до ${d} включительно.`,
      unknown: 'Не знаю',
      later: 'Пришлю позже до…',
      due: 'Дата, до которой пришлёте ответ',
      pickDue: 'Выберите дату — и ответ сохранится.',
      saved: 'Сохранено',
      saving: 'Сохраняется…',
      notSaved: 'Не сохранено',
      retry: 'Повторить',
      offline: 'нет связи с сервером',
      clear: 'Сбросить',
      yes: 'Да',
      no: 'Нет',
      add: 'Добавить',
      remove: 'Удалить',
      /** @param {number} n */ itemN: (n) => `Пункт ${n}`,
      addRow: 'Добавить строку',
      removeRow: 'Удалить строку',
      /** @param {number} n */ rowN: (n) => `Строка ${n}`,
      name: 'Имя',
      role: 'Должность',
      phone: 'Телефон',
      email: 'Эл. почта',
      days: 'дн.',
      /** @param {number|undefined} a @param {number|undefined} b */
      picks: (a, b) =>
        a != null && b != null ? `Выберите от ${a} до ${b}.` : a != null ? `Выберите не меньше ${a}.` : `Выберите не больше ${b}.`,
      files: 'Файлы',
      attach: 'Прикрепить файлы',
      fileHint: 'PDF, Word, Excel, PowerPoint, PNG, JPEG, WebP или текст, каждый файл до 10 МБ.',
      /** @param {string} n */ removeFile: (n) => `Удалить файл «${n}»`,
      /** @param {string} n */ uploaded: (n) => `Файл «${n}» загружен`,
      /** @param {string} n */ removed: (n) => `Файл «${n}» удалён`,
      /** @param {string} n */ tooBig: (n) => `Файл «${n}» больше 10 МБ — такой не загрузить.`,
      /** @param {string} n @param {string} m */ upFailed: (n, m) => `«${n}» не загружен: ${m}`,
      badType: 'такие файлы не принимаются — нужен PDF, Word, Excel, PowerPoint, PNG, JPEG, WebP или текст',
      tooMany: 'к одной ссылке можно приложить не больше 20 файлов — удалите лишние',
      slow: 'слишком много попыток подряд — подождите минуту и повторите',
      refused: 'сервер не принял этот ответ — проверьте его',
      dismiss: 'Скрыть',
      units: ['Б', 'КБ', 'МБ'],
      send: 'Отправить',
      sending: 'Отправляется…',
      /** @param {string} w */ sent: (w) => `Ответы отправлены ${w}. Спасибо!`,
      changed: 'После отправки вы меняли ответы — нажмите «Отправить» ещё раз, чтобы агентство увидело изменения.',
      notSent: 'Когда ответите на всё, что знаете, нажмите «Отправить» — агентство увидит ваши ответы.',
      unsaved: 'Не все ответы сохранены — исправьте отмеченные поля и отправьте снова.',
      nothing: 'Пока нечего отправлять — ответьте хотя бы на один вопрос.',
      /** @param {number} a @param {number} n */ count: (a, n) => `Отвечено ${a} из ${n}`,
      dead: 'Ссылка не работает',
      failedTitle: 'Страница не загрузилась',
      expired: 'Срок действия ссылки истёк. Попросите у агентства новую.',
      revoked: 'Эта ссылка больше не действует. Если вопросы остались, напишите агентству.',
      not_found: 'Ссылка не найдена. Проверьте, что она скопирована целиком.',
      failed: 'Не удалось загрузить страницу. Проверьте интернет и обновите её.',
      reload: 'Обновить',
      notNumber: 'введите число, например 1500 или 12,5',
      /** @param {string} n */ min: (n) => `число не меньше ${n}`,
      /** @param {string} n */ max: (n) => `число не больше ${n}`,
      whole: 'нужно целое число',
      needName: 'укажите имя',
      link: 'нужен адрес сайта (https://…) или почты (mailto:…)',
      date: 'выберите дату целиком',
      /** @param {number} r @param {string} c @param {string} m */ cell: (r, c, m) => `строка ${r}, «${c}»: ${m}`,
    },
    en: {
      title: 'Follow-up questions',
      intro:
        'Your answers save as you type, so you can close this page and come back later. When you are done, press “Send” at the bottom of the page.',
      /** @param {string} d */ expires: (d) => `This link works until ${d} inclusive.`,
      unknown: "I don't know",
      later: "I'll send it later, by…",
      due: 'The date you will send it by',
      pickDue: 'Pick a date and the answer will save.',
      saved: 'Saved',
      saving: 'Saving…',
      notSaved: 'Not saved',
      retry: 'Try again',
      offline: 'no connection to the server',
      clear: 'Clear',
      yes: 'Yes',
      no: 'No',
      add: 'Add',
      remove: 'Remove',
      /** @param {number} n */ itemN: (n) => `Item ${n}`,
      addRow: 'Add a row',
      removeRow: 'Remove the row',
      /** @param {number} n */ rowN: (n) => `Row ${n}`,
      name: 'Name',
      role: 'Role',
      phone: 'Phone',
      email: 'E-mail',
      days: 'days',
      /** @param {number|undefined} a @param {number|undefined} b */
      picks: (a, b) =>
        a != null && b != null ? `Pick ${a} to ${b}.` : a != null ? `Pick at least ${a}.` : `Pick at most ${b}.`,
      files: 'Files',
      attach: 'Attach files',
      fileHint: 'PDF, Word, Excel, PowerPoint, PNG, JPEG, WebP or plain text, up to 10 MB each.',
      /** @param {string} n */ removeFile: (n) => `Remove the file “${n}”`,
      /** @param {string} n */ uploaded: (n) => `“${n}” uploaded`,
      /** @param {string} n */ removed: (n) => `“${n}” removed`,
      /** @param {string} n */ tooBig: (n) => `“${n}” is larger than 10 MB and cannot be uploaded.`,
      /** @param {string} n @param {string} m */ upFailed: (n, m) => `“${n}” not uploaded: ${m}`,
      badType: 'this type of file is not accepted: send PDF, Word, Excel, PowerPoint, PNG, JPEG, WebP or plain text',
      tooMany: 'one link takes at most 20 files: remove some first',
      slow: 'too many attempts in a row: wait a minute and try again',
      refused: 'the server did not accept this answer: check it',
      dismiss: 'Dismiss',
      units: ['B', 'KB', 'MB'],
      send: 'Send',
      sending: 'Sending…',
      /** @param {string} w */ sent: (w) => `Answers sent on ${w}. Thank you!`,
      changed: 'You changed answers after sending: press “Send” again so the agency sees the changes.',
      notSent: 'When you have answered what you know, press “Send” and the agency will see your answers.',
      unsaved: 'Some answers are not saved: fix the marked fields and send again.',
      nothing: 'Nothing to send yet: answer at least one question.',
      /** @param {number} a @param {number} n */ count: (a, n) => `${a} of ${n} answered`,
      dead: 'This link does not work',
      failedTitle: 'The page did not load',
      expired: 'This link has expired. Ask the agency for a new one.',
      revoked: 'This link no longer works. If you still have questions, write to the agency.',
      not_found: 'Link not found. Check that you copied all of it.',
      failed: 'The page did not load. Check your connection and reload it.',
      reload: 'Reload',
      notNumber: 'enter a number, e.g. 1500 or 12.5',
      /** @param {string} n */ min: (n) => `a number of at least ${n}`,
      /** @param {string} n */ max: (n) => `a number of at most ${n}`,
      whole: 'a whole number, please',
      needName: 'enter a name',
      link: 'enter a web address (https://…) or an e-mail (mailto:…)',
      date: 'pick a whole date',
      /** @param {number} r @param {string} c @param {string} m */ cell: (r, c, m) => `row ${r}, “${c}”: ${m}`,
    },
  };

  /** @type {'ru' | 'en'} */
  let lang = 'ru';
  let T = TEXT.ru;
  const main = /** @type {HTMLElement} */ (document.getElementById('app'));
  const live = /** @type {HTMLElement} */ (document.getElementById('live'));
  const alarm = /** @type {HTMLElement} */ (document.getElementById('alert'));
  const token = (/^\/c\/([^/?#]+)/.exec(location.pathname) || [])[1] || '';
  const base = `/v1/client/${token}`;
  let csrf = '';
  let uid = 0;
  /** @type {Slot[]} */
  const slots = [];
  /** @type {ClientPage} */
  let page;
  let gone = false;

  /**
   * An element with attributes (strings set with setAttribute, `true` as an empty attribute,
   * functions as `on…` listeners) and children (strings become text nodes).
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>} [attrs]
   * @param {...(Node | string | null | undefined | false)} kids
   * @returns {HTMLElementTagNameMap[K]}
   */
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, '');
      else if (v != null && v !== false) el.setAttribute(k, String(v));
    }
    for (const kid of kids) if (kid) el.append(kid);
    return el;
  }

  /** Says `text` through the polite (or assertive) live region. @param {string} text @param {boolean} [urgent] */
  function say(text, urgent) {
    const region = urgent ? alarm : live;
    region.textContent = '';
    setTimeout(() => (region.textContent = text), 50);
  }

  // Dates are worded here rather than through Intl: the first Intl formatter loads the locale's data,
  // which took 16 ms of the page's first render (64 ms on a CPU slowed 4×).
  const MONTHS = {
    ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  };
  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, '0');

  /** «15 января 2027 г.», "January 15, 2027". @param {string} iso `YYYY-MM-DD` */
  function day(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    const month = MONTHS[lang][m - 1];
    if (!y || !d || !month) return iso;
    return lang === 'ru' ? `${d} ${month} ${y} г.` : `${month} ${d}, ${y}`;
  }

  /** «3 декабря в 14:30», "December 3 at 14:30", in this computer's time. @param {string} rfc3339 */
  function moment(rfc3339) {
    const t = new Date(rfc3339);
    if (Number.isNaN(t.getTime())) return rfc3339;
    const month = MONTHS[lang][t.getMonth()];
    const hm = `${pad(t.getHours())}:${pad(t.getMinutes())}`;
    return lang === 'ru' ? `${t.getDate()} ${month} в ${hm}` : `${month} ${t.getDate()} at ${hm}`;
  }

  /** Today on this computer, `YYYY-MM-DD`. */
  function today() {
    const d = new Date();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  /** @param {number} bytes */
  function size(bytes) {
    let n = bytes;
    let u = 0;
    while (n >= 1024 && u < 2) {
      n /= 1024;
      u++;
    }
    return `${showNum(Number(n.toFixed(u ? 1 : 0)))} ${T.units[u]}`;
  }

  /** A date whose year is still being typed (`0202-…`). @param {string} iso */
  function partYear(iso) {
    return /^0/.test(iso);
  }

  /** A number as the person types it: spaces and a decimal comma allowed. @param {string} s */
  function parseNum(s) {
    let t = s.replace(/[\s\u00a0\u202f]/g, '');
    if (t.includes('.') && t.includes(',')) t = t.replace(/,/g, '');
    else if (lang === 'en' && /^-?\d{1,3}(,\d{3})+$/.test(t)) t = t.replace(/,/g, '');
    else t = t.replace(',', '.');
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null;
  }

  /** @param {number} n */
  function showNum(n) {
    return lang === 'ru' ? String(n).replace('.', ',') : String(n);
  }

  /** The bounds of a number, the kind's defaults where the question gives none. @param {ClientItem} it */
  function bounds(it) {
    const d = { money: [0], percent: [0, 100], duration: [0], scale: [1, 5] }[it.kind] || [];
    return { min: it.min ?? d[0], max: it.max ?? d[1], whole: it.integer || it.kind === 'scale' };
  }

  /** What is wrong with `n` for the question, or ''. @param {ClientItem} it @param {number} n */
  function numProblem(it, n) {
    const b = bounds(it);
    if (b.min != null && n < b.min) return T.min(showNum(b.min));
    if (b.max != null && n > b.max) return T.max(showNum(b.max));
    if (b.whole && !Number.isInteger(n)) return T.whole;
    return '';
  }

  /** A link's scheme is web or mail (as the core's `link_scheme` reads it). @param {string} s */
  function linkOk(s) {
    const m = /^([a-z][a-z0-9+.-]*):(.*)$/is.exec(s.trim());
    if (!m) return true;
    const port = /^\d+([/?#]|$)/.test(m[2]) && !m[2].startsWith('//');
    return port || ['http', 'https', 'mailto'].includes(m[1].toLowerCase());
  }

  /** A currency's sign, else its code (no Intl, see MONTHS). @param {string} code */
  function currency(code) {
    return { RUB: '₽', USD: '$', EUR: '€', GBP: '£', CNY: '¥', KZT: '₸', BYN: 'Br', UAH: '₴', TRY: '₺', AMD: '֏', GEL: '₾' }[code] || code;
  }

  /** The unit shown after a number. @param {string} kind @param {string} [unit] */
  function unitOf(kind, unit) {
    if (kind === 'money') return unit ? currency(unit) : '';
    if (kind === 'percent') return '%';
    if (kind === 'duration') return T.days;
    return unit || '';
  }

  const NUMERIC = ['number', 'money', 'percent', 'duration'];

  /**
   * The answer field of a question of `it.kind`.
   * @param {ClientItem} it
   * @param {string} id the first control's id (the prompt's label points at it)
   * @param {string} described the ids the controls are described by
   * @param {(now?: boolean) => void} edit call on every change (`now`: save without waiting)
   * @returns {Field}
   */
  function makeField(it, id, described, edit) {
    const typed = () => edit();
    const picked = () => edit(true);
    const k = it.kind;

    if (k === 'yes_no' || k === 'single_choice' || k === 'scale') {
      /** @type {[string, string, string][]} value, label, spoken suffix */
      let options;
      if (k === 'yes_no') {
        options = [
          ['true', T.yes, ''],
          ['false', T.no, ''],
        ];
      } else if (k === 'scale') {
        const b = bounds(it);
        const lo = Math.max(0, Math.ceil(b.min ?? 1));
        const hi = Math.min(lo + 20, Math.floor(b.max ?? 5));
        options = [];
        for (let i = lo; i <= hi; i++) {
          const end = it.labels ? (i === lo ? it.labels[0] : i === hi ? it.labels[1] : '') : '';
          options.push([String(i), String(i), end ? ` — ${end}` : '']);
        }
      } else options = it.choices.map((c) => [c.id, c.label, '']);
      const name = `${id}-r`;
      const radios = options.map(([value], i) =>
        h('input', { type: 'radio', name, value, id: i ? `${id}-${i}` : id, onchange: () => (clear.hidden = false, picked()) }),
      );
      const clear = h('button', { type: 'button', class: 'link', hidden: true, onclick: () => {
        radios.forEach((r) => (r.checked = false));
        clear.hidden = true;
        edit(true);
        radios[0].focus();
      } }, T.clear);
      const list = h(
        'div',
        { class: k === 'scale' ? 'opts scale' : 'opts' },
        ...radios.map((r, i) =>
          h('span', { class: 'opt' }, r, h('label', { for: r.id }, options[i][1], options[i][2] && h('span', { class: 'sr' }, options[i][2]))),
        ),
      );
      const ends =
        k === 'scale' && it.labels
          ? h('div', { class: 'ends', 'aria-hidden': 'true' }, h('span', {}, it.labels[0]), h('span', {}, it.labels[1]))
          : null;
      return {
        group: true,
        nodes: [list, ends, clear].filter((n) => n !== null),
        read() {
          const r = radios.find((x) => x.checked);
          if (!r) return { v: null };
          if (k === 'yes_no') return { v: { type: 'bool', value: r.value === 'true' } };
          if (k === 'scale') return { v: { type: 'number', value: Number(r.value) } };
          return { v: { type: 'choice', value: r.value } };
        },
        fill(v) {
          const want = v.type === 'bool' || v.type === 'number' || v.type === 'choice' ? String(v.value) : null;
          for (const r of radios) r.checked = r.value === want;
          clear.hidden = !radios.some((r) => r.checked);
        },
      };
    }

    if (k === 'multi_choice') {
      const boxes = it.choices.map((c, i) => h('input', { type: 'checkbox', value: c.id, id: i ? `${id}-${i}` : id, onchange: () => (limit(), picked()) }));
      const note =
        it.min != null || it.max != null ? h('p', { class: 'note', id: `${id}-n` }, T.picks(it.min, it.max)) : null;
      const limit = () => {
        const full = it.max != null && boxes.filter((b) => b.checked).length >= it.max;
        for (const b of boxes) b.disabled = full && !b.checked;
      };
      return {
        group: true,
        nodes: [h('div', { class: 'opts' }, ...boxes.map((b, i) => h('span', { class: 'opt' }, b, h('label', { for: b.id }, it.choices[i].label)))), note].filter((n) => n !== null),
        read() {
          const ids = boxes.filter((b) => b.checked).map((b) => b.value);
          return { v: ids.length ? { type: 'choices', value: ids } : null };
        },
        fill(v) {
          if (v.type === 'choices') for (const b of boxes) b.checked = v.value.includes(b.value);
          limit();
        },
      };
    }

    if (k === 'list') {
      const ul = h('ul', { class: 'list' });
      const add = h('button', { type: 'button', class: 'ghost', onclick: () => row('', true) }, T.add);
      /** @param {string} text @param {boolean} [focus] */
      const row = (text, focus) => {
        const n = ul.children.length + 1;
        const input = h('input', { type: 'text', id: n === 1 ? id : `${id}-${uid++}`, oninput: typed, onchange: picked });
        input.value = text;
        const label = h('label', { for: input.id, class: 'sr' });
        const li = h('li', {}, label, input, h('button', { type: 'button', class: 'ghost', onclick: () => {
          const next = li.nextElementSibling || li.previousElementSibling;
          li.remove();
          if (!ul.children.length) row('');
          renumber();
          edit(true);
          const f = next && next.querySelector('input');
          (f || add).focus();
        } }, T.remove));
        ul.append(li);
        renumber();
        if (focus) input.focus();
      };
      const renumber = () => {
        [...ul.children].forEach((li, i) => {
          const word = it.item ? `${it.item} ${i + 1}` : T.itemN(i + 1);
          const label = li.querySelector('label');
          const button = li.querySelector('button');
          if (label) label.textContent = word;
          if (button) {
            button.setAttribute('aria-label', `${T.remove}: ${word}`);
            button.hidden = ul.children.length === 1;
          }
        });
        add.disabled = it.max != null && ul.children.length >= it.max;
      };
      row('');
      return {
        group: true,
        nodes: [ul, add],
        read() {
          const items = [...ul.querySelectorAll('input')].map((i) => i.value.trim()).filter(Boolean);
          return { v: items.length ? { type: 'items', value: items } : null };
        },
        fill(v) {
          if (v.type !== 'items' || !v.value.length) return;
          ul.textContent = '';
          v.value.forEach((t) => row(t));
        },
      };
    }

    if (k === 'table') return tableField(it, id, typed, picked, edit);

    if (k === 'contact') {
      /** @type {[string, string, string, string][]} field, label, input type, autocomplete */
      const spec = [
        ['name', T.name, 'text', 'name'],
        ['role', T.role, 'text', 'organization-title'],
        ['phone', T.phone, 'tel', 'tel'],
        ['email', T.email, 'email', 'email'],
      ];
      const inputs = spec.map(([f, , type, auto], i) =>
        h('input', { type, id: i ? `${id}-${f}` : id, name: f, autocomplete: auto, oninput: typed, onchange: picked }),
      );
      return {
        group: true,
        nodes: [h('div', { class: 'cells' }, ...inputs.map((input, i) => h('div', { class: 'cell' }, h('label', { for: input.id }, spec[i][1]), input)))],
        read() {
          /** @type {Record<string, string>} */
          const value = {};
          inputs.forEach((input, i) => {
            const t = input.value.trim();
            if (t) value[spec[i][0]] = t;
          });
          if (!Object.keys(value).length) return { v: null };
          if (!value.name) return { err: T.needName };
          return { v: { type: 'contact', value } };
        },
        fill(v) {
          if (v.type === 'contact') inputs.forEach((input, i) => (input.value = v.value[spec[i][0]] || ''));
        },
      };
    }

    // One control: a text, a number with its unit, a date, a link.
    const numeric = NUMERIC.includes(k);
    /** @type {HTMLInputElement | HTMLTextAreaElement} */
    let input;
    if (k === 'long_text') input = h('textarea', { id, rows: 4 });
    else
      input = h('input', {
        id,
        type: k === 'date' ? 'date' : k === 'link' ? 'url' : 'text',
        inputmode: numeric ? 'decimal' : null,
        autocomplete: 'off',
      });
    if (it.max_length) input.maxLength = it.max_length;
    if (it.placeholder) input.placeholder = it.placeholder;
    input.setAttribute('aria-describedby', described);
    input.addEventListener('input', typed);
    // A date field fires `change` at every complete date, year digits half typed included: it saves
    // when left instead.
    input.addEventListener(k === 'date' ? 'blur' : 'change', picked);
    const unit = numeric ? unitOf(k, it.unit) : '';
    if (unit) input.setAttribute('aria-describedby', `${described} ${id}-u`);
    return {
      group: false,
      nodes: [unit ? h('div', { class: 'num' }, input, h('span', { class: 'unit', id: `${id}-u` }, unit)) : input],
      read() {
        const s = input.value.trim();
        if (k === 'date' && input instanceof HTMLInputElement && (input.validity.badInput || partYear(s))) return { err: T.date };
        if (!s) return { v: null };
        if (numeric) {
          const n = parseNum(s);
          if (n === null) return { err: T.notNumber };
          const problem = numProblem(it, n);
          return problem ? { err: problem } : { v: { type: 'number', value: n } };
        }
        if (k === 'link' && !linkOk(s)) return { err: T.link };
        return { v: { type: 'text', value: s } };
      },
      fill(v) {
        if (v.type === 'number') input.value = showNum(v.value);
        else if (v.type === 'text') input.value = v.value;
      },
    };
  }

  /**
   * A table: each row a group of labelled cells (readable at 360 px), rows added and removed.
   * @param {ClientItem} it
   * @param {string} id
   * @param {() => void} typed
   * @param {() => void} picked
   * @param {(now?: boolean) => void} edit
   * @returns {Field}
   */
  function tableField(it, id, typed, picked, edit) {
    const rows = h('div', { class: 'rows' });
    const add = h('button', { type: 'button', class: 'ghost', onclick: () => row({}, true) }, T.addRow);
    /** @type {Map<HTMLElement, (HTMLInputElement | HTMLSelectElement)[]>} */
    const cells = new Map();
    /** @param {ClientColumn} c */
    const title = (c) => {
      const u = NUMERIC.includes(c.kind) ? unitOf(c.kind, c.unit) : '';
      return u ? `${c.title}, ${u}` : c.title;
    };
    /** @param {Record<string, string>} values @param {boolean} [focus] */
    const row = (values, focus) => {
      const legend = h('legend');
      const fs = h('fieldset', { class: 'row' }, legend);
      const grid = h('div', { class: 'cells' });
      const controls = it.columns.map((c, i) => {
        const cid = rows.children.length || i ? `${id}-${uid++}` : id;
        /** @type {HTMLInputElement | HTMLSelectElement} */
        let control;
        const v = values[c.id] || '';
        if (c.kind === 'yes_no' || c.kind === 'single_choice') {
          const opts = c.kind === 'yes_no' ? [['true', T.yes], ['false', T.no]] : c.choices.map((o) => [o.id, o.label]);
          control = h('select', { id: cid, onchange: picked }, h('option', { value: '' }, '—'), ...opts.map(([value, label]) => h('option', { value }, label)));
        } else {
          control = h('input', {
            id: cid,
            type: c.kind === 'date' ? 'date' : c.kind === 'link' ? 'url' : 'text',
            inputmode: NUMERIC.includes(c.kind) ? 'decimal' : null,
            oninput: typed,
            [c.kind === 'date' ? 'onblur' : 'onchange']: picked,
          });
        }
        control.value = NUMERIC.includes(c.kind) && v ? showNum(Number(v)) : v;
        grid.append(h('div', { class: 'cell' }, h('label', { for: cid }, title(c)), control));
        return control;
      });
      const remove = h('button', { type: 'button', class: 'ghost', onclick: () => {
        const next = fs.nextElementSibling || fs.previousElementSibling;
        cells.delete(fs);
        fs.remove();
        if (!rows.children.length) row({});
        renumber();
        edit(true);
        const f = next && next.querySelector('input, select');
        (f instanceof HTMLElement ? f : add).focus();
      } });
      fs.append(grid, remove);
      cells.set(fs, controls);
      rows.append(fs);
      renumber();
      if (focus) controls[0]?.focus();
    };
    const renumber = () => {
      [...rows.children].forEach((fs, i) => {
        const legend = fs.querySelector('legend');
        const button = fs.querySelector('button');
        if (legend) legend.textContent = T.rowN(i + 1);
        if (button) {
          button.textContent = T.removeRow;
          button.setAttribute('aria-label', `${T.removeRow} ${i + 1}`);
          button.hidden = rows.children.length === 1;
        }
      });
      add.disabled = it.max != null && rows.children.length >= it.max;
    };
    row({});
    return {
      group: true,
      nodes: [rows, add],
      read() {
        /** @type {Record<string, string>[]} */
        const out = [];
        let n = 0;
        for (const controls of cells.values()) {
          n++;
          /** @type {Record<string, string>} */
          const r = {};
          for (const [i, c] of it.columns.entries()) {
            const control = controls[i];
            let t = control.value.trim();
            if (c.kind === 'date' && control instanceof HTMLInputElement && (control.validity.badInput || partYear(t)))
              return { err: T.cell(n, c.title, T.date) };
            if (!t) continue;
            if (NUMERIC.includes(c.kind)) {
              const num = parseNum(t);
              const problem =
                num === null ? T.notNumber : c.kind === 'percent' && (num < 0 || num > 100) ? T.max('100') : c.kind === 'duration' && num < 0 ? T.min('0') : '';
              if (problem || num === null) return { err: T.cell(n, c.title, problem) };
              t = String(num);
            }
            if (c.kind === 'link' && !linkOk(t)) return { err: T.cell(n, c.title, T.link) };
            r[c.id] = t;
          }
          if (Object.keys(r).length) out.push(r);
        }
        return { v: out.length ? { type: 'rows', value: out } : null };
      },
      fill(v) {
        if (v.type !== 'rows' || !v.value.length) return;
        rows.textContent = '';
        cells.clear();
        v.value.forEach((r) => row(r));
      },
    };
  }

  /** The answer a slot holds now, or why it cannot be saved. @param {Slot} s @returns {{ a: Answer | null } | { err: string } | { hint: string }} */
  function answerOf(s) {
    if (s.unk.checked) return { a: { state: 'unknown' } };
    if (s.later.checked) return s.due.value && !partYear(s.due.value) ? { a: { state: 'later', value: { due: s.due.value } } } : { hint: T.pickDue };
    const r = s.field.read();
    if ('err' in r) return r;
    return { a: r.v ? { state: 'answered', value: r.v } : null };
  }

  /**
   * Shows a slot's state: '' (nothing yet), 'saving', 'saved', 'hint', 'invalid' (the reason is by
   * the field), 'failed' (the reason in the status, with a retry).
   * @param {Slot} s @param {string} state @param {string} [message]
   */
  function status(s, state, message = '') {
    const was = s.state;
    s.state = state;
    s.el.classList.toggle('bad', state === 'invalid');
    s.err.textContent = state === 'invalid' ? message.charAt(0).toUpperCase() + message.slice(1) : '';
    for (const c of s.el.querySelectorAll('input, textarea, select'))
      if (s.box.contains(c)) {
        if (state === 'invalid') c.setAttribute('aria-invalid', 'true');
        else c.removeAttribute('aria-invalid');
      }
    s.st.className = `st ${state}`;
    s.st.textContent =
      state === 'saving' ? T.saving : state === 'saved' ? T.saved : state === 'hint' ? message : state === 'invalid' ? T.notSaved : state === 'failed' ? `${T.notSaved}: ${message}` : '';
    if (state === 'failed') s.st.append(' ', h('button', { type: 'button', class: 'link', onclick: () => save(s) }, T.retry));
    // Announced: a refusal once, and «Сохранено» after a save that follows a refusal or is the
    // question's first (not after every pause in typing).
    if ((state === 'invalid' || state === 'failed') && was !== state) say(`${s.item.prompt}: ${T.notSaved}. ${message}`);
    else if (state === 'saved' && was === 'saving' && s.said !== 'saved') say(`${s.item.prompt}: ${T.saved}`);
    if (state === 'saved' || state === 'invalid' || state === 'failed') s.said = state;
  }

  /** Schedules a save (typing) or saves now (a pick, leaving the field). @param {Slot} s @param {boolean} [now] */
  function edited(s, now) {
    clearTimeout(s.timer);
    s.timer = 0;
    if (now) void save(s);
    else {
      s.timer = window.setTimeout(() => void save(s), DEBOUNCE);
      if (s.state !== 'saving') status(s, 'saving');
    }
  }

  /**
   * What to tell the client about a refusal: known codes in the page's words, else the server's
   * message when it is in the page's language (an English server message on a Russian page would
   * read as a fault; it goes to the console instead).
   * @param {number} status @param {{ code: string, message: string }} p
   */
  function reason(status, p) {
    if (status === 415 || p.code === 'unsupported_type') return T.badType;
    if (status === 413 || p.code === 'too_large') return T.tooMany;
    if (status === 429 || p.code === 'too_many_requests') return T.slow;
    if (lang === 'en' || /[а-яё]/i.test(p.message)) return p.message;
    console.warn(p.message);
    return T.refused;
  }

  /** @param {Response} res */
  async function problemOf(res) {
    try {
      const body = await res.json();
      return { code: String(body.code || ''), message: String(body.message || res.statusText) };
    } catch {
      return { code: '', message: `HTTP ${res.status}` };
    }
  }

  /** @param {string} method @param {string} path @param {string} [body] @param {boolean} [keepalive] */
  function api(method, path, body, keepalive) {
    /** @type {Record<string, string>} */
    const headers = { 'x-deepbrief-csrf': csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(base + path, { method, headers, body, keepalive, cache: 'no-store', credentials: 'omit' });
  }

  /** Saves a slot's answer when it changed since the server last took one. @param {Slot} s @returns {Promise<void>} */
  function save(s) {
    clearTimeout(s.timer);
    s.timer = 0;
    if (gone) return Promise.resolve();
    if (s.busy) {
      s.again = true;
      return s.run || Promise.resolve();
    }
    const now = answerOf(s);
    if ('err' in now) return Promise.resolve(status(s, 'invalid', now.err));
    if ('hint' in now) return Promise.resolve(status(s, 'hint', now.hint));
    const body = JSON.stringify({ answer: now.a });
    if (body === s.saved) return Promise.resolve(status(s, s.has ? 'saved' : ''));
    s.busy = true;
    status(s, 'saving');
    s.run = (async () => {
      try {
        const res = await api('PUT', `/answers/${encodeURIComponent(s.item.id)}`, body);
        if (res.ok) {
          /** @type {ClientSaved} */ (await res.json());
          s.saved = body;
          s.has = now.a !== null;
          if (!s.again) status(s, s.has ? 'saved' : '');
          page.changed = true;
          progress();
        } else {
          const p = await problemOf(res);
          if (res.status === 410 || res.status === 404) return dead(p.code || 'not_found');
          status(s, res.status === 400 ? 'invalid' : 'failed', reason(res.status, p));
        }
      } catch {
        status(s, 'failed', T.offline);
      } finally {
        s.busy = false;
        s.run = null;
        if (s.again) {
          s.again = false;
          await save(s);
        }
      }
    })();
    return s.run;
  }

  /** Saves everything typed and not yet saved; resolves when every save has answered. */
  async function flush() {
    await Promise.all(slots.map((s) => (s.timer || s.busy || s.state === 'failed' ? save(s) : s.run)));
    await Promise.all(slots.map((s) => s.run));
  }

  /** Replaces the page with why the link does not work. @param {string} code */
  function dead(code) {
    gone = true;
    const key = code === 'expired' || code === 'revoked' || code === 'not_found' ? code : 'failed';
    main.textContent = '';
    const both = page ? [lang] : /** @type {const} */ (['ru', 'en']);
    for (const l of both)
      main.append(h('div', { class: 'dead', lang: l, role: l === both[0] ? 'alert' : null }, h('h1', {}, key === 'failed' ? TEXT[l].failedTitle : TEXT[l].dead), h('p', {}, TEXT[l][key])));
    if (key === 'failed') main.append(h('button', { type: 'button', onclick: () => location.reload() }, T.reload));
    main.removeAttribute('aria-busy');
    document.title = TEXT[lang][key];
  }

  /** Counts answers and says where the batch stands. */
  function progress() {
    const count = document.getElementById('count');
    const sent = document.getElementById('sent');
    if (!count || !sent) return;
    count.textContent = T.count(slots.filter((s) => s.has).length, slots.length);
    sent.textContent = page.submitted_at
      ? page.changed
        ? `${T.sent(moment(page.submitted_at))} ${T.changed}`
        : T.sent(moment(page.submitted_at))
      : T.notSent;
    sent.classList.toggle('done', !!page.submitted_at && !page.changed);
  }

  /** @param {HTMLButtonElement} button */
  async function submit(button) {
    button.disabled = true;
    button.textContent = T.sending;
    try {
      await flush();
      const sent = /** @type {HTMLElement} */ (document.getElementById('sent'));
      if (!slots.some((s) => s.has) && !main.querySelector('.files li')) {
        sent.textContent = T.nothing;
        say(T.nothing, true);
        return;
      }
      const bad = slots.find((s) => s.state === 'invalid' || s.state === 'failed' || s.state === 'hint');
      if (bad) {
        say(T.unsaved, true);
        sent.textContent = T.unsaved;
        const f = bad.el.querySelector('input:not(:disabled), textarea, select');
        if (f instanceof HTMLElement) f.focus();
        return;
      }
      const res = await api('POST', '/submit');
      if (!res.ok) {
        const p = await problemOf(res);
        if (res.status === 410 || res.status === 404) return dead(p.code || 'not_found');
        say(`${T.notSaved}: ${reason(res.status, p)}`, true);
        return;
      }
      const done = /** @type {ClientSubmitted} */ (await res.json());
      page.submitted_at = done.submitted_at;
      page.changed = false;
      progress();
      say(T.sent(moment(done.submitted_at)), true);
    } catch {
      say(`${T.notSaved}: ${T.offline}`, true);
    } finally {
      button.disabled = false;
      button.textContent = T.send;
    }
  }

  /**
   * A group's files: the list, a picker, uploads with progress, removal.
   * @param {ClientGroup} g
   */
  function filesBlock(g) {
    const n = uid++;
    const target = g.items[0]?.id || '';
    const list = h('ul', { class: 'files' });
    const ups = h('div', { class: 'ups' });
    /** @param {ClientFile} f */
    const show = (f) => {
      const remove = h('button', { type: 'button', class: 'link', 'aria-label': T.removeFile(f.name), onclick: async () => {
        remove.disabled = true;
        try {
          const res = await api('DELETE', `/files/${encodeURIComponent(f.id)}`);
          if (res.ok || res.status === 404) {
            li.remove();
            say(T.removed(f.name));
            picker.focus();
          } else {
            const p = await problemOf(res);
            if (res.status === 410) return dead(p.code);
            say(reason(res.status, p), true);
          }
        } catch {
          say(T.offline, true);
        } finally {
          remove.disabled = false;
        }
      } }, T.remove);
      const li = h('li', {}, h('span', { class: 'fname' }, f.name), h('span', { class: 'fsize' }, size(f.bytes)), remove);
      list.append(li);
    };
    g.files.forEach(show);
    const picker = h('input', { type: 'file', id: `up${n}`, class: 'sr', multiple: true, 'aria-describedby': `uh${n}` });
    picker.addEventListener('change', () => {
      for (const file of picker.files || []) upload(file);
      picker.value = '';
    });
    /** @param {File} file */
    const upload = (file) => {
      const line = h('p', { class: 'up' }, h('span', { class: 'fname' }, file.name));
      ups.append(line);
      /** @param {string} m */
      const fail = (m) => {
        line.className = 'up failed';
        line.textContent = T.upFailed(file.name, m);
        line.append(' ', h('button', { type: 'button', class: 'link', onclick: () => (line.remove(), picker.focus()) }, T.dismiss));
        say(line.firstChild?.textContent || m, true);
      };
      if (file.size > MAX_FILE) {
        line.className = 'up failed';
        line.textContent = T.tooBig(file.name);
        say(T.tooBig(file.name), true);
        return;
      }
      const bar = h('progress', { max: file.size || 1, value: 0, 'aria-label': file.name });
      line.append(bar);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${base}/files/${encodeURIComponent(target)}`);
      xhr.setRequestHeader('x-deepbrief-csrf', csrf);
      xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
      xhr.upload.onprogress = (e) => (bar.value = e.loaded);
      xhr.onerror = () => fail(T.offline);
      xhr.onload = () => {
        /** @type {{ code?: string, message?: string } & Partial<ClientFile>} */
        let body = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = {};
        }
        if (xhr.status >= 200 && xhr.status < 300 && body.id) {
          line.remove();
          show(/** @type {ClientFile} */ (body));
          say(T.uploaded(file.name));
        } else if (xhr.status === 410) dead(body.code || 'expired');
        else fail(reason(xhr.status, { code: body.code || '', message: body.message || `HTTP ${xhr.status}` }));
      };
      xhr.send(file);
    };
    return h(
      'div',
      { class: 'attach' },
      h('p', { class: 'q' }, T.files),
      list,
      picker,
      h('label', { for: picker.id, class: 'button ghost' }, T.attach),
      h('p', { class: 'note', id: `uh${n}` }, T.fileHint),
      ups,
    );
  }

  /**
   * One question: its prompt, why, field, «не знаю», «пришлю позже до…», status.
   * @param {ClientItem} it @param {string | undefined} whyText what to say why (the group may have said it)
   */
  function itemBlock(it, whyText) {
    const n = uid++;
    const id = `f${n}`;
    const whyId = `w${n}`;
    const errId = `e${n}`;
    const described = whyText ? `${whyId} ${errId}` : errId;
    /** @type {Slot} */
    const s = /** @type {any} */ ({ item: it, saved: JSON.stringify({ answer: it.answer ?? null }), has: it.answer != null, timer: 0, busy: false, again: false, run: null, state: '' });
    const field = makeField(it, id, described, (now) => edited(s, now));
    const why = whyText ? h('p', { class: 'why', id: whyId }, whyText) : null;
    const err = h('p', { class: 'err', id: errId });
    const box = h('fieldset', { class: field.group ? 'field group' : 'field' });
    if (field.group) {
      box.append(h('legend', { class: 'q' }, it.prompt));
      if (why) box.append(why);
      box.setAttribute('aria-describedby', described);
    }
    box.append(...field.nodes);
    const unk = h('input', { type: 'checkbox', id: `${id}-k` });
    const later = h('input', { type: 'checkbox', id: `${id}-l` });
    const due = h('input', { type: 'date', id: `${id}-d`, min: today() });
    const dueBox = h('span', { class: 'due', hidden: true }, h('label', { for: due.id, class: 'sr' }, T.due), due);
    const sync = () => {
      box.disabled = unk.checked || later.checked;
      dueBox.hidden = !later.checked;
      el.classList.toggle('off', box.disabled);
    };
    unk.addEventListener('change', () => {
      if (unk.checked) later.checked = false;
      sync();
      edited(s, true);
    });
    later.addEventListener('change', () => {
      if (later.checked) unk.checked = false;
      sync();
      if (later.checked && !due.value) due.focus();
      edited(s, true);
    });
    due.addEventListener('input', () => edited(s));
    due.addEventListener('blur', () => edited(s, true));
    const st = h('p', { class: 'st' });
    const el = h(
      'div',
      { class: 'item', 'data-q': it.id, 'data-kind': it.kind },
      field.group ? null : h('label', { class: 'q', for: id }, it.prompt),
      field.group ? null : why,
      box,
      err,
      h('div', { class: 'alt' }, h('span', { class: 'chk' }, unk, h('label', { for: unk.id }, T.unknown)), h('span', { class: 'chk' }, later, h('label', { for: later.id }, T.later)), dueBox),
      st,
    );
    Object.assign(s, { field, el, box, unk, later, due, err, st });
    const a = /** @type {Answer | undefined} */ (it.answer);
    if (a && a.state === 'answered') field.fill(a.value);
    else if (a && a.state === 'unknown') unk.checked = true;
    else if (a && a.state === 'later') {
      later.checked = true;
      due.value = a.value.due;
    }
    sync();
    slots.push(s);
    if (s.has) status(s, 'saved');
    return el;
  }

  /** Renders the page. */
  function render() {
    const p = page;
    lang = p.language === 'en' ? 'en' : 'ru';
    T = TEXT[lang];
    document.documentElement.lang = lang;
    document.title = `${T.title} — ${p.agency}`;
    main.textContent = '';
    main.append(
      h('header', {}, h('p', { class: 'agency' }, p.agency), h('h1', {}, T.title), h('p', {}, T.intro), h('p', { class: 'expires' }, T.expires(day(p.expires_on)))),
    );
    let heading = '';
    for (const g of p.groups) {
      if (g.heading && g.heading !== heading) main.append(h('h2', {}, g.heading));
      heading = g.heading;
      // A group of one question worded as its topic (the letter's usual case) is that question alone:
      // no legend repeating the prompt, the reason said once.
      const solo = g.items.length === 1 && g.items[0].prompt.trim() === g.topic.trim();
      const fs = solo
        ? h('section', { class: 'solo' })
        : h('fieldset', { class: 'group' }, h('legend', {}, g.topic), g.why ? h('p', { class: 'why' }, g.why) : null);
      for (const it of g.items) fs.append(itemBlock(it, solo ? it.why || g.why : it.why !== g.why ? it.why : undefined));
      if (g.attach) fs.append(filesBlock(g));
      main.append(fs);
    }
    const send = h('button', { type: 'button', id: 'send', class: 'primary' }, T.send);
    send.addEventListener('click', () => void submit(send));
    main.append(h('section', { class: 'send' }, h('p', { id: 'count' }), h('p', { id: 'sent', role: 'status' }), send));
    progress();
    main.removeAttribute('aria-busy');
    document.documentElement.dataset.ready = '1';
    performance.mark('client-ready');
  }

  async function load() {
    if (!token) return dead('not_found');
    try {
      const res = await fetch(base, { cache: 'no-store', credentials: 'omit' });
      if (!res.ok) return dead((await problemOf(res)).code || 'failed');
      page = /** @type {ClientPage} */ (await res.json());
      csrf = page.csrf;
      render();
    } catch {
      dead('failed');
    }
  }

  // Leaving: what is typed and waiting for its pause is sent now (keepalive outlives the page);
  // an answer the server refused keeps the page open with the browser's question.
  addEventListener('pagehide', () => {
    for (const s of slots) {
      if (!s.timer) continue;
      clearTimeout(s.timer);
      s.timer = 0;
      const now = answerOf(s);
      if ('a' in now) void api('PUT', `/answers/${encodeURIComponent(s.item.id)}`, JSON.stringify({ answer: now.a }), true).catch(() => {});
    }
  });
  addEventListener('beforeunload', (e) => {
    if (slots.some((s) => s.state === 'failed' || s.state === 'invalid')) e.preventDefault();
  });
  addEventListener('online', () => slots.filter((s) => s.state === 'failed').forEach((s) => void save(s)));

  void load();
})();
