//! `deepbrief followup plan|list|ics|letter|sent|link|unlink|links`: follow-up meetings from a
//! brief's open gaps, the letter to the client, the letters sent, and the links that let the client
//! answer a meeting's open items online (on the team server).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Subcommand};
use deepbrief_app::clock::{today, utc_stamp};
use deepbrief_app::documents::{Signature, stored_calendar_event, stored_letter};
use deepbrief_app::team::links::{self, NewLink};
use deepbrief_core::gaps::follow_up_items;
use deepbrief_export::{Format, Templates, to_ics};
use deepbrief_store::{ClientLinkState, NewFollowUp, Store};

use super::context::settings;
use super::gaps::analyzed;
use super::{Context, output};

/// `deepbrief followup …`.
#[derive(Debug, Subcommand)]
pub enum FollowupCommand {
    /// Plan a follow-up meeting over open points (all, or --item KEY…).
    Plan(PlanArgs),
    /// List a brief's follow-up meetings, each item open or closed.
    List {
        /// The brief's id.
        brief: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a follow-up meeting as an .ics calendar event.
    Ics {
        /// The follow-up meeting's id.
        followup: String,
        /// Write here instead of stdout.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Write the letter to the client about what is still missing.
    Letter(LetterArgs),
    /// List the letters sent about a brief, oldest first.
    Sent {
        /// The brief's id.
        brief: String,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Make a link for the client to answer the meeting's open items online, without an account
    /// (needs `team login`); prints the link. The letter then gives it.
    Link {
        /// The follow-up meeting's id.
        followup: String,
        /// The last day the link works, YYYY-MM-DD (default: 30 days from today, or the meeting's day when later; at most 180 days ahead).
        #[arg(long, value_name = "DATE")]
        expires: Option<String>,
        /// The agency's name at the top of the client's page (default: the agency in the settings).
        #[arg(long)]
        agency: Option<String>,
        /// Print the link as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Revoke a client link: its page stops working at once.
    Unlink {
        /// The link's id (from `followup links`).
        link: String,
    },
    /// List a brief's client links, newest first: live, revoked or expired.
    Links {
        /// The brief's id.
        brief: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

impl FollowupCommand {
    /// Runs `followup …`.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let mut store = ctx.open()?;
        match self {
            FollowupCommand::Plan(args) => args.run(&mut store, &ctx.signer(None)),
            FollowupCommand::List { brief, json } => list(&store, &brief, json),
            FollowupCommand::Ics { followup, out } => {
                let (_, event) = stored_calendar_event(&store, &followup, today(), &utc_stamp())?;
                output::emit(out.as_deref(), &to_ics(&event)?)?;
                Ok(ExitCode::SUCCESS)
            }
            FollowupCommand::Letter(args) => {
                let who = ctx.signer(args.who.clone());
                args.run(&mut store, &who)
            }
            FollowupCommand::Sent { brief, json } => sent(&store, &brief, json),
            FollowupCommand::Link {
                followup,
                expires,
                agency,
                json,
            } => {
                let expires_on = expires
                    .as_deref()
                    .map(|d| {
                        deepbrief_app::clock::parse_day(d).with_context(|| format!("--expires {d}"))
                    })
                    .transpose()?;
                let link = links::create(
                    &ctx.folder()?,
                    &mut store,
                    &ctx.library(),
                    &ctx.person(None),
                    &NewLink {
                        followup_id: followup,
                        expires_on,
                        agency,
                    },
                    today(),
                )?;
                if json {
                    output::json(&link)?;
                } else {
                    println!("{}", link.url);
                    eprintln!(
                        "link {} for {}: works until {} inclusive; revoke it with `deepbrief followup unlink {}`",
                        link.id, link.contact, link.expires_on, link.id
                    );
                }
                Ok(ExitCode::SUCCESS)
            }
            FollowupCommand::Unlink { link } => {
                let link = links::revoke(&ctx.folder()?, &store, &link, today())?;
                println!("revoked {}: its page no longer opens", link.id);
                Ok(ExitCode::SUCCESS)
            }
            FollowupCommand::Links { brief, json } => {
                let list = links::list(&store, &brief, today())?;
                if json {
                    output::json(&list)?;
                } else if list.is_empty() {
                    println!("no client links");
                } else {
                    for l in &list {
                        let state = match l.state {
                            ClientLinkState::Live => "live   ",
                            ClientLinkState::Revoked => "revoked",
                            ClientLinkState::Expired => "expired",
                        };
                        println!(
                            "{}  {state}  until {}  {}  {}",
                            l.id, l.expires_on, l.contact, l.url
                        );
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
        }
    }
}

/// `deepbrief followup plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The brief's id.
    brief: String,
    /// Start, local time: YYYY-MM-DDTHH:MM.
    #[arg(long)]
    start: String,
    /// Length in minutes.
    #[arg(long, default_value_t = 60)]
    minutes: u32,
    /// IANA time zone.
    #[arg(long, default_value = "Europe/Moscow")]
    timezone: String,
    /// Place or call link.
    #[arg(long)]
    location: Option<String>,
    /// Title.
    #[arg(long)]
    title: Option<String>,
    /// A gap key to cover (repeat); default: every open gap.
    #[arg(long = "item")]
    items: Vec<String>,
    /// Print as JSON.
    #[arg(long)]
    json: bool,
}

impl PlanArgs {
    /// Plans a briefing over the chosen (or all) open items; attendees are the brief's contacts.
    fn run(self, store: &mut Store, who: &str) -> Result<ExitCode> {
        let (opened, report) = analyzed(store, &self.brief, None)?;
        let open = follow_up_items(&report);
        let items: Vec<String> = if self.items.is_empty() {
            open.iter().map(|i| i.key.to_string()).collect()
        } else {
            for key in &self.items {
                if !open.iter().any(|i| i.is(key)) {
                    bail!(
                        "{key}: not an open gap of brief {}; see `deepbrief gaps {}`",
                        self.brief,
                        self.brief
                    );
                }
            }
            self.items
        };
        if items.is_empty() {
            bail!(
                "brief {} has nothing left to clarify: no follow-up meeting to plan",
                self.brief
            );
        }
        let meta = &opened.data.meta;
        let title = self.title.unwrap_or_else(|| {
            if meta.language == "en" {
                format!("Follow-up briefing: {}", meta.client)
            } else {
                format!("Уточняющая встреча: {}", meta.client)
            }
        });
        let new = NewFollowUp {
            title,
            start: self.start,
            duration_minutes: self.minutes,
            timezone: Some(self.timezone),
            location: self.location,
            attendees: meta.contacts.clone(),
            items,
        };
        let planned = store.plan_followup(&self.brief, &new, who)?;
        if self.json {
            output::json(&planned)?;
        } else {
            println!(
                "{}  {}  {} ({} min)",
                planned.id, planned.title, planned.start, planned.duration_minutes
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Lists a brief's briefings, each item marked open or closed.
fn list(store: &Store, brief: &str, json: bool) -> Result<ExitCode> {
    let (_, report) = analyzed(store, brief, None)?;
    let open = follow_up_items(&report);
    let planned = store.followups(brief)?;
    if json {
        output::json(&planned)?;
        return Ok(ExitCode::SUCCESS);
    }
    for f in &planned {
        println!("{}  {}  {}", f.id, f.title, f.start);
        for key in &f.items {
            let state = if open.iter().any(|i| i.is(key)) {
                "open  "
            } else {
                "closed"
            };
            println!("    [{state}] {key}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `deepbrief followup letter`.
#[derive(Debug, Args)]
pub struct LetterArgs {
    /// The brief's id.
    brief: String,
    /// Propose this meeting and list its items.
    #[arg(long)]
    followup: Option<String>,
    /// Markdown instead of plain text.
    #[arg(long)]
    markdown: bool,
    /// An agency folder of letter templates.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// The agency's name for the signature (default: the agency in the settings).
    #[arg(long)]
    agency: Option<String>,
    /// How the client reaches you, under the signature: a phone, an address (default: the
    /// contact in the settings).
    #[arg(long)]
    contact: Option<String>,
    /// Write here instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Instead of writing the letter, record this file as the letter sent (as edited).
    #[arg(long, value_name = "FILE", conflicts_with = "out")]
    sent: Option<PathBuf>,
    /// Who sent it (with --sent; default: `--as`, else `DEEPBRIEF_AS`, the name in
    /// settings.json, the system user).
    #[arg(long)]
    who: Option<String>,
}

impl LetterArgs {
    /// Writes the letter to the client (for a briefing, or about every open gap of a brief), or
    /// with `--sent` records the letter as sent.
    fn run(self, store: &mut Store, who: &str) -> Result<ExitCode> {
        if let Some(file) = &self.sent {
            return record_sent(store, &self.brief, self.followup.as_deref(), file, who);
        }
        // The signature: what the command says, else what the settings say (as in the app).
        let identity = settings().identity;
        let signature = Signature::of(
            identity.as_ref(),
            self.agency.as_deref(),
            self.contact.as_deref(),
        );
        let input = stored_letter(
            store,
            &self.brief,
            self.followup.as_deref(),
            &signature,
            today(),
        )?;
        let templates = match &self.templates {
            Some(dir) => Templates::with_folder(dir)?,
            None => Templates::embedded(),
        };
        let format = if self.markdown {
            Format::Markdown
        } else {
            Format::Text
        };
        output::emit(self.out.as_deref(), &templates.render(&input, format)?)?;
        Ok(ExitCode::SUCCESS)
    }
}

/// Records `file` as the letter sent about `brief` (the text as the account manager sent it).
fn record_sent(
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
fn sent(store: &Store, brief: &str, json: bool) -> Result<ExitCode> {
    let letters = store.letters_sent(brief)?;
    if json {
        output::json(&letters)?;
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
