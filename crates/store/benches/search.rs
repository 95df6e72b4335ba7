//! Search over an agency's archive: 10,000 generated briefs with ~100 answers each (about a million
//! answers of Russian and English text drawn from a word list with a Zipf-like distribution), 20
//! fixed queries (common and rare words, prefixes, other word forms, several words), top 50 ranked
//! with snippets.
//!
//! The database is generated once (a few minutes) into `target/tmp/search-bench-v3-<N>.db` and
//! reused. `DEEPBRIEF_BENCH_BRIEFS=N` picks another size (e.g. 500 for a quick try).
//!
//! Besides criterion's figure for the whole set, it runs every query [`RUNS`] times and prints the
//! per-query p50/p95 and the p50/p95 over all runs — the goal is p95 < 50 ms.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly on a broken fixture"
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_core::{Answer, AnswerValue, Entry, Evidence, EvidenceKind};
use deepbrief_store::Store;
use rusqlite::{Connection, params};

/// The queries: common and rare words, prefixes, other word forms, several words, no match.
const QUERIES: [&str; 20] = [
    "доставка",
    "клиентов",
    "клие",
    "достав",
    "доставки",
    "маркетплейсы",
    "склад москва",
    "сезонность",
    "гарантия возврат",
    "amocrm",
    "crm",
    "delivery",
    "customers",
    "Екатеринбург",
    "ёлочные",
    "пр",
    "лидов",
    "цена доставки регионы",
    "шины диски",
    "zxqwv",
];

/// Results per query, as the search screen asks.
const TOP: usize = 50;

/// Timed runs of each query for the percentiles.
const RUNS: usize = 30;

/// Answers per brief.
const ANSWERS: usize = 100;

/// Function words: the head of the distribution.
const HEAD: &[&str] = &[
    "и",
    "в",
    "на",
    "не",
    "по",
    "с",
    "для",
    "что",
    "от",
    "до",
    "за",
    "из",
    "к",
    "у",
    "о",
    "как",
    "это",
    "мы",
    "но",
    "все",
    "или",
    "так",
    "а",
    "при",
    "через",
    "уже",
    "нет",
    "да",
    "есть",
    "их",
    "the",
    "and",
    "of",
    "to",
    "in",
    "for",
    "with",
    "our",
    "we",
    "is",
];

/// Content words in the forms people type them.
const WORDS: &[&str] = &[
    "клиент",
    "клиенты",
    "клиентов",
    "клиентам",
    "клиента",
    "клиенту",
    "доставка",
    "доставки",
    "доставку",
    "доставкой",
    "доставке",
    "заказ",
    "заказы",
    "заказов",
    "заказа",
    "заказам",
    "продажи",
    "продаж",
    "продажам",
    "продавать",
    "менеджер",
    "менеджеры",
    "менеджеров",
    "склад",
    "склада",
    "складе",
    "складов",
    "москва",
    "москве",
    "москвы",
    "регионы",
    "регионов",
    "регионах",
    "регион",
    "цена",
    "цены",
    "цен",
    "ценам",
    "скидка",
    "скидки",
    "скидок",
    "гарантия",
    "гарантии",
    "возврат",
    "возврата",
    "возвраты",
    "сайт",
    "сайта",
    "сайте",
    "реклама",
    "рекламы",
    "рекламу",
    "рекламе",
    "контекстная",
    "контекстной",
    "поиск",
    "поиска",
    "поисковой",
    "яндекс",
    "авито",
    "маркетплейсы",
    "маркетплейсах",
    "озон",
    "wildberries",
    "дилеры",
    "дилеров",
    "дилерам",
    "филиалы",
    "филиалов",
    "партнеры",
    "партнеров",
    "шины",
    "шин",
    "диски",
    "дисков",
    "колеса",
    "колёса",
    "запчасти",
    "запчастей",
    "товар",
    "товары",
    "товаров",
    "ассортимент",
    "ассортимента",
    "поставщик",
    "поставщики",
    "поставщиков",
    "производство",
    "производства",
    "цех",
    "цеха",
    "логистика",
    "логистики",
    "курьер",
    "курьеры",
    "курьером",
    "самовывоз",
    "пункты",
    "выдачи",
    "оплата",
    "оплаты",
    "наличными",
    "картой",
    "счет",
    "счета",
    "договор",
    "договора",
    "договору",
    "сделка",
    "сделки",
    "сделок",
    "цикл",
    "цикла",
    "месяц",
    "месяца",
    "месяцев",
    "неделя",
    "недели",
    "день",
    "дня",
    "дней",
    "год",
    "года",
    "лет",
    "сезон",
    "сезонность",
    "сезона",
    "зима",
    "зимой",
    "лето",
    "летом",
    "весна",
    "осень",
    "спрос",
    "спроса",
    "конкуренты",
    "конкурентов",
    "конкурентами",
    "преимущество",
    "преимущества",
    "преимуществ",
    "качество",
    "качества",
    "сервис",
    "сервиса",
    "поддержка",
    "поддержки",
    "звонок",
    "звонки",
    "звонков",
    "заявка",
    "заявки",
    "заявок",
    "лид",
    "лиды",
    "лидов",
    "источник",
    "источники",
    "источников",
    "таблица",
    "таблице",
    "таблицы",
    "crm",
    "amocrm",
    "битрикс24",
    "excel",
    "почта",
    "почте",
    "почты",
    "рассылка",
    "рассылки",
    "аудитория",
    "аудитории",
    "покупатели",
    "покупателей",
    "покупателям",
    "мужчины",
    "женщины",
    "возраст",
    "бизнес",
    "бизнеса",
    "компания",
    "компании",
    "компаний",
    "директор",
    "директора",
    "маркетолог",
    "маркетолога",
    "бюджет",
    "бюджета",
    "рублей",
    "тысяч",
    "миллион",
    "миллиона",
    "средний",
    "чек",
    "чека",
    "конверсия",
    "конверсии",
    "трафик",
    "трафика",
    "seo",
    "смм",
    "соцсети",
    "соцсетях",
    "вконтакте",
    "телеграм",
    "отзывы",
    "отзывов",
    "рейтинг",
    "лояльность",
    "программа",
    "программы",
    "бонусы",
    "бонусов",
    "екатеринбург",
    "новосибирск",
    "казань",
    "петербург",
    "тула",
    "калуга",
    "ёлочные",
    "игрушки",
    "новогодние",
    "праздники",
    "опт",
    "оптом",
    "розница",
    "розницу",
    "розничные",
    "b2b",
    "b2c",
    "описание",
    "описания",
    "процесс",
    "процесса",
    "процессы",
    "регламент",
    "регламента",
    "сотрудник",
    "сотрудники",
    "сотрудников",
    "отдел",
    "отдела",
    "продаж",
    "цель",
    "цели",
    "рост",
    "роста",
    "увеличить",
    "снизить",
    "стоимость",
    "стоимости",
    "привлечения",
    "привлечение",
    "повторные",
    "повторных",
    "покупки",
    "customers",
    "customer",
    "clients",
    "client",
    "delivery",
    "orders",
    "order",
    "warehouse",
    "shipping",
    "returns",
    "warranty",
    "price",
    "prices",
    "discount",
    "website",
    "search",
    "marketplace",
    "dealers",
    "leads",
    "sales",
    "manager",
    "managers",
    "budget",
    "growth",
    "season",
    "winter",
    "tyres",
    "wheels",
    "support",
    "service",
    "quality",
    "region",
    "regions",
];

/// Endings that make a long tail of rarer word forms from the content words' stems.
const ENDINGS: &[&str] = &[
    "", "а", "у", "ом", "ов", "ами", "ах", "е", "ы", "ой", "ая", "ые", "ого", "ему", "ость", "ник",
    "ка", "ки", "ция", "ции",
];

/// Client name parts.
const CLIENTS: &[&str] = &[
    "Колёса Даром",
    "Шинный двор",
    "Ромашка",
    "Северный ветер",
    "Техносклад",
    "Автолидер",
    "Домашний уют",
    "Фермер",
    "СтройМаркет",
    "Northwind",
    "Blue Harbor",
    "Лесная сказка",
    "Мебельград",
    "ЗооМир",
    "Сладкий дом",
    "Уралсталь",
    "Велотрек",
    "Детский мир",
    "Оптика Плюс",
    "Чистый дом",
];

/// Project names.
const PROJECTS: &[&str] = &[
    "SEO по Москве",
    "SEO по регионам",
    "Контекстная реклама",
    "Новый сайт",
    "SMM",
    "Маркетплейсы",
    "Website redesign",
    "Paid search",
    "Аналитика",
    "Email-рассылки",
];

/// A tiny deterministic generator (SplitMix64): the same database on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The vocabulary in rank order and the cumulative Zipf weights (`1 / rank^1.07`).
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(rng: &mut Rng) -> Vocabulary {
        let mut content: Vec<String> = WORDS.iter().map(|w| (*w).to_owned()).collect();
        // Shuffle content words so the common ones are not all of one topic.
        for i in (1..content.len()).rev() {
            content.swap(i, rng.below(i + 1));
        }
        let mut tail = Vec::new();
        for w in WORDS {
            let stem: String = w.chars().take(w.chars().count().clamp(3, 6)).collect();
            for e in ENDINGS {
                tail.push(format!("{stem}{e}"));
            }
        }
        for i in (1..tail.len()).rev() {
            tail.swap(i, rng.below(i + 1));
        }
        let mut words: Vec<String> = HEAD.iter().map(|w| (*w).to_owned()).collect();
        words.extend(content);
        words.extend(tail);
        let mut sum = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                sum += 1.0 / (rank as f64).powf(1.07);
                sum
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }

    /// A sentence of 2–52 words (mostly short), capitalised, with commas and a full stop.
    fn text(&self, rng: &mut Rng) -> String {
        let len = 2 + (rng.unit().powf(2.2) * 50.0) as usize;
        let mut out = String::new();
        for i in 0..len {
            let w = self.word(rng);
            if i == 0 {
                let mut chars = w.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(w);
            }
            if i + 1 < len && rng.below(9) == 0 {
                out.push(',');
            }
        }
        out.push('.');
        out
    }
}

/// The cached database of `briefs` briefs, generated if missing.
fn database(briefs: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("search-bench-v3-{briefs}.db"));
    if path.exists() {
        return path;
    }
    let partial = dir.join(format!("search-bench-v3-{briefs}.partial.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    let started = Instant::now();
    eprintln!("generating {briefs} briefs into {} …", partial.display());
    drop(Store::open(&partial).expect("create the bench database"));
    let mut conn = Connection::open(&partial).expect("open the bench database");
    conn.pragma_update(None, "synchronous", "OFF")
        .expect("pragma");
    let mut rng = Rng(20_261_123);
    let vocabulary = Vocabulary::new(&mut rng);
    let tx = conn.transaction().expect("transaction");
    {
        let mut brief = tx
            .prepare(
                "INSERT INTO brief (id, client, project, account_manager, archived, created_at,
                                    updated_at)
                 VALUES (?1, ?2, ?3, 'Анна', ?4, '2026-01-01T00:00:00.000Z',
                         '2026-01-01T00:00:00.000Z')",
            )
            .expect("prepare");
        let mut answer = tx
            .prepare(
                "INSERT INTO answer (brief_id, question_id, entry, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, '2026-01-01T00:00:00.000Z', 'Анна')",
            )
            .expect("prepare");
        for b in 0..briefs {
            let id = format!("00000000-0000-4000-8000-{b:012}");
            let client = format!("{} {}", CLIENTS[rng.below(CLIENTS.len())], b);
            let project = PROJECTS[rng.below(PROJECTS.len())];
            brief
                .execute(params![id, client, project, rng.below(4) == 0])
                .expect("brief");
            for q in 0..ANSWERS {
                let mut entry = Entry::new(Answer::Answered(AnswerValue::Text(
                    vocabulary.text(&mut rng),
                )));
                if rng.below(10) == 0 {
                    entry.evidence.push(Evidence {
                        kind: EvidenceKind::Note,
                        text: vocabulary.text(&mut rng),
                        verified: false,
                    });
                }
                let json = serde_json::to_string(&entry).expect("json");
                answer
                    .execute(params![id, format!("q{q:03}"), json])
                    .expect("answer");
            }
        }
    }
    tx.commit().expect("commit");
    drop(conn);
    eprintln!("  rows written in {:.1?}", started.elapsed());
    let indexing = Instant::now();
    let mut store = Store::open(&partial).expect("open");
    let rows = store.reindex_all().expect("reindex");
    eprintln!(
        "  reindex_all: {rows} index rows in {:.1?}",
        indexing.elapsed()
    );
    drop(store);
    let conn = Connection::open(&partial).expect("open");
    conn.pragma_update(None, "journal_mode", "DELETE")
        .expect("checkpoint");
    drop(conn);
    std::fs::rename(&partial, &path).expect("rename");
    eprintln!("  done in {:.1?}", started.elapsed());
    path
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn bench_search(c: &mut Criterion) {
    let briefs = std::env::var("DEEPBRIEF_BENCH_BRIEFS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let path = database(briefs);
    let store = Store::open(&path).expect("open the bench database");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "database: {briefs} briefs, {} MB ({})",
        bytes / 1_000_000,
        path.display()
    );
    let first = Instant::now();
    let _ = store.search(QUERIES[0], TOP).expect("search");
    eprintln!("first query after open: {}", ms(first.elapsed()));

    // Per-query durations for the percentiles.
    let mut all = Vec::new();
    eprintln!("{:<24} {:>6} {:>10} {:>10}", "query", "hits", "p50", "p95");
    for q in QUERIES {
        let mut runs = Vec::with_capacity(RUNS);
        let mut hits = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            hits = black_box(store.search(q, TOP).expect("search")).len();
            runs.push(t.elapsed());
        }
        runs.sort();
        eprintln!(
            "{q:<24} {hits:>6} {:>10} {:>10}",
            ms(percentile(&runs, 0.5)),
            ms(percentile(&runs, 0.95))
        );
        all.extend(runs);
    }
    all.sort();
    eprintln!(
        "all {} runs: p50 {}, p95 {}, max {}",
        all.len(),
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.95)),
        ms(percentile(&all, 1.0))
    );

    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(
        format!("20 queries, top {TOP} with snippets, {briefs} briefs"),
        |b| {
            b.iter(|| {
                for q in QUERIES {
                    black_box(store.search(black_box(q), TOP).expect("search"));
                }
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
