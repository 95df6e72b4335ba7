//! `deepbrief brief new|list|show|answer|history|upgrade|prefill|archive`.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use deepbrief_core::answer_check::{AnswerProblem, check_entry};
use deepbrief_core::{Answer, AnswerValue, Entry, Evidence, EvidenceKind, Kind, Library, Question};
use deepbrief_store::{BriefFilter, Contact, NewBrief, Store};

use deepbrief_app::clock::today;

/// Parses `Name;role;phone;email` (the last three optional).
pub fn contact(text: &str, responsible: &str) -> Contact {
    let mut parts = text.split(';').map(str::trim);
    let name = parts.next().unwrap_or_default().to_owned();
    Contact {
        responsible: !responsible.is_empty() && name == responsible,
        name,
        role: parts.next().unwrap_or_default().to_owned(),
        phone: parts.next().unwrap_or_default().to_owned(),
        email: parts.next().unwrap_or_default().to_owned(),
    }
}

/// Creates a brief and prints its id (or its header as JSON).
pub fn new(
    store: &mut Store,
    library: &Library,
    brief: NewBrief,
    who: &str,
    json: bool,
) -> Result<ExitCode> {
    let mut brief = brief;
    if brief.contacts.len() == 1 && !brief.contacts.iter().any(|c| c.responsible) {
        brief.contacts[0].responsible = true;
    }
    let meta = store.create_brief(&brief, library, who)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&meta)?);
    } else {
        println!("{}", meta.id);
    }
    Ok(ExitCode::SUCCESS)
}

/// Lists briefs with completeness and open gaps.
pub fn list(store: &Store, filter: &BriefFilter, json: bool) -> Result<ExitCode> {
    let rows = store.rows(filter, today())?;
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    for r in &rows {
        let m = &r.item.meta;
        println!(
            "{}  {:<24} {:<24} {:<20} {:>3}%  {} gaps{}",
            m.id,
            m.client,
            m.project,
            m.account_manager,
            r.board.completeness.percent,
            r.board.gaps,
            if r.board.ready { "  ready" } else { "" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Shows a brief: header, then every answered question.
pub fn show(store: &Store, id: &str, lang: &str, json: bool) -> Result<ExitCode> {
    let opened = store.opened(id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&opened.data)?);
        return Ok(ExitCode::SUCCESS);
    }
    let m = &opened.data.meta;
    println!("{} — {} ({})", m.client, m.project, m.id);
    println!(
        "AM: {}; status: {}; language: {}",
        m.account_manager,
        m.status.as_str(),
        m.language
    );
    for p in &opened.data.pins {
        println!("checklist {}@{} {}", p.checklist, p.version, p.hash);
    }
    for c in &opened.checklists {
        for (section, q) in c.questions() {
            if let Some(entry) = opened.data.entries.get(&q.id) {
                println!(
                    "[{}] {} ({}): {}",
                    section.id,
                    q.prompt.get(lang),
                    q.id,
                    serde_json::to_string(&entry.answer)?
                );
            }
        }
    }
    for a in &opened.data.adhoc {
        if let Some(entry) = opened.data.entries.get(&a.id) {
            println!(
                "[adhoc] {} ({}): {}",
                a.prompt,
                a.id,
                serde_json::to_string(&entry.answer)?
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How `brief answer` was asked to answer.
pub struct AnswerArgs<'a> {
    /// The typed value, parsed by the question's kind.
    pub value: Option<&'a str>,
    /// The value as JSON (`AnswerValue`), for tables and contacts.
    pub value_json: Option<&'a str>,
    /// "Client doesn't know".
    pub unknown: bool,
    /// Will send later, by this date.
    pub later: Option<&'a str>,
    /// Not applicable, with this reason.
    pub na: Option<&'a str>,
    /// Clear the answer.
    pub clear: bool,
    /// A note as evidence.
    pub note: Option<&'a str>,
    /// A link as evidence.
    pub link: Option<&'a str>,
    /// Evidence is verified, not only claimed.
    pub verified: bool,
}

/// Reads a typed value for a question from the command line.
pub fn parse_value(q: &Question, text: &str) -> Result<AnswerValue> {
    let number = || -> Result<f64> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        cleaned
            .parse::<f64>()
            .with_context(|| format!("`{text}` is not a number (question `{}`)", q.id))
    };
    Ok(match q.kind {
        Kind::ShortText | Kind::LongText | Kind::Link | Kind::Date => {
            AnswerValue::Text(text.to_owned())
        }
        Kind::Number | Kind::Money | Kind::Percent | Kind::Duration | Kind::Scale => {
            AnswerValue::Number(number()?)
        }
        Kind::YesNo => match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "да" | "д" => AnswerValue::Bool(true),
            "no" | "n" | "false" | "нет" | "н" => AnswerValue::Bool(false),
            other => bail!("`{other}`: answer yes/no (да/нет) for question `{}`", q.id),
        },
        Kind::SingleChoice => AnswerValue::Choice(text.trim().to_owned()),
        Kind::MultiChoice => AnswerValue::Choices(
            text.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        Kind::List => AnswerValue::Items(
            text.split(';')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        Kind::Table | Kind::Contact => {
            bail!(
                "question `{}` is a {}: pass --value-json",
                q.id,
                q.kind.name()
            )
        }
    })
}

/// Sets one answer (or state) and prints when it was saved.
pub fn answer(
    store: &mut Store,
    brief: &str,
    question: &str,
    args: &AnswerArgs<'_>,
    who: &str,
    json: bool,
) -> Result<ExitCode> {
    let q = store.question(brief, question)?;
    // One way of answering per call: a VALUE with --unknown would otherwise drop the value silently.
    let given: Vec<&str> = [
        (args.value.is_some(), "VALUE"),
        (args.value_json.is_some(), "--value-json"),
        (args.unknown, "--unknown"),
        (args.later.is_some(), "--later"),
        (args.na.is_some(), "--na"),
        (args.clear, "--clear"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    if given.len() > 1 {
        bail!(
            "{} cannot be combined: give one of VALUE, --value-json, --unknown, --later, --na or --clear (evidence goes with --note and --link)",
            given.join(" and ")
        );
    }
    if args.clear && (args.note.is_some() || args.link.is_some()) {
        bail!("--clear removes the answer and its evidence: leave out --note and --link");
    }
    let answer = if args.clear {
        None
    } else if args.unknown {
        Some(Answer::Unknown)
    } else if let Some(due) = args.later {
        Some(Answer::Later {
            due: due.to_owned(),
        })
    } else if let Some(reason) = args.na {
        Some(Answer::NotApplicable {
            reason: reason.to_owned(),
        })
    } else if let Some(j) = args.value_json {
        Some(Answer::Answered(serde_json::from_str(j).context(
            "--value-json: expected an answer value such as {\"type\":\"text\",\"value\":\"…\"}",
        )?))
    } else if let Some(v) = args.value {
        Some(Answer::Answered(parse_value(&q, v)?))
    } else {
        bail!(
            "give a VALUE, or --unknown, --later DATE, --na REASON, --value-json JSON or --clear"
        );
    };
    let entry = answer.map(|answer| {
        let mut evidence = Vec::new();
        if let Some(note) = args.note {
            evidence.push(Evidence {
                kind: EvidenceKind::Note,
                text: note.to_owned(),
                verified: args.verified,
            });
        }
        if let Some(link) = args.link {
            evidence.push(Evidence {
                kind: EvidenceKind::Link,
                text: link.to_owned(),
                verified: args.verified,
            });
        }
        Entry {
            answer,
            evidence,
            to_confirm: false,
        }
    });
    if let Some(e) = &entry
        && check_entry(&q, e) == Err(AnswerProblem::Blank)
    {
        bail!(
            "the value for `{question}` is empty; to remove the answer, pass --clear instead of a value"
        );
    }
    let cleared = entry.is_none();
    let saved = store.set_answer(brief, question, entry, who)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&saved)?);
    } else if cleared {
        println!("cleared {} at {}", question, saved.at);
    } else {
        println!("saved {} at {}", question, saved.at);
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a brief's (or a question's) history, one change per edit of an answer.
pub fn history(store: &Store, brief: &str, question: Option<&str>, json: bool) -> Result<ExitCode> {
    let events = store.edits(brief, question)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&events)?);
        return Ok(ExitCode::SUCCESS);
    }
    for e in events {
        let show =
            |v: &Option<serde_json::Value>| v.as_ref().map_or("—".to_owned(), ToString::to_string);
        println!(
            "{}  {:<10} {:<16} {:<24} {} → {}",
            e.at,
            e.who,
            e.kind,
            e.subject.unwrap_or_default(),
            show(&e.old),
            show(&e.new)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Previews (or applies) the upgrade of a brief to the newest loaded checklist versions.
pub fn upgrade(
    store: &mut Store,
    library: &Library,
    brief: &str,
    apply: bool,
    who: &str,
    json: bool,
) -> Result<ExitCode> {
    let plan = if apply {
        store.upgrade_apply(brief, library, who)?
    } else {
        store.upgrade_preview(brief, library)?
    };
    match plan {
        None => println!("brief {brief} already uses the newest checklist versions"),
        Some(plan) if json => println!("{}", serde_json::to_string_pretty(&plan.report)?),
        Some(plan) => {
            let r = &plan.report;
            println!(
                "{}: {} added, {} removed, {} renamed, {} changed kind",
                if apply { "upgraded" } else { "preview" },
                r.added.len(),
                r.removed.len(),
                r.renamed.len(),
                r.kind_changed.len()
            );
            if !apply {
                println!("run again with --apply to upgrade");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
