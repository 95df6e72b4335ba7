//! `deepbrief brief new|list|show|answer|process|history|upgrade|prefill|similar|conflicts|resolve|
//! client-answers|accept|reject|archive`: the commands on one brief. Those that only read live in
//! `read`; answering in `answer`; the client's answers through a link in `client`.

mod answer;
mod client;
mod conflicts;
mod process;
mod read;

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use deepbrief_core::Library;
use deepbrief_store::{BriefFilter, Contact, NewBrief, Store};

use super::{Context, output};

/// `deepbrief brief …`.
#[derive(Debug, Subcommand)]
pub enum BriefCommand {
    /// Create a brief; prints its id.
    New {
        /// The client company.
        #[arg(long)]
        client: String,
        /// The project.
        #[arg(long)]
        project: String,
        /// A service (repeat): picks the add-on checklists.
        #[arg(long = "service")]
        services: Vec<String>,
        /// The account manager.
        #[arg(long)]
        am: String,
        /// A client contact `Name;role;phone;email` (repeat).
        #[arg(long = "contact")]
        contacts: Vec<String>,
        /// The responsible contact's name (default: the only contact).
        #[arg(long, default_value = "")]
        responsible: String,
        /// The brief's language.
        #[arg(long = "brief-lang", default_value = "ru", value_parser = ["ru", "en"])]
        brief_lang: String,
        /// Re-brief: start from this earlier brief of the same client.
        #[arg(long)]
        prefill_from: Option<String>,
        /// The client's industry ("шины и диски"): finds briefs like this one.
        #[arg(long, default_value = "")]
        industry: String,
        /// Print the brief as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List briefs with completeness and open points.
    List {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// Only this account manager.
        #[arg(long)]
        am: Option<String>,
        /// Archived briefs instead of active ones.
        #[arg(long)]
        archived: bool,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a brief and its answers.
    Show {
        /// The brief's id.
        brief: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Answer a question (or mark a state).
    Answer(answer::AnswerArgs),
    /// Mark a process described at the meeting with a short note (kept in history), or clear it.
    Process(process::ProcessArgs),
    /// A brief's history, or one question's.
    History {
        /// The brief's id.
        brief: String,
        /// Only this question.
        question: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Preview (or apply) the upgrade to the newest checklist versions.
    Upgrade {
        /// The brief's id.
        brief: String,
        /// Apply it.
        #[arg(long)]
        apply: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Re-brief: a new brief of the same client starting from an earlier one's answers.
    Prefill {
        /// The earlier brief.
        from: String,
        /// The new project (default: the earlier one's).
        #[arg(long)]
        project: Option<String>,
        /// Print the new brief as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Briefs like this one: the same industry or a shared service, for learning from past projects.
    Similar {
        /// The brief's id.
        brief: String,
        /// At most this many.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Answers changed on two computers without seeing each other; exits 3 while any is open.
    Conflicts {
        /// The brief's id.
        brief: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict by keeping one of its values (the others stay in the history).
    Resolve {
        /// The brief's id.
        brief: String,
        /// The question in conflict.
        question: String,
        /// The answer event whose value to keep (from `brief conflicts`).
        #[arg(long)]
        keep: String,
    },
    /// Answers the client sent through a link (fetched by `sync`), waiting first; exits 3 while any
    /// waits for review.
    ClientAnswers {
        /// The brief's id.
        brief: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Accept a client's answer into the brief (the history names the client's contact).
    Accept {
        /// The client answer's id (from `brief client-answers`).
        answer: String,
        /// Accept this value instead, read by the question's kind like `brief answer`.
        #[arg(long)]
        value: Option<String>,
        /// Who accepts (default: `--as`, else `DEEPBRIEF_AS`, the name in settings.json, the
        /// system user).
        #[arg(long)]
        who: Option<String>,
    },
    /// Reject a client's answer, saying why (the comment goes on the question).
    Reject {
        /// The client answer's id (from `brief client-answers`).
        answer: String,
        /// Why: required.
        #[arg(long)]
        comment: String,
        /// Who rejects.
        #[arg(long)]
        who: Option<String>,
    },
    /// Archive a brief (or restore it with --restore).
    Archive {
        /// The brief's id.
        brief: String,
        /// Bring it back.
        #[arg(long)]
        restore: bool,
    },
}

impl BriefCommand {
    /// Runs `brief …`.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let mut store = ctx.open()?;
        match self {
            BriefCommand::New {
                client,
                project,
                services,
                am,
                contacts,
                responsible,
                brief_lang,
                prefill_from,
                industry,
                json,
            } => {
                let new = NewBrief {
                    client,
                    project,
                    services,
                    account_manager: am,
                    contacts: contacts.iter().map(|c| contact(c, &responsible)).collect(),
                    language: brief_lang,
                    prefill_from,
                    industry,
                };
                create(&mut store, &ctx.library(), new, &ctx.signer(None), json)
            }
            BriefCommand::List {
                client,
                am,
                archived,
                json,
            } => {
                let filter = BriefFilter {
                    client,
                    account_manager: am,
                    status: None,
                    archived,
                };
                read::list(&store, &filter, json)
            }
            BriefCommand::Show { brief, json } => read::show(&store, &brief, ctx.text_lang(), json),
            BriefCommand::Conflicts { brief, json } => conflicts::list(&store, &brief, json),
            BriefCommand::Resolve {
                brief,
                question,
                keep,
            } => conflicts::resolve(&mut store, &ctx.person(None), &brief, &question, &keep),
            BriefCommand::ClientAnswers { brief, json } => {
                client::list(&store, &brief, ctx.text_lang(), json)
            }
            BriefCommand::Accept { answer, value, who } => {
                client::accept(&mut store, ctx, &answer, value.as_deref(), who)
            }
            BriefCommand::Reject {
                answer,
                comment,
                who,
            } => client::reject(&mut store, ctx, &answer, &comment, who),
            BriefCommand::Answer(args) => args.run(&mut store, ctx),
            BriefCommand::Process(args) => {
                let person = ctx.person(args.who.clone());
                args.run(&mut store, &person)
            }
            BriefCommand::History {
                brief,
                question,
                json,
            } => read::history(&store, &brief, question.as_deref(), json),
            BriefCommand::Upgrade { brief, apply, json } => upgrade(
                &mut store,
                &ctx.library(),
                &brief,
                apply,
                &ctx.signer(None),
                json,
            ),
            BriefCommand::Prefill {
                from,
                project,
                json,
            } => {
                let old = store.brief_meta(&from)?;
                let new = NewBrief {
                    client: old.client,
                    project: project.unwrap_or(old.project),
                    services: old.services,
                    account_manager: old.account_manager,
                    contacts: old.contacts,
                    language: old.language,
                    prefill_from: Some(from),
                    industry: old.industry,
                };
                create(&mut store, &ctx.library(), new, &ctx.signer(None), json)
            }
            BriefCommand::Similar { brief, limit, json } => {
                read::similar(&store, &brief, limit, json)
            }
            BriefCommand::Archive { brief, restore } => {
                let meta = store.set_archived(&brief, !restore, &ctx.signer(None))?;
                let done = if meta.archived {
                    "archived"
                } else {
                    "restored"
                };
                println!("{done} {}", meta.id);
                Ok(ExitCode::SUCCESS)
            }
        }
    }
}

/// Parses `Name;role;phone;email` (the last three optional).
fn contact(text: &str, responsible: &str) -> Contact {
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
fn create(
    store: &mut Store,
    library: &Library,
    mut brief: NewBrief,
    who: &str,
    json: bool,
) -> Result<ExitCode> {
    if brief.contacts.len() == 1 && !brief.contacts.iter().any(|c| c.responsible) {
        brief.contacts[0].responsible = true;
    }
    let meta = store.create_brief(&brief, library, who)?;
    if json {
        output::json(&meta)?;
    } else {
        println!("{}", meta.id);
    }
    Ok(ExitCode::SUCCESS)
}

/// Previews (or applies) the upgrade of a brief to the newest loaded checklist versions.
fn upgrade(
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
        Some(plan) if json => output::json(&plan.report)?,
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
