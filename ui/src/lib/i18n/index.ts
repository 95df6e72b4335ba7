/**
 * Every string the UI shows, in Russian and English. Components take `t` from here through the
 * language state and never hold their own text.
 */

/** The UI languages: the one language type of Deepbrief (`Lang` in the core, generated). */
export type { Lang } from '$lib/bindings/Lang';
import type { Lang } from '$lib/bindings/Lang';

/** All UI languages, in switch order. */
export const LANGS: readonly Lang[] = ['ru', 'en'];

/** Russian unless the system language is English. */
export function detectLang(systemLanguage: string | undefined | null): Lang {
  return systemLanguage?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

type Plural = { one: string; few: string; many: string };

/** The word form for `n` alone (`дня` for 2), for when the number is shown elsewhere. */
function pluralForm(lang: Lang, n: number, forms: Plural): string {
  const category = new Intl.PluralRules(lang).select(n);
  return category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
}

function plural(lang: Lang, n: number, forms: Plural): string {
  return `${n} ${pluralForm(lang, n, forms)}`;
}

const ru = {
  appTitle: 'Deepbrief',
  appSubtitle: 'Библиотека чек-листов',
  languageLabel: 'Язык интерфейса',
  checklistsHeading: 'Чек-листы',
  checklistsEmpty: 'Ни одного чек-листа не загружено.',
  loading: 'Загружаем чек-листы…',
  loadFailed: 'Не удалось загрузить библиотеку',
  retry: 'Повторить',
  reload: 'Обновить',
  core: 'универсальный',
  appliesTo: 'Услуги',
  extendsLabel: 'дополняет',
  origin: { bundled: 'встроенный', agency: 'агентский', given: 'указан вручную' },
  sections: (n: number) => plural('ru', n, { one: 'раздел', few: 'раздела', many: 'разделов' }),
  questions: (n: number) => plural('ru', n, { one: 'вопрос', few: 'вопроса', many: 'вопросов' }),
  processes: (n: number) => plural('ru', n, { one: 'процесс', few: 'процесса', many: 'процессов' }),
  rules: (n: number) => plural('ru', n, { one: 'правило', few: 'правила', many: 'правил' }),
  problemsHeading: 'Файлы с ошибками',
  problemsNone: 'Все файлы чек-листов загружены без ошибок.',
  problemsIntro:
    'Эти файлы не загружены, остальные чек-листы работают. Исправьте ошибки и нажмите «Обновить».',
  problemsCount: (n: number) =>
    plural('ru', n, { one: 'ошибка', few: 'ошибки', many: 'ошибок' }),
  fix: 'Как исправить:',
  at: 'в',
  /** The interview: answering one question. */
  answer: {
    required: 'обязательный вопрос',
    yes: 'Да',
    no: 'Нет',
    clear: 'Очистить',
    notSet: '—',
    counter: (n: number, max: number) => `${n} из ${max}`,
    problemNumber: 'Введите число, например 1 500 или 12,5',
    problemInteger: 'Нужно целое число',
    problemMin: (min: string) => `Не меньше ${min}`,
    problemMax: (max: string) => `Не больше ${max}`,
    problemMaxLength: (n: number) =>
      `Не длиннее ${plural('ru', n, { one: 'знака', few: 'знаков', many: 'знаков' })} — сократите текст`,
    problemDate: 'Введите дату полностью: день, месяц и год',
    problemDateTyped: 'Не похоже на дату: введите день, месяц и год — 01.03.2027 или 01032027',
    datePlaceholder: 'ДД.ММ.ГГГГ',
    problemUrl: 'Это не похоже на ссылку: нужен адрес вида https://example.ru',
    problemEmail: 'Проверьте e-mail: нужен адрес вида name@example.ru',
    problemCell: (row: number, column: string, problem: string) =>
      `Строка ${row}, «${column}»: ${problem}`,
    notSaved: 'Пока значение не исправлено, сохранён прежний ответ.',
    picksRange: (min: number | null, max: number | null) =>
      min !== null && max !== null
        ? `Выберите от ${min} до ${max}`
        : min !== null
          ? `Выберите хотя бы ${plural('ru', min, { one: 'вариант', few: 'варианта', many: 'вариантов' })}`
          : `Можно выбрать не больше ${plural('ru', max ?? 0, { one: 'варианта', few: 'вариантов', many: 'вариантов' })}`,
    needMore: (n: number) =>
      `Нужно ещё ${plural('ru', n, { one: 'пункт', few: 'пункта', many: 'пунктов' })}`,
    needMoreRows: (n: number) =>
      `Нужно ещё ${plural('ru', n, { one: 'строка', few: 'строки', many: 'строк' })}`,
    needMorePicks: (n: number) =>
      `Выберите ещё ${plural('ru', n, { one: 'вариант', few: 'варианта', many: 'вариантов' })}`,
    atMostItems: (n: number) =>
      `Не больше ${plural('ru', n, { one: 'пункта', few: 'пунктов', many: 'пунктов' })}`,
    atMostRows: (n: number) =>
      `Не больше ${plural('ru', n, { one: 'строки', few: 'строк', many: 'строк' })}`,
    listItem: (n: number) => `Пункт ${n}`,
    listAdd: 'Добавить пункт',
    listAddItem: (item: string) => `Добавить: ${item}`,
    listRemove: (n: number) => `Удалить пункт ${n}`,
    listKeys: 'Enter — следующий пункт, Backspace в пустом пункте — удалить его.',
    tableAddRow: 'Добавить строку',
    tableRemoveRow: (n: number) => `Удалить строку ${n}`,
    tableCell: (column: string, row: number) => `${column}, строка ${row}`,
    tableKeys: 'Enter в ячейке — та же колонка в следующей строке (новая строка добавится сама).',
    contact: { name: 'Имя', role: 'Должность', phone: 'Телефон', email: 'E-mail' },
    problemContactName: 'Впишите имя: контакт без имени не сохраняется',
    linkShown: 'Адрес',
    toConfirm: 'Ответ перенесён из прошлого брифа — уточните у клиента, что он всё ещё верен.',
    confirm: 'Верно',
  },
  /** Answer states: the client doesn't know, will send later, not applicable. */
  answerState: {
    group: 'Состояние ответа',
    unknown: 'Клиент не знает',
    later: 'Пришлёт позже',
    notApplicable: 'Не применимо',
    backToAnswer: 'Вернуться к ответу',
    unknownNote:
      'Клиент не знает ответа — вопрос попадёт в «Что уточнить» и в повестку уточняющей встречи.',
    due: 'Когда пришлёт',
    dueNeeded: 'Укажите дату, к которой клиент пришлёт ответ.',
    reason: 'Почему не применимо',
    reasonPlaceholder: 'например, нет доставки — только самовывоз',
    reasonNeeded: 'Коротко напишите причину — без неё отметка не сохранится.',
    keys: 'Alt+1 — клиент не знает · Alt+2 — пришлёт позже · Alt+3 — не применимо · Alt+0 — к ответу · Enter — дальше',
    keysLong: 'Ctrl+Enter — дальше · Alt+1 — клиент не знает · Alt+2 — пришлёт позже · Alt+3 — не применимо',
  },
  /** What backs an answer: notes, links, files. */
  evidence: {
    heading: 'Подтверждения',
    none: 'Пока нет. Добавьте заметку, ссылку или имя файла, если ответ чем-то подтверждён.',
    kinds: { note: 'Заметка', link: 'Ссылка', file: 'Файл' },
    kind: 'Вид',
    text: 'Текст, ссылка или имя файла',
    verified: 'проверено',
    claimed: 'со слов клиента',
    add: 'Добавить',
    open: 'Добавить подтверждение',
    remove: (n: number) => `Удалить подтверждение ${n}`,
  },
  hint: {
    heading: 'Подсказка',
    none: 'Выберите вопрос — здесь появится подсказка: зачем мы спрашиваем и каким бывает хороший ответ.',
  },
  save: {
    idle: 'Изменений нет',
    saving: 'Сохраняем…',
    waiting: 'Сохраняем… база занята другим окном или программой, ждём очереди',
    saved: 'Сохранено',
    failed: 'Не сохранено',
    invalid: 'Не сохранено: исправьте значение',
    kept: 'Введённый текст остался в поле.',
    retry: 'Повторить',
  },
};

/** The shape every language's strings must have. */
export type Messages = typeof ru;

const en: Messages = {
  appTitle: 'Deepbrief',
  appSubtitle: 'Checklist library',
  languageLabel: 'Interface language',
  checklistsHeading: 'Checklists',
  checklistsEmpty: 'No checklists loaded.',
  loading: 'Loading checklists…',
  loadFailed: 'Could not load the library',
  retry: 'Retry',
  reload: 'Reload',
  core: 'core',
  appliesTo: 'Services',
  extendsLabel: 'extends',
  origin: { bundled: 'bundled', agency: 'agency', given: 'given' },
  sections: (n) => plural('en', n, { one: 'section', few: 'sections', many: 'sections' }),
  questions: (n) => plural('en', n, { one: 'question', few: 'questions', many: 'questions' }),
  processes: (n) => plural('en', n, { one: 'process', few: 'processes', many: 'processes' }),
  rules: (n) => plural('en', n, { one: 'rule', few: 'rules', many: 'rules' }),
  problemsHeading: 'Files with errors',
  problemsNone: 'Every checklist file loaded without errors.',
  problemsIntro:
    'These files did not load; the other checklists work. Fix the errors and press Reload.',
  problemsCount: (n) => plural('en', n, { one: 'error', few: 'errors', many: 'errors' }),
  fix: 'How to fix:',
  at: 'at',
  answer: {
    required: 'required question',
    yes: 'Yes',
    no: 'No',
    clear: 'Clear',
    notSet: '—',
    counter: (n, max) => `${n} of ${max}`,
    problemNumber: 'Enter a number, e.g. 1,500 or 12.5',
    problemInteger: 'Enter a whole number',
    problemMin: (min) => `At least ${min}`,
    problemMax: (max) => `At most ${max}`,
    problemMaxLength: (n) =>
      `At most ${plural('en', n, { one: 'character', few: 'characters', many: 'characters' })} — please shorten the text`,
    problemDate: 'Enter a full date: day, month and year',
    problemDateTyped: "This isn't a date: type day, month and year — 01.03.2027 or 01032027",
    datePlaceholder: 'DD.MM.YYYY',
    problemUrl: "This doesn't look like a link: use an address like https://example.com",
    problemEmail: 'Check the e-mail: use an address like name@example.com',
    problemCell: (row, column, problem) => `Row ${row}, “${column}”: ${problem}`,
    notSaved: 'Until the value is fixed, the previous answer stays saved.',
    picksRange: (min, max) =>
      min !== null && max !== null
        ? `Pick ${min} to ${max}`
        : min !== null
          ? `Pick at least ${min}`
          : `Pick at most ${max ?? 0}`,
    needMore: (n) =>
      `${plural('en', n, { one: 'more item', few: 'more items', many: 'more items' })} needed`,
    needMoreRows: (n) =>
      `${plural('en', n, { one: 'more row', few: 'more rows', many: 'more rows' })} needed`,
    needMorePicks: (n) => `Pick ${n} more`,
    atMostItems: (n) => `At most ${plural('en', n, { one: 'item', few: 'items', many: 'items' })}`,
    atMostRows: (n) => `At most ${plural('en', n, { one: 'row', few: 'rows', many: 'rows' })}`,
    listItem: (n) => `Item ${n}`,
    listAdd: 'Add item',
    listAddItem: (item) => `Add ${item}`,
    listRemove: (n) => `Remove item ${n}`,
    listKeys: 'Enter adds the next item; Backspace on an empty item removes it.',
    tableAddRow: 'Add row',
    tableRemoveRow: (n) => `Remove row ${n}`,
    tableCell: (column, row) => `${column}, row ${row}`,
    tableKeys:
      'Enter in a cell moves to the same column in the next row (a new row is added when needed).',
    contact: { name: 'Name', role: 'Role', phone: 'Phone', email: 'E-mail' },
    problemContactName: 'Enter a name: a contact without a name is not saved',
    linkShown: 'Address',
    toConfirm:
      'This answer comes from an earlier brief — check with the client that it still holds.',
    confirm: 'Still true',
  },
  answerState: {
    group: 'Answer state',
    unknown: "Client doesn't know",
    later: 'Will send later',
    notApplicable: 'Not applicable',
    backToAnswer: 'Back to answering',
    unknownNote:
      "The client doesn't know — the question goes to the open points and to the follow-up meeting agenda.",
    due: 'Will send by',
    dueNeeded: 'Enter the date by which the client will send the answer.',
    reason: "Why it doesn't apply",
    reasonPlaceholder: 'e.g. no delivery — pick-up only',
    reasonNeeded: 'Write the reason briefly — the mark is not saved without it.',
    keys: "Alt+1 client doesn't know · Alt+2 will send later · Alt+3 not applicable · Alt+0 back · Enter next",
    keysLong: "Ctrl+Enter next · Alt+1 client doesn't know · Alt+2 will send later · Alt+3 not applicable",
  },
  evidence: {
    heading: 'Evidence',
    none: 'None yet. Add a note, a link or a file name if something backs the answer.',
    kinds: { note: 'Note', link: 'Link', file: 'File' },
    kind: 'Kind',
    text: 'Text, link or file name',
    verified: 'verified',
    claimed: 'claimed by the client',
    add: 'Add',
    open: 'Add evidence',
    remove: (n) => `Remove evidence ${n}`,
  },
  hint: {
    heading: 'Hint',
    none: 'Pick a question to see its hint here: why we ask and what a good answer looks like.',
  },
  save: {
    idle: 'No changes',
    saving: 'Saving…',
    waiting: 'Saving… the database is busy in another window or program; waiting for our turn',
    saved: 'Saved',
    failed: 'Not saved',
    invalid: 'Not saved: fix the value',
    kept: 'What you typed is still in the field.',
    retry: 'Retry',
  },
};

/** Strings by language. */
export const messages: Record<Lang, Messages> = { ru, en };
