/**
 * Questions for the answer-input tests, copied from the bundled checklists (core v1, SMM v1) so the
 * tests exercise the real kinds, rules and texts. The `hostile` question carries markup in every text.
 */
import type { Question } from '$lib/bindings/Question';

export const companyName: Question = {
  id: 'company_name',
  kind: 'short_text',
  required: true,
  max_length: 200,
  prompt: {
    ru: 'Как называется компания и под каким брендом она продаёт?',
    en: 'What is the company called, and under which brand does it sell?',
  },
  placeholder: {
    ru: 'ООО «Колесо-Сервис», бренд ШинаМаркет',
    en: 'Koleso-Service LLC, brand ShinaMarket',
  },
  hint: {
    ru: 'Юридическое название нужно для договора, а бренд — для рекламы и поиска конкурентов.',
    en: 'The legal name goes into the contract, the brand into ads and competitor research.',
  },
};

export const goalStatement: Question = {
  id: 'goal_statement',
  kind: 'long_text',
  required: true,
  prompt: {
    ru: 'Чего компания хочет добиться с помощью услуг агентства?',
    en: "What does the company want to achieve with the agency's services?",
  },
  hint: {
    ru: 'Запишите цель словами клиента.\nПлохо: «хотим больше продаж».',
    en: 'Write the goal down in the client\'s words.\nWeak: "we want more sales".',
  },
};

export const leadsPerMonth: Question = {
  id: 'sales_leads_per_month',
  kind: 'number',
  integer: true,
  min: 0,
  unit: { ru: 'обращений в месяц', en: 'requests a month' },
  prompt: {
    ru: 'Сколько обращений в месяц компания получает сейчас?',
    en: 'How many requests a month does the company get now?',
  },
  hint: { ru: 'Текущий поток — база для плана.', en: 'The current flow is the baseline.' },
};

export const marketingBudget: Question = {
  id: 'marketing_budget',
  kind: 'money',
  currency: 'RUB',
  min: 0,
  prompt: {
    ru: 'Сколько компания готова тратить на продвижение в месяц — на рекламу и подрядчиков вместе?',
    en: 'How much is the company ready to spend on promotion a month, advertising and contractors together?',
  },
  hint: { ru: 'Бюджет рядом с целью.', en: 'Set against the goal.' },
};

export const conversion: Question = {
  id: 'sales_conversion',
  kind: 'percent',
  prompt: {
    ru: 'Какая доля обращений превращается в оплаченный заказ?',
    en: 'What share of requests turns into a paid order?',
  },
  hint: { ru: 'Конверсия в продажу.', en: 'Conversion to sale.' },
};

export const dealCycle: Question = {
  id: 'deal_cycle_days',
  kind: 'duration',
  required: true,
  min: 0,
  prompt: {
    ru: 'Сколько дней обычно проходит от первого обращения до оплаты?',
    en: 'How many days usually pass from the first request to payment?',
  },
  hint: { ru: 'Длина сделки.', en: 'Deal length.' },
};

export const goalDeadline: Question = {
  id: 'goal_deadline',
  kind: 'date',
  required: true,
  prompt: { ru: 'К какой дате нужно достичь цели?', en: 'By what date must the goal be reached?' },
  hint: { ru: 'Нужна конкретная дата.', en: 'We need a date.' },
};

export const productUnique: Question = {
  id: 'product_unique',
  kind: 'yes_no',
  required: true,
  prompt: {
    ru: 'Уникален ли сам продукт — такого же покупатель у конкурентов не найдёт?',
    en: 'Is the product itself unique — the buyer cannot get the same thing from competitors?',
  },
  hint: { ru: 'Отвечайте честно.', en: 'Answer honestly.' },
};

export const goalMetric: Question = {
  id: 'goal_metric',
  kind: 'single_choice',
  required: true,
  prompt: {
    ru: 'По какому показателю мы поймём, что цель достигнута?',
    en: 'Which metric will show that the goal has been reached?',
  },
  choices: [
    { id: 'leads', label: { ru: 'Заявки и обращения', en: 'Leads and requests' } },
    { id: 'orders', label: { ru: 'Заказы и продажи', en: 'Orders and sales' } },
    { id: 'revenue', label: { ru: 'Выручка', en: 'Revenue' } },
    { id: 'other', label: { ru: 'Другое', en: 'Other' }, other: true },
  ],
  hint: { ru: 'Одна главная метрика.', en: 'One main metric.' },
};

/** Core's `sales_lead_channels` with a `max` added, to test both bounds. */
export const leadChannels: Question = {
  id: 'sales_lead_channels',
  kind: 'multi_choice',
  required: true,
  min: 2,
  max: 3,
  prompt: {
    ru: 'Откуда сейчас приходят новые клиенты?',
    en: 'Where do new customers come from today?',
  },
  choices: [
    { id: 'search', label: { ru: 'Поиск (SEO)', en: 'Search (SEO)' } },
    {
      id: 'ads',
      label: { ru: 'Контекстная и таргетированная реклама', en: 'Paid search and social ads' },
    },
    { id: 'social', label: { ru: 'Соцсети', en: 'Social media' } },
    {
      id: 'referrals',
      label: { ru: 'Рекомендации, сарафанное радио', en: 'Referrals, word of mouth' },
    },
    { id: 'other', label: { ru: 'Другое', en: 'Other' }, other: true },
  ],
  hint: { ru: 'Попросите оценить доли.', en: 'Ask for rough shares.' },
};

export const competition: Question = {
  id: 'competition_intensity',
  kind: 'scale',
  min: 1,
  max: 5,
  labels: {
    min: { ru: 'Конкурентов почти нет', en: 'Hardly any competitors' },
    max: { ru: 'Очень жёсткая конкуренция', en: 'Very fierce competition' },
  },
  prompt: {
    ru: 'Насколько высока конкуренция в нише, по ощущениям клиента?',
    en: "How intense is competition in the niche, in the client's view?",
  },
  hint: { ru: 'Оценка клиента.', en: "The client's rating." },
};

/** Core's `regional_target_regions` with a `max` added. */
export const targetRegions: Question = {
  id: 'regional_target_regions',
  kind: 'list',
  required: true,
  min: 2,
  max: 3,
  item: { ru: 'регион', en: 'region' },
  prompt: {
    ru: 'В какие регионы компания хочет выйти?',
    en: 'Which regions does the company want to enter?',
  },
  hint: { ru: 'Начинать разумно с 2–3 регионов.', en: 'Start with 2–3 regions.' },
};

export const teamMembers: Question = {
  id: 'client_team_members',
  kind: 'table',
  min: 1,
  prompt: {
    ru: 'Кто ещё участвует в проекте со стороны клиента?',
    en: "Who else takes part in the project on the client's side?",
  },
  columns: [
    { id: 'name', title: { ru: 'Имя', en: 'Name' }, kind: 'short_text' },
    {
      id: 'area',
      title: { ru: 'Зона ответственности', en: 'Area' },
      kind: 'single_choice',
      choices: [
        { id: 'management', label: { ru: 'Руководство', en: 'Management' } },
        { id: 'marketing', label: { ru: 'Маркетинг', en: 'Marketing' } },
      ],
    },
    { id: 'decides', title: { ru: 'Принимает решения', en: 'Makes decisions' }, kind: 'yes_no' },
  ],
  hint: {
    ru: 'Таблица отвечает на вопрос «кто даст доступы».',
    en: 'The table answers "who grants access".',
  },
};

/** SMM's `smm_accounts` with a date and a money column added, and `max` rows. */
export const accounts: Question = {
  id: 'smm_accounts',
  kind: 'table',
  max: 3,
  prompt: {
    ru: 'Какие аккаунты и сообщества у компании уже есть?',
    en: 'Which accounts and communities does the company already have?',
  },
  columns: [
    { id: 'platform', title: { ru: 'Площадка', en: 'Platform' }, kind: 'short_text' },
    { id: 'url', title: { ru: 'Ссылка', en: 'Link' }, kind: 'link' },
    { id: 'followers', title: { ru: 'Подписчики', en: 'Followers' }, kind: 'number' },
    { id: 'budget', title: { ru: 'Бюджет', en: 'Budget' }, kind: 'money', currency: 'RUB' },
    { id: 'since', title: { ru: 'С какого времени', en: 'Since' }, kind: 'date' },
  ],
  hint: {
    ru: 'Существующие сообщества — это аудитория.',
    en: 'Existing communities are an audience.',
  },
};

export const clientResponsible: Question = {
  id: 'client_responsible',
  kind: 'contact',
  required: true,
  prompt: {
    ru: 'Кто со стороны клиента отвечает за проект и принимает по нему решения?',
    en: "Who on the client's side is responsible for the project and makes decisions about it?",
  },
  hint: { ru: 'Нужен один человек с полномочиями.', en: 'We need one person with authority.' },
};

export const processDocs: Question = {
  id: 'process_docs',
  kind: 'link',
  prompt: {
    ru: 'Есть ли письменное описание процессов продаж и выполнения заказа? Дайте ссылку.',
    en: 'Is there a written description of the sales and fulfilment processes? Give the link.',
  },
  hint: {
    ru: 'Регламент или схема экономят половину брифинга.',
    en: 'A written procedure saves half the briefing.',
  },
};

export const HOSTILE = '<img src=x onerror=alert(1)>';

export const hostile: Question = {
  id: 'hostile',
  kind: 'single_choice',
  prompt: { ru: `${HOSTILE} вопрос`, en: `${HOSTILE} question` },
  hint: { ru: `${HOSTILE} подсказка`, en: `${HOSTILE} hint` },
  choices: [
    { id: 'a', label: { ru: `${HOSTILE} да`, en: `${HOSTILE} yes` } },
    { id: 'b', label: { ru: 'нет', en: 'no' } },
  ],
};
