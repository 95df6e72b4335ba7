//! Which questions feed which field of the passport's first page: one table, by question id, for
//! every checklist version the app ships: core v1 and v2 (v2 ids such as `regulated_categories`,
//! `access_table`, `report_frequency`) and the add-ons; a new version adds its ids here. A field takes the answers of all its questions that are answered, in table order; a field
//! none of whose questions is answered prints «не указано».

use deepbrief_core::{Answer, Checklist, Entry};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A field of the passport's first page that comes from answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// What the client sells (the offer in a sentence).
    Offer,
    /// What the agency does within the services: the scope.
    Scope,
    /// The goal in the client's words.
    GoalStatement,
    /// The goal's metric.
    GoalMetric,
    /// Its current value.
    GoalBaseline,
    /// Its target value.
    GoalTarget,
    /// By when.
    GoalDeadline,
    /// Why that number.
    GoalRationale,
    /// Budget (marketing, ads).
    Budget,
    /// Regions served and targeted.
    Regions,
    /// The selling proposition: what the product and the company have over competitors.
    Advantages,
    /// Weak points.
    Weaknesses,
    /// The audience in a line.
    Audience,
    /// Legal constraints: regulated categories, personal data, documents for ads.
    Legal,
    /// Access to analytics, ad accounts, the site.
    Access,
    /// The client's responsible person.
    Responsible,
    /// The client's team.
    Team,
    /// How work is approved and reported.
    Reporting,
    /// The planned start.
    Start,
}

/// The mapping: field → question ids, in the order their answers are joined.
pub const FIELDS: &[(Field, &[&str])] = &[
    (Field::Offer, &["company_offer"]),
    (
        Field::Scope,
        &[
            "seo_priority_categories",
            "ppc_networks",
            "smm_networks",
            "web_site_type",
            "web_site_tasks",
        ],
    ),
    (Field::GoalStatement, &["goal_statement"]),
    (Field::GoalMetric, &["goal_metric"]),
    (Field::GoalBaseline, &["goal_baseline"]),
    (Field::GoalTarget, &["goal_target"]),
    (Field::GoalDeadline, &["goal_deadline"]),
    (Field::GoalRationale, &["goal_rationale"]),
    (
        Field::Budget,
        &["marketing_budget", "ppc_monthly_budget", "smm_ads_budget"],
    ),
    (
        Field::Regions,
        &[
            "regions_served",
            "regional_target_regions",
            "seo_regions",
            "ppc_geo",
        ],
    ),
    (
        Field::Advantages,
        &["advantages_product", "advantages_company"],
    ),
    (Field::Weaknesses, &["weaknesses"]),
    (Field::Audience, &["audience_who"]),
    (
        Field::Legal,
        &[
            "regulated_categories",
            "regulated_documents",
            "regulation",
            "personal_data_consent",
            "rkn_notice",
            "ad_ord_reporter",
            "web_personal_data",
            "ppc_documents_needed",
        ],
    ),
    (
        Field::Access,
        &[
            "accounts_ownership",
            "access_table",
            "seo_analytics_access",
            "ppc_accounts_exist",
            "ppc_conversion_tracking",
            "web_domain_owner",
        ],
    ),
    (Field::Responsible, &["client_responsible"]),
    (Field::Team, &["client_team_members"]),
    (
        Field::Reporting,
        &[
            "report_frequency",
            "report_recipients",
            "approval_process",
            "approval_days",
            "smm_approval_days",
        ],
    ),
    (Field::Start, &["ppc_launch_date"]),
];

/// The question ids of a field.
pub fn questions(field: Field) -> &'static [&'static str] {
    FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or(&[], |(_, ids)| *ids)
}

/// The planned project start (`YYYY-MM-DD`), when a start question is answered with a date and one
/// of `checklists` asks it.
pub fn planned_start(
    checklists: &[&Checklist],
    entries: &BTreeMap<String, Entry>,
) -> Option<String> {
    questions(Field::Start).iter().find_map(|id| {
        let asked = checklists
            .iter()
            .flat_map(|c| c.sections.iter())
            .flat_map(|s| s.questions.iter())
            .any(|q| q.id == *id);
        match entries.get(*id).map(|e| &e.answer) {
            Some(Answer::Answered(deepbrief_core::AnswerValue::Text(t)))
                if asked && deepbrief_core::IsoDate::parse(t).is_some() =>
            {
                Some(t.trim().to_owned())
            }
            _ => None,
        }
    })
}
