//! Display formatting in the brief's language: numbers, money, percentages, days, dates, plurals.
//!
//! Russian follows Russian typography: a non-breaking space groups thousands (`150 000`), a comma
//! separates decimals (`2,5`), a space precedes `%` and `₽`, months are in the genitive
//! (`5 декабря 2026`). English: `150,000`, `2.5`, `35%`, `5 December 2026`.

use super::Lang;

/// A non-breaking space: keeps `150 000 ₽` on one line. (PT Sans has no narrow one.)
const NBSP: char = '\u{a0}';

/// Formats a number: thousands grouped, at most two decimals, trailing zeros dropped.
pub fn number(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let frac = frac_part.trim_end_matches('0');
    let (group, decimal) = match lang {
        Lang::Ru => (NBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if negative && rounded != 0.0 {
        out.push('−');
    }
    let digits: Vec<char> = int_part.chars().collect();
    // Russian style leaves four-digit numbers ungrouped (`1500`), English groups them (`1,500`).
    let group_from = if lang == Lang::Ru { 5 } else { 4 };
    for (i, c) in digits.iter().enumerate() {
        if digits.len() >= group_from && i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(*c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// Formats an amount of money in a currency given by its ISO 4217 code.
pub fn money(lang: Lang, value: f64, currency: Option<&str>) -> String {
    let amount = number(lang, value);
    let Some(code) = currency else {
        return amount;
    };
    let symbol = match code {
        "RUB" => Some("₽"),
        "USD" => Some("$"),
        "EUR" => Some("€"),
        _ => None,
    };
    match (lang, symbol) {
        (Lang::Ru, Some(s)) => format!("{amount}{NBSP}{s}"),
        (Lang::En, Some("$")) => format!("${amount}"),
        (Lang::En, Some("€")) => format!("€{amount}"),
        (_, _) => format!("{amount}{NBSP}{code}"),
    }
}

/// Formats a percentage.
pub fn percent(lang: Lang, value: f64) -> String {
    match lang {
        Lang::Ru => format!("{}{NBSP}%", number(lang, value)),
        Lang::En => format!("{}%", number(lang, value)),
    }
}

/// Formats a number of days with the right plural (`1 день`, `3 дня`, `14 дней`; `1 day`, `2 days`).
pub fn days(lang: Lang, value: f64) -> String {
    let n = number(lang, value);
    let word = if value.fract() != 0.0 {
        match lang {
            Lang::Ru => "дня",
            Lang::En => "days",
        }
    } else {
        plural(
            lang,
            value.abs() as u64,
            ["день", "дня", "дней"],
            ["day", "days"],
        )
    };
    format!("{n}{NBSP}{word}")
}

/// Picks the plural form: Russian `[one, few, many]`, English `[one, other]`.
pub fn plural<'a>(lang: Lang, n: u64, ru: [&'a str; 3], en: [&'a str; 2]) -> &'a str {
    match lang {
        Lang::En => {
            if n == 1 {
                en[0]
            } else {
                en[1]
            }
        }
        Lang::Ru => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                ru[0]
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                ru[1]
            } else {
                ru[2]
            }
        }
    }
}

/// A calendar date parsed from ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` (anything after the day, such as a time, is ignored).
    pub fn parse(iso: &str) -> Option<Date> {
        let iso = iso.trim();
        let date = iso.get(..10)?;
        let mut parts = date.split('-');
        let year = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Date { year, month, day })
    }
}

/// Formats an ISO date in the brief's language (`5 декабря 2026`, `5 December 2026`); text that
/// is not an ISO date is returned as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    let Some(d) = Date::parse(iso) else {
        return iso.to_owned();
    };
    let month = usize::from(d.month - 1);
    match lang {
        Lang::Ru => format!(
            "{}{NBSP}{} {}",
            d.day,
            crate::words::RU_MONTHS_GENITIVE[month],
            d.year
        ),
        Lang::En => format!(
            "{}{NBSP}{} {}",
            d.day,
            crate::words::EN_MONTHS[month],
            d.year
        ),
    }
}

/// Formats an ISO date without the year (`5 декабря`, `5 December`), for "will send by …".
pub fn day_month(lang: Lang, iso: &str) -> String {
    let full = date(lang, iso);
    match Date::parse(iso) {
        Some(d) => full
            .strip_suffix(&format!(" {}", d.year))
            .map(str::to_owned)
            .unwrap_or(full),
        None => full,
    }
}

/// Wraps text in the language's quotation marks: «…» or “…”.
pub fn quoted(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Ru => format!("«{text}»"),
        Lang::En => format!("“{text}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(number(Lang::Ru, 150000.0), "150\u{a0}000");
        assert_eq!(number(Lang::Ru, 1500.0), "1500");
        assert_eq!(number(Lang::En, 1500.0), "1,500");
        assert_eq!(number(Lang::En, 1234567.5), "1,234,567.5");
        assert_eq!(number(Lang::Ru, 2.25), "2,25");
        assert_eq!(number(Lang::Ru, -3.0), "−3");
        assert_eq!(money(Lang::Ru, 50000.0, Some("RUB")), "50\u{a0}000\u{a0}₽");
        assert_eq!(money(Lang::En, 50000.0, Some("USD")), "$50,000");
        assert_eq!(money(Lang::En, 50000.0, Some("RUB")), "50,000\u{a0}RUB");
        assert_eq!(percent(Lang::Ru, 35.0), "35\u{a0}%");
        assert_eq!(percent(Lang::En, 35.0), "35%");
    }

    #[test]
    fn plurals_and_dates() {
        assert_eq!(days(Lang::Ru, 1.0), "1\u{a0}день");
        assert_eq!(days(Lang::Ru, 3.0), "3\u{a0}дня");
        assert_eq!(days(Lang::Ru, 11.0), "11\u{a0}дней");
        assert_eq!(days(Lang::Ru, 21.0), "21\u{a0}день");
        assert_eq!(days(Lang::En, 1.0), "1\u{a0}day");
        assert_eq!(days(Lang::En, 14.0), "14\u{a0}days");
        assert_eq!(date(Lang::Ru, "2026-12-05"), "5\u{a0}декабря 2026");
        assert_eq!(date(Lang::En, "2026-12-05"), "5\u{a0}December 2026");
        assert_eq!(day_month(Lang::Ru, "2026-12-05"), "5\u{a0}декабря");
        assert_eq!(date(Lang::En, "soon"), "soon");
    }
}
