//! `deepbrief followup plan|list|ics|letter|sent`: follow-up meetings from a brief's open gaps, the
//! letter to the client and the letters sent.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use deepbrief_app::clock::{today, utc_stamp};
use deepbrief_app::documents::{Signature, stored_calendar_event, stored_letter};
use deepbrief_core::gaps::follow_up_items;
use deepbrief_export::{Format, Templates, to_ics};
use deepbrief_store::{NewFollowUp, Store};

use crate::gaps::analyzed;

/// What `followup plan` takes.
pub struct Plan<'a> {
    /// The brief.
    pub brief: &'a str,
    /// `YYYY-MM-DDTHH:MM`.
    pub start: &'a str,
    /// Minutes.
    pub minutes: u32,
    /// IANA zone.
    pub timezone: &'a str,
    /// Place or link.
    pub location: Option<&'a str>,
    /// Title (default: "Уточняющая встреча: client" / "Follow-up briefing: client").
    pub title: Option<&'a str>,
    /// Gap keys to cover (default: every open item).
    pub items: &'a [String],
    /// Who plans it.
    pub who: &'a str,
}

/// Plans a briefing over the chosen (or all) open items; attendees are the brief's contacts.
pub fn plan(store: &mut Store, p: &Plan<'_>, json: bool) -> Result<ExitCode> {
    let (opened, report) = analyzed(store, p.brief, None)?;
    let open = follow_up_items(&report);
    let items: Vec<String> = if p.items.is_empty() {
        open.iter().map(|i| i.key.clone()).collect()
    } else {
        for key in p.items {
            if !open.iter().any(|i| &i.key == key) {
                bail!(
                    "{key}: not an open gap of brief {}; see `deepbrief gaps {}`",
                    p.brief,
                    p.brief
                );
            }
        }
        p.items.to_vec()
    };
    if items.is_empty() {
        bail!(
            "brief {} has nothing left to clarify: no follow-up meeting to plan",
            p.brief
        );
    }
    let meta = &opened.data.meta;
    let title = p.title.map_or_else(
        || {
            if meta.language == "en" {
                format!("Follow-up briefing: {}", meta.client)
            } else {
                format!("Уточняющая встреча: {}", meta.client)
            }
        },
        str::to_owned,
    );
    let new = NewFollowUp {
        title,
        start: p.start.to_owned(),
        duration_minutes: p.minutes,
        timezone: Some(p.timezone.to_owned()),
        location: p.location.map(str::to_owned),
        attendees: meta.contacts.clone(),
        items,
    };
    let planned = store.plan_followup(p.brief, &new, p.who)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&planned)?);
    } else {
        println!(
            "{}  {}  {} ({} min)",
            planned.id, planned.title, planned.start, planned.duration_minutes
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Lists a brief's briefings, each item marked open or closed.
pub fn list(store: &Store, brief: &str, json: bool) -> Result<ExitCode> {
    let (_, report) = analyzed(store, brief, None)?;
    let open = follow_up_items(&report);
    let planned = store.followups(brief)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&planned)?);
        return Ok(ExitCode::SUCCESS);
    }
    for f in &planned {
        println!("{}  {}  {}", f.id, f.title, f.start);
        for key in &f.items {
            let state = if open.iter().any(|i| &i.key == key) {
                "open  "
            } else {
                "closed"
            };
            println!("    [{state}] {key}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a briefing's `.ics` to `out` (or stdout).
pub fn ics(store: &Store, followup: &str, out: Option<&Path>) -> Result<ExitCode> {
    let (_, event) = stored_calendar_event(store, followup, today(), &utc_stamp())?;
    let text = to_ics(&event)?;
    emit(out, &text)
}

/// What the command line says of the letter's signature (`--agency`, `--contact`); what it leaves
/// out comes from the settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct SignedBy<'a> {
    /// The agency's name.
    pub agency: Option<&'a str>,
    /// How the client reaches the account manager.
    pub contact: Option<&'a str>,
}

/// Writes the letter to the client (for a briefing, or about every open gap of a brief).
pub fn letter(
    store: &Store,
    brief: &str,
    followup: Option<&str>,
    markdown: bool,
    templates: Option<&Path>,
    signed: SignedBy<'_>,
    out: Option<&Path>,
) -> Result<ExitCode> {
    // The signature: what the command says, else what the settings say (as in the app).
    let settings = crate::paths::settings();
    let signature = Signature::of(settings.identity.as_ref(), signed.agency, signed.contact);
    let input = stored_letter(store, brief, followup, &signature, today())?;
    let templates = match templates {
        Some(dir) => Templates::with_folder(dir)?,
        None => Templates::embedded(),
    };
    let text = templates.render(
        &input,
        if markdown {
            Format::Markdown
        } else {
            Format::Text
        },
    )?;
    emit(out, &text)
}

/// Records `file` as the letter sent about `brief` (the text as the account manager sent it).
pub fn record_sent(
    store: &mut Store,
    brief: &str,
    followup: Option<&str>,
    file: &Path,
    who: &str,
) -> Result<ExitCode> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("{}: cannot read the letter", file.display()))?;
    let sent = store.record_letter_sent(brief, followup, &text, who)?;
    println!(
        "recorded the letter sent about {} at {}",
        sent.brief_id, sent.at
    );
    Ok(ExitCode::SUCCESS)
}

/// Lists the letters sent about a brief.
pub fn sent(store: &Store, brief: &str, json: bool) -> Result<ExitCode> {
    let letters = store.letters_sent(brief)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&letters)?);
        return Ok(ExitCode::SUCCESS);
    }
    for l in &letters {
        let first = l.text.lines().next().unwrap_or_default();
        println!(
            "{}  {}  {}  {first}",
            l.at,
            l.who,
            l.followup_id.as_deref().unwrap_or("-")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn emit(out: Option<&Path>, text: &str) -> Result<ExitCode> {
    match out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
