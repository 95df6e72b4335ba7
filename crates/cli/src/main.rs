//! `deepbrief`: what the app does to data, headless — for scripts, CI and checklist authors.

mod brief;
mod exchange;
mod export;
mod followup;
mod gaps;
mod lint;
mod paths;
mod process;
mod review;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Deepbrief: client briefings for digital agencies.
#[derive(Debug, Parser)]
#[command(name = "deepbrief", version, about, long_about = None)]
struct Cli {
    /// The agency's checklist folder (default: the `checklists_dir` setting, else
    /// `<data dir>/checklists`).
    #[arg(long, global = true, value_name = "DIR")]
    checklists: Option<PathBuf>,
    /// Language of checklist texts in the output.
    #[arg(long, global = true, default_value = "ru", value_parser = ["ru", "en"])]
    lang: String,
    /// The database file (default: `DEEPBRIEF_DB`, else `deepbrief.db` in the app's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Who signs answers, comments and review steps (default: `DEEPBRIEF_AS`, else the name in
    /// `settings.json` that the app asked for on first launch, else the system user).
    #[arg(long = "as", global = true, value_name = "NAME")]
    as_name: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Work with checklists: lint, list, show, schema.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
    /// Work with briefs: new, list, show, answer, history, upgrade, prefill, archive.
    #[command(subcommand)]
    Brief(BriefCommand),
    /// What a brief still lacks (open points); exits 0 when ready for kickoff, 3 while points remain.
    Gaps {
        /// The brief's id.
        brief: String,
        /// Analyse as of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Follow-up meetings: plan, list, ics, letter.
    #[command(subcommand)]
    Followup(FollowupCommand),
    /// Export a brief: kickoff PDF, Markdown or JSON.
    Export {
        /// The brief's id.
        brief: String,
        /// Write the kickoff PDF here.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Write Markdown here.
        #[arg(long, value_name = "FILE")]
        md: Option<PathBuf>,
        /// Write JSON here.
        #[arg(long = "json", value_name = "FILE")]
        json_out: Option<PathBuf>,
        /// An agency template folder for the PDF (see templates/kickoff/README.md).
        #[arg(long, value_name = "DIR")]
        template: Option<PathBuf>,
        /// Export this approved revision exactly as approved (see `deepbrief review status`).
        #[arg(long, value_name = "N")]
        revision: Option<u32>,
    },
    /// Hand a brief to another machine: export or import a bundle file.
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// Search every brief (answers, client, project, notes, ad-hoc questions).
    Search {
        /// Words to find (prefixes and Russian word forms match).
        query: Vec<String>,
        /// At most this many hits.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Print the hits as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The database: check, backup, restore.
    #[command(subcommand)]
    Db(DbCommand),
    /// The review workflow: status, comment, resolve, submit, return, approve.
    #[command(subcommand)]
    Review(ReviewCommand),
    /// The lead's board: every brief with completeness, open points, comments and follow-up meetings.
    Board {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// Only this account manager.
        #[arg(long)]
        am: Option<String>,
        /// Only this status (draft, in_review, returned, approved).
        #[arg(long)]
        status: Option<String>,
        /// Archived briefs instead of active ones.
        #[arg(long)]
        archived: bool,
        /// As of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<String>,
        /// Print rows and the heatmap as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ReviewCommand {
    /// Show the status, revision, comments, approved revisions and the ready-for-kickoff verdict.
    Status {
        /// The brief's id.
        brief: String,
        /// As of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Comment on a question (--question), a section (--section CHECKLIST/SECTION) or the brief.
    Comment {
        /// The brief's id.
        brief: String,
        /// The comment.
        text: String,
        /// The question it is about.
        #[arg(long)]
        question: Option<String>,
        /// The section it is about, as CHECKLIST/SECTION.
        #[arg(long)]
        section: Option<String>,
        /// Who comments.
        #[arg(long)]
        who: Option<String>,
    },
    /// Resolve a comment, with an optional reply.
    Resolve {
        /// The brief's id.
        brief: String,
        /// The comment's id.
        comment: String,
        /// The reply.
        #[arg(long, default_value = "")]
        note: String,
        /// Who resolves.
        #[arg(long)]
        who: Option<String>,
    },
    /// Hand the brief to the lead (from draft or returned).
    Submit {
        /// The brief's id.
        brief: String,
        /// Who submits.
        #[arg(long)]
        who: Option<String>,
    },
    /// Send the brief back to the AM (needs an open comment).
    Return {
        /// The brief's id.
        brief: String,
        /// Who returns it.
        #[arg(long)]
        who: Option<String>,
    },
    /// «Изменить — новая редакция»: open an approved brief for changes as a draft of its next
    /// revision (the approved one stays frozen), or take a brief in review back to draft.
    /// Answers to an approved brief are refused until then.
    Reopen {
        /// The brief's id.
        brief: String,
        /// Who reopens.
        #[arg(long)]
        who: Option<String>,
    },
    /// Approve for kickoff: freezes the revision. Refused while not ready, unless --override NOTE.
    Approve {
        /// The brief's id.
        brief: String,
        /// Approve although not ready, for this recorded reason.
        #[arg(long = "override", value_name = "NOTE")]
        override_note: Option<String>,
        /// Who approves.
        #[arg(long)]
        who: Option<String>,
        /// Judge readiness as of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum BriefCommand {
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
    Answer {
        /// The brief's id.
        brief: String,
        /// The question's id.
        question: String,
        /// The value, read by the question's kind (lists: `a; b`, multi-choice: `a,b`).
        value: Option<String>,
        /// The value as JSON (`{"type":"rows","value":[…]}`), for tables and contacts.
        #[arg(long)]
        value_json: Option<String>,
        /// The client does not know.
        #[arg(long)]
        unknown: bool,
        /// The client will send it later, by this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        later: Option<String>,
        /// Not applicable, with the reason.
        #[arg(long, value_name = "REASON")]
        na: Option<String>,
        /// Clear the answer.
        #[arg(long)]
        clear: bool,
        /// A note as evidence.
        #[arg(long)]
        note: Option<String>,
        /// A link as evidence.
        #[arg(long)]
        link: Option<String>,
        /// The evidence is verified (not only claimed).
        #[arg(long)]
        verified: bool,
        /// Who answers (for the history).
        #[arg(long)]
        who: Option<String>,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Mark a process described at the meeting with a short note (kept in history), or clear it.
    Process {
        /// The brief's id.
        brief: String,
        /// The process id (`sales`), or `checklist:process` when several checklists declare it.
        process: String,
        /// What the client told you, in a sentence or two.
        #[arg(long, value_name = "NOTE")]
        described: Option<String>,
        /// Remove the mark.
        #[arg(long)]
        clear: bool,
        /// Who marks it (for the history).
        #[arg(long, default_value = "cli")]
        who: String,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
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
    /// Archive a brief (or restore it with --restore).
    Archive {
        /// The brief's id.
        brief: String,
        /// Bring it back.
        #[arg(long)]
        restore: bool,
    },
}

#[derive(Debug, Subcommand)]
enum FollowupCommand {
    /// Plan a follow-up meeting over open points (all, or --item KEY…).
    Plan {
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
    },
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
    Letter {
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
        /// Who sent it (with --sent).
        #[arg(long, default_value = "cli")]
        who: String,
    },
    /// List the letters sent about a brief, oldest first.
    Sent {
        /// The brief's id.
        brief: String,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum BundleCommand {
    /// Write one brief with its checklists and history to a file.
    Export {
        /// The brief's id.
        brief: String,
        /// The bundle file.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Import (or merge) a bundle file.
    Import {
        /// The bundle file.
        file: PathBuf,
        /// Print the outcome as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Open the database and check its integrity.
    Check {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make a backup now.
    Backup,
    /// Analyse the briefs whose kept gap summary is missing or out of date and keep the new ones
    /// (the board and `brief list` only read them; the app does this when it opens the database).
    Refresh {
        /// The day to analyse for (YYYY-MM-DD; default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// Restore a backup (without FILE: list them).
    Restore {
        /// A backup file name (or path).
        file: Option<String>,
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Opens the store the CLI works on (no automatic backup: scripts call it often).
fn open(db: Option<PathBuf>) -> anyhow::Result<deepbrief_store::Store> {
    let folder = paths::folder(db)?;
    Ok(deepbrief_store::Store::open(&folder.database)?)
}

#[derive(Debug, Subcommand)]
enum ChecklistCommand {
    /// Check checklist files and folders; exits 1 on any error.
    ///
    /// Without paths, checks what the app loads: the bundled checklists and the agency folder.
    Lint {
        /// Files or folders to check.
        paths: Vec<PathBuf>,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the loaded checklists (and the files that failed).
    List {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a checklist as a tree: sections, questions with kinds and conditions, processes, rules.
    Show {
        /// `ID` for the latest version, or `ID@VERSION`.
        checklist: String,
    },
    /// Print the JSON Schema of checklist files.
    Schema,
}

fn main() -> ExitCode {
    // Printing into a closed pipe (`deepbrief brief history … | head`) ends the process quietly,
    // as other command-line tools do, instead of panicking on the failed write.
    sigpipe::reset();
    let cli = Cli::parse();
    let signer = Signer(cli.as_name.clone());
    let result = match cli.command {
        Command::Checklist(command) => match command {
            ChecklistCommand::Lint { paths, json } => {
                lint::run(&paths::sources(cli.checklists), &paths, json)
            }
            ChecklistCommand::List { json } => {
                show::list(&paths::sources(cli.checklists), &cli.lang, json)
            }
            ChecklistCommand::Show { checklist } => {
                show::show(&paths::sources(cli.checklists), &checklist, &cli.lang)
            }
            ChecklistCommand::Schema => {
                print!("{}", deepbrief_core::schema::checklist_schema_json());
                Ok(ExitCode::SUCCESS)
            }
        },
        Command::Brief(command) => run_brief(command, cli.db, cli.checklists, &cli.lang, &signer),
        Command::Gaps { brief, today, json } => {
            open(cli.db).and_then(|s| gaps::run(&s, &brief, today.as_deref(), &cli.lang, json))
        }
        Command::Followup(command) => run_followup(command, cli.db, &signer),
        Command::Export {
            brief,
            pdf,
            md,
            json_out,
            template,
            revision,
        } => open(cli.db).and_then(|s| {
            export::run(
                &s,
                &brief,
                &export::Outputs {
                    pdf: pdf.as_deref(),
                    md: md.as_deref(),
                    json: json_out.as_deref(),
                    template: template.as_deref(),
                    lang: None,
                    revision,
                },
            )
        }),
        Command::Bundle(BundleCommand::Export { brief, out }) => {
            open(cli.db).and_then(|s| exchange::export(&s, &brief, &out))
        }
        Command::Bundle(BundleCommand::Import { file, json }) => {
            let library = deepbrief_folders::load_library(&paths::sources(cli.checklists));
            open(cli.db).and_then(|mut s| exchange::import(&mut s, &file, &library, json))
        }
        Command::Search { query, limit, json } => {
            open(cli.db).and_then(|s| exchange::search(&s, &query.join(" "), limit, json))
        }
        Command::Review(command) => run_review(command, cli.db, &signer),
        Command::Board {
            client,
            am,
            status,
            archived,
            today,
            json,
        } => open(cli.db).and_then(|s| {
            let status = match status.as_deref() {
                None => None,
                Some(text) => Some(deepbrief_store::BriefStatus::parse(text).ok_or_else(|| {
                    anyhow::anyhow!("--status {text}: use draft, in_review, returned or approved")
                })?),
            };
            review::board(
                &s,
                &deepbrief_store::BriefFilter {
                    client,
                    account_manager: am,
                    status,
                    archived,
                },
                today.as_deref(),
                json,
            )
        }),
        Command::Db(command) => paths::folder(cli.db).and_then(|folder| {
            let (db, dir) = (folder.database, folder.backups);
            match command {
                DbCommand::Check { json } => exchange::check(&db, json),
                DbCommand::Backup => exchange::backup(&db, &dir),
                DbCommand::Refresh { today } => exchange::refresh(&db, today.as_deref()),
                DbCommand::Restore { file, json } => {
                    exchange::restore_cmd(&db, &dir, file.as_deref(), json)
                }
            }
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Who signs: a command's `--who`, else the global `--as`, else `DEEPBRIEF_AS`, the settings, the
/// system user.
struct Signer(Option<String>);

impl Signer {
    fn name(&self, who: Option<String>) -> String {
        paths::signer(who.or_else(|| self.0.clone()).as_deref())
    }
}

fn run_review(
    command: ReviewCommand,
    db: Option<PathBuf>,
    signer: &Signer,
) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    match command {
        ReviewCommand::Status { brief, today, json } => {
            review::status(&store, &brief, today.as_deref(), json)
        }
        ReviewCommand::Comment {
            brief,
            text,
            question,
            section,
            who,
        } => {
            let target = review::target(question, section.as_deref())?;
            let comment = store.add_comment(&brief, target, &text, &signer.name(who))?;
            println!("{}", comment.id);
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Resolve {
            brief,
            comment,
            note,
            who,
        } => {
            store.resolve_comment(&brief, &comment, &note, &signer.name(who))?;
            Ok(ExitCode::SUCCESS)
        }
        ReviewCommand::Submit { brief, who } => review::step(
            &mut store,
            &brief,
            &deepbrief_store::ReviewRequest::Submit,
            &signer.name(who),
            None,
        ),
        ReviewCommand::Return { brief, who } => review::step(
            &mut store,
            &brief,
            &deepbrief_store::ReviewRequest::Return,
            &signer.name(who),
            None,
        ),
        ReviewCommand::Reopen { brief, who } => review::step(
            &mut store,
            &brief,
            &deepbrief_store::ReviewRequest::Reopen,
            &signer.name(who),
            None,
        ),
        ReviewCommand::Approve {
            brief,
            override_note,
            who,
            today,
        } => review::step(
            &mut store,
            &brief,
            &deepbrief_store::ReviewRequest::Approve { override_note },
            &signer.name(who),
            today.as_deref(),
        ),
    }
}

fn run_brief(
    command: BriefCommand,
    db: Option<PathBuf>,
    checklists: Option<PathBuf>,
    lang: &str,
    signer: &Signer,
) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    let library = || deepbrief_folders::load_library(&paths::sources(checklists.clone()));
    match command {
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
            let new = deepbrief_store::NewBrief {
                client,
                project,
                services,
                account_manager: am,
                contacts: contacts
                    .iter()
                    .map(|c| brief::contact(c, &responsible))
                    .collect(),
                language: brief_lang,
                prefill_from,
                industry,
            };
            brief::new(&mut store, &library(), new, &signer.name(None), json)
        }
        BriefCommand::List {
            client,
            am,
            archived,
            json,
        } => brief::list(
            &store,
            &deepbrief_store::BriefFilter {
                client,
                account_manager: am,
                status: None,
                archived,
            },
            json,
        ),
        BriefCommand::Show { brief: id, json } => brief::show(&store, &id, lang, json),
        BriefCommand::Answer {
            brief: id,
            question,
            value,
            value_json,
            unknown,
            later,
            na,
            clear,
            note,
            link,
            verified,
            who,
            json,
        } => brief::answer(
            &mut store,
            &id,
            &question,
            &brief::AnswerArgs {
                value: value.as_deref(),
                value_json: value_json.as_deref(),
                unknown,
                later: later.as_deref(),
                na: na.as_deref(),
                clear,
                note: note.as_deref(),
                link: link.as_deref(),
                verified,
            },
            &signer.name(who),
            json,
        ),
        BriefCommand::Process {
            brief: id,
            process,
            described,
            clear,
            who,
            json,
        } => process::set_note(
            &mut store,
            &id,
            &process,
            described.as_deref(),
            clear,
            &who,
            json,
        ),
        BriefCommand::History {
            brief: id,
            question,
            json,
        } => brief::history(&store, &id, question.as_deref(), json),
        BriefCommand::Upgrade {
            brief: id,
            apply,
            json,
        } => brief::upgrade(&mut store, &library(), &id, apply, &signer.name(None), json),
        BriefCommand::Prefill {
            from,
            project,
            json,
        } => {
            let old = store.brief_meta(&from)?;
            let new = deepbrief_store::NewBrief {
                client: old.client.clone(),
                project: project.unwrap_or(old.project.clone()),
                services: old.services.clone(),
                account_manager: old.account_manager.clone(),
                contacts: old.contacts.clone(),
                language: old.language.clone(),
                prefill_from: Some(from),
                industry: old.industry.clone(),
            };
            brief::new(&mut store, &library(), new, &signer.name(None), json)
        }
        BriefCommand::Similar {
            brief: id,
            limit,
            json,
        } => {
            let similar = store.similar_briefs(&id, limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&similar)?);
            } else {
                for s in &similar {
                    let m = &s.meta;
                    println!(
                        "{}  {} — {} ({}; {}; {})",
                        m.id,
                        m.client,
                        m.project,
                        if m.industry.is_empty() {
                            "—"
                        } else {
                            &m.industry
                        },
                        m.services.join(", "),
                        m.status.as_str()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        BriefCommand::Archive { brief: id, restore } => {
            let meta = store.set_archived(&id, !restore, &signer.name(None))?;
            println!(
                "{} {}",
                if meta.archived {
                    "archived"
                } else {
                    "restored"
                },
                meta.id
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_followup(
    command: FollowupCommand,
    db: Option<PathBuf>,
    signer: &Signer,
) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    let who = signer.name(None);
    match command {
        FollowupCommand::Plan {
            brief,
            start,
            minutes,
            timezone,
            location,
            title,
            items,
            json,
        } => followup::plan(
            &mut store,
            &followup::Plan {
                brief: &brief,
                start: &start,
                minutes,
                timezone: &timezone,
                location: location.as_deref(),
                title: title.as_deref(),
                items: &items,
                who: &who,
            },
            json,
        ),
        FollowupCommand::List { brief, json } => followup::list(&store, &brief, json),
        FollowupCommand::Ics { followup: id, out } => followup::ics(&store, &id, out.as_deref()),
        FollowupCommand::Letter {
            brief,
            followup: id,
            markdown,
            templates,
            agency,
            contact,
            out,
            sent,
            who,
        } => match sent {
            Some(file) => followup::record_sent(&mut store, &brief, id.as_deref(), &file, &who),
            None => followup::letter(
                &store,
                &brief,
                id.as_deref(),
                markdown,
                templates.as_deref(),
                followup::SignedBy {
                    agency: agency.as_deref(),
                    contact: contact.as_deref(),
                },
                out.as_deref(),
            ),
        },
        FollowupCommand::Sent { brief, json } => followup::sent(&store, &brief, json),
    }
}
