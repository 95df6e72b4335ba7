//! The fixed words of the kickoff document in each language, passed to the template with the data so
//! that templates hold no language logic (a custom template gets Russian and English for free).

use serde::{Deserialize, Serialize};

use super::Lang;

/// Every fixed word or phrase the kickoff template prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs, reason = "each field is the label named by the field")]
pub struct Labels {
    pub document: String,
    pub contents: String,
    pub page: String,
    pub of: String,
    pub client: String,
    pub project: String,
    pub services: String,
    pub account_manager: String,
    pub date: String,
    pub status: String,
    pub checklists: String,
    pub version: String,
    pub content_hash: String,
    pub summary: String,
    pub goal: String,
    pub goal_statement: String,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    pub deadline: String,
    pub rationale: String,
    pub goal_missing: String,
    pub not_stated: String,
    pub completeness: String,
    pub by_section: String,
    pub section: String,
    pub answered: String,
    pub kickoff: String,
    pub processes: String,
    pub process: String,
    pub open_gaps: String,
    pub no_gaps: String,
    pub severity: String,
    pub gap: String,
    pub follow_ups: String,
    pub no_follow_ups: String,
    pub agenda: String,
    pub contacts: String,
    pub no_contacts: String,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub responsible: String,
    pub required: String,
    pub to_confirm: String,
    pub evidence: String,
    pub appendix: String,
    pub archived_answers: String,
    pub archived_intro: String,
    pub reviews: String,
    pub prepared_with: String,
}

impl Labels {
    /// The labels in one language.
    pub fn new(lang: Lang) -> Labels {
        let s = |ru: &str, en: &str| -> String {
            match lang {
                Lang::Ru => ru.to_owned(),
                Lang::En => en.to_owned(),
            }
        };
        Labels {
            document: s("Бриф для запуска проекта", "Kickoff brief"),
            contents: s("Содержание", "Contents"),
            page: s("Стр.", "Page"),
            of: s("из", "of"),
            client: s("Клиент", "Client"),
            project: s("Проект", "Project"),
            services: s("Услуги", "Services"),
            account_manager: s("Аккаунт-менеджер", "Account manager"),
            date: s("Дата", "Date"),
            status: s("Статус", "Status"),
            checklists: s("Чек-листы", "Checklists"),
            version: s("Версия", "Version"),
            content_hash: s("Хеш содержимого", "Content hash"),
            summary: s("Сводка", "Summary"),
            goal: s("Цель", "Goal"),
            goal_statement: s("Формулировка", "Statement"),
            metric: s("Показатель", "Metric"),
            baseline: s("Сейчас", "Current value"),
            target: s("Цель", "Target"),
            deadline: s("Срок", "Deadline"),
            rationale: s("Обоснование", "Rationale"),
            goal_missing: s(
                "Цель не измерима: нет целевого значения или срока.",
                "The goal is not measurable: no target value or no deadline.",
            ),
            not_stated: s("не указано", "not stated"),
            completeness: s("Заполненность", "Completeness"),
            by_section: s("По разделам", "By section"),
            section: s("Раздел", "Section"),
            answered: s("Отвечено", "Answered"),
            kickoff: s("Готовность к запуску", "Ready for kickoff"),
            processes: s("Бизнес-процессы", "Business processes"),
            process: s("Процесс", "Process"),
            open_gaps: s("Открытые пробелы", "Open gaps"),
            no_gaps: s("Открытых пробелов нет.", "No open gaps."),
            severity: s("Важность", "Severity"),
            gap: s("Пробел", "Gap"),
            follow_ups: s("Дополнительные брифинги", "Follow-up briefings"),
            no_follow_ups: s("Не запланированы.", "None planned."),
            agenda: s("Повестка", "Agenda"),
            contacts: s("Контакты клиента", "Client contacts"),
            no_contacts: s("Контакты не указаны.", "No contacts recorded."),
            name: s("Имя", "Name"),
            role: s("Роль", "Role"),
            phone: s("Телефон", "Phone"),
            email: s("E-mail", "E-mail"),
            responsible: s("ответственный", "responsible"),
            required: s("обязательный", "required"),
            to_confirm: s(
                "перенесено из прошлого брифа — уточнить у клиента",
                "carried over from an earlier brief — confirm with the client",
            ),
            evidence: s("Подтверждения", "Evidence"),
            appendix: s("Приложение", "Appendix"),
            archived_answers: s("Архивные ответы", "Archived answers"),
            archived_intro: s(
                "Ответы на вопросы, которых нет в текущей версии чек-листа. Они сохранены без изменений.",
                "Answers to questions the current checklist version no longer has, kept unchanged.",
            ),
            reviews: s("Комментарии проверки", "Review comments"),
            prepared_with: s("Подготовлено в Deepbrief", "Prepared with Deepbrief"),
        }
    }
}
