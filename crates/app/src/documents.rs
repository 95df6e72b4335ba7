//! A stored brief in the shapes the exports take: the kickoff document, the letter's input and the
//! follow-up briefing's calendar event, built from the store's records and the brief's gap report.
//!
//! The app and the CLI both export through these functions, so a PDF, a letter or an `.ics` file made
//! from the same brief is the same wherever it is made.

use deepbrief_core::gaps::{
    FollowUpItem, GapReport, IsoDate, ProcessStatus as GapProcessStatus, follow_up_items,
};
use deepbrief_core::settings::Identity;
use deepbrief_core::{Checklist, Question, Text};
use deepbrief_store::{
    Comment, Contact, FollowUpBriefing, OpenedBrief, RevisionInfo, Store, StoreError,
};

use deepbrief_export::ics::CalendarEvent;
use deepbrief_export::kickoff::fields::planned_start;
use deepbrief_export::kickoff::input::{
    Approval, ArchivedAnswer, BriefMeta, BriefStatus, BriefSummary, ContactPerson, FollowUp, Gap,
    KickoffInput, PinnedChecklist, ProcessState, ProcessStatus, ReviewComment, SectionProgress,
};
use deepbrief_export::kickoff::{KickoffDocument, Lang};
use deepbrief_export::letter::{ClientLinkText, LetterInput, letter_items, reply_by};
use deepbrief_export::meeting::{Attendee, Meeting};

/// The brief's language for printing (Russian unless it is English).
pub fn brief_lang(opened: &OpenedBrief) -> Lang {
    Lang::parse(&opened.data.meta.language).unwrap_or(Lang::Ru)
}

/// The kickoff document of a stored brief. `report` is its gap analysis, `items` the open follow-up
/// items (agendas of planned briefings list only items still open), `reviews` the comments to print
/// (empty to leave them out), `approval` the record of the approved revision being printed (its
/// stamp goes on page one; without it, or for a brief not approved, every page says «черновик»).
/// The document's date is the day of the brief's last change, so the same brief always prints the
/// same bytes.
pub fn kickoff_document(
    opened: &OpenedBrief,
    report: &GapReport,
    followups: &[FollowUpBriefing],
    items: &[FollowUpItem],
    reviews: &[ReviewComment],
    approval: Option<&RevisionInfo>,
    lang: Lang,
) -> KickoffDocument {
    let data = &opened.data;
    let meta = BriefMeta {
        client: data.meta.client.clone(),
        project: data.meta.project.clone(),
        services: data.meta.services.clone(),
        account_manager: data.meta.account_manager.clone(),
        date: data.meta.updated_at.chars().take(10).collect(),
        status: match data.meta.status {
            deepbrief_store::BriefStatus::Draft => BriefStatus::Draft,
            deepbrief_store::BriefStatus::InReview => BriefStatus::InReview,
            deepbrief_store::BriefStatus::Returned => BriefStatus::Returned,
            deepbrief_store::BriefStatus::Approved => BriefStatus::Approved,
        },
        contacts: data.meta.contacts.iter().map(contact_person).collect(),
        approval: approval.map(|r| Approval {
            by: r.approved_by.clone(),
            date: r.approved_at.chars().take(10).collect(),
            revision: r.number,
            override_note: r.override_note.clone(),
        }),
    };
    let pinned: Vec<PinnedChecklist<'_>> = opened
        .checklists
        .iter()
        .map(|checklist| PinnedChecklist {
            checklist,
            hash: data
                .pins
                .iter()
                .find(|p| p.checklist == checklist.id && p.version == checklist.version)
                .map_or("", |p| p.hash.as_str()),
        })
        .collect();
    let summary = summary(report, followups, items);
    let archived: Vec<ArchivedAnswer> = data
        .archived
        .iter()
        .map(|a| ArchivedAnswer {
            checklist: a.checklist.clone(),
            version: a.version,
            question: archived_question(&a.question_id, &a.prompt, a.kind),
            entry: a.entry.clone(),
        })
        .collect();
    KickoffDocument::from_parts(KickoffInput {
        lang,
        meta: &meta,
        checklists: &pinned,
        entries: &data.entries,
        summary: &summary,
        archived: &archived,
        reviews,
    })
}

fn contact_person(c: &Contact) -> ContactPerson {
    ContactPerson {
        name: c.name.clone(),
        role: c.role.clone(),
        phone: c.phone.clone(),
        email: c.email.clone(),
        responsible: c.responsible,
    }
}

/// The gap report in the kickoff document's terms.
fn summary(
    report: &GapReport,
    followups: &[FollowUpBriefing],
    items: &[FollowUpItem],
) -> BriefSummary {
    BriefSummary {
        completeness: report.completeness.percent,
        sections: report
            .sections
            .iter()
            .map(|s| SectionProgress {
                section: s.section.clone(),
                answered: s.completeness.done,
                total: s.completeness.total,
            })
            .collect(),
        ready_for_kickoff: report.verdict.ready,
        processes: report
            .processes
            .iter()
            .filter_map(|p| {
                let status = match p.status {
                    GapProcessStatus::Documented => ProcessStatus::Documented,
                    GapProcessStatus::Described | GapProcessStatus::DescribedByNote => {
                        ProcessStatus::Described
                    }
                    GapProcessStatus::NotDescribed => ProcessStatus::NotDescribed,
                    GapProcessStatus::NotAsked => return None,
                };
                Some(ProcessState {
                    process: p.process.clone(),
                    status,
                })
            })
            .collect(),
        gaps: report
            .gaps
            .iter()
            .map(|g| Gap {
                severity: g.severity,
                code: g.code,
                key: g.key.clone(),
                due: g.due.clone(),
                subject: g.subject.clone(),
            })
            .collect(),
        follow_ups: followups
            .iter()
            .map(|f| FollowUp {
                title: Text::Plain(f.title.clone()),
                date: Some(f.start.chars().take(10).collect()),
                agenda: f
                    .items
                    .iter()
                    .filter_map(|key| items.iter().find(|i| i.is(key)))
                    .flat_map(|i| i.agenda.iter().cloned())
                    .collect(),
            })
            .collect(),
    }
}

/// An archived answer's question as the appendix prints it: its id, prompt and kind.
fn archived_question(id: &str, prompt: &Text, kind: deepbrief_core::Kind) -> Question {
    Question::new(id, prompt.clone(), Text::Plain(String::new()), kind)
}

/// What signs a letter under the account manager's name: the agency and how the client reaches
/// the account manager (either may be empty).
#[derive(Debug, Clone, Copy, Default)]
pub struct Signature<'a> {
    /// The agency's name.
    pub agency: &'a str,
    /// A phone, an address.
    pub contact: &'a str,
}

impl<'a> Signature<'a> {
    /// The agency and contact given (`--agency`, `--contact`), else those of the person at this
    /// machine.
    pub fn of(
        identity: Option<&'a Identity>,
        agency: Option<&'a str>,
        contact: Option<&'a str>,
    ) -> Signature<'a> {
        Signature {
            agency: agency.or(identity.map(|i| i.agency.as_str())).unwrap_or(""),
            contact: contact
                .or(identity.map(|i| i.contact.as_str()))
                .unwrap_or(""),
        }
    }
}

/// The letter to the client about a stored brief for `today`: about the follow-up briefing
/// `followup` (its items still open), or about every open item; with the client's link to answer
/// online when one is live (the follow-up's, else the brief's newest).
pub fn stored_letter(
    store: &Store,
    brief_id: &str,
    followup: Option<&str>,
    signature: &Signature<'_>,
    today: IsoDate,
) -> Result<LetterInput, StoreError> {
    let (opened, report) = crate::brief::analyzed(store, brief_id, today)?;
    let briefing = followup.map(|id| store.followup(id)).transpose()?;
    let mut input = letter_input(
        &opened,
        &follow_up_items(&report),
        briefing.as_ref(),
        signature,
        today,
    );
    input.link = store
        .live_client_link(brief_id, followup, today)?
        .map(|l| ClientLinkText {
            url: l.url,
            expires_on: l.expires_on,
        });
    Ok(input)
}

/// The calendar event of a stored follow-up briefing (its agenda: the covered items still open on
/// `today`), stamped `dtstamp`; with the briefing.
pub fn stored_calendar_event(
    store: &Store,
    followup: &str,
    today: IsoDate,
    dtstamp: &str,
) -> Result<(FollowUpBriefing, CalendarEvent), StoreError> {
    let briefing = store.followup(followup)?;
    let (opened, report) = crate::brief::analyzed(store, &briefing.brief_id, today)?;
    let event = calendar_event(&opened, &briefing, &follow_up_items(&report), dtstamp);
    Ok((briefing, event))
}

/// The letter's input: addressed to the responsible contact, signed by the AM, listing `items`
/// (only those the briefing covers, when one is given) most important first, proposing the briefing,
/// and asking for the answers by [`deepbrief_export::letter::reply_by`] of `today`.
pub fn letter_input(
    opened: &OpenedBrief,
    items: &[FollowUpItem],
    briefing: Option<&FollowUpBriefing>,
    signature: &Signature<'_>,
    today: IsoDate,
) -> LetterInput {
    let meta = &opened.data.meta;
    let lang = brief_lang(opened);
    let checklists: Vec<&Checklist> = opened.checklists.iter().collect();
    let chosen: Vec<FollowUpItem> = match briefing {
        Some(b) => b
            .items
            .iter()
            .filter_map(|key| items.iter().find(|i| i.is(key)).cloned())
            .collect(),
        None => items.to_vec(),
    };
    let contact = meta
        .contacts
        .iter()
        .find(|c| c.responsible)
        .or_else(|| meta.contacts.first());
    let meeting = briefing.map(meeting);
    LetterInput {
        language: lang,
        client: meta.client.clone(),
        project: meta.project.clone(),
        contact_name: contact.map(|c| c.name.clone()).unwrap_or_default(),
        am_name: meta.account_manager.clone(),
        agency: signature.agency.trim().to_owned(),
        am_contact: Some(signature.contact.trim())
            .filter(|c| !c.is_empty())
            .map(str::to_owned),
        items: letter_items(&chosen, &checklists, &opened.data.entries, lang),
        date: Some(today.to_string()),
        reply_by: reply_by(today, meeting.as_ref()).map(|d| d.to_string()),
        start: planned_start(&checklists, &opened.data.entries),
        briefing: meeting,
        link: None,
    }
}

/// The briefing as the letter and the calendar see it.
pub fn meeting(b: &FollowUpBriefing) -> Meeting {
    Meeting {
        start: b.start.clone(),
        duration_minutes: b.duration_minutes,
        timezone: b.timezone.clone(),
        utc_offset_minutes: utc_offset_minutes(b.timezone.as_deref(), &b.start),
        attendees: b
            .attendees
            .iter()
            .map(|c| Attendee {
                name: c.name.clone(),
                role: Some(c.role.clone()).filter(|r| !r.trim().is_empty()),
                email: Some(c.email.clone()).filter(|e| !e.trim().is_empty()),
            })
            .collect(),
        location: b.location.clone(),
    }
}

/// The zone's offset from UTC at `start`, in minutes; 0 when the zone is unknown on this system.
fn utc_offset_minutes(timezone: Option<&str>, start: &str) -> i32 {
    let Some(name) = timezone else { return 0 };
    let Ok(tz) = jiff::tz::TimeZone::get(name) else {
        return 0;
    };
    let Ok(civil) = start.parse::<jiff::civil::DateTime>() else {
        return 0;
    };
    civil
        .to_zoned(tz)
        .map(|z| z.offset().seconds() / 60)
        .unwrap_or(0)
}

/// The calendar event of a planned briefing: its agenda is the covered items' questions, in
/// checklist order. `dtstamp` is when the file is made (UTC `YYYY-MM-DDTHH:MM:SS`).
pub fn calendar_event(
    opened: &OpenedBrief,
    briefing: &FollowUpBriefing,
    items: &[FollowUpItem],
    dtstamp: &str,
) -> CalendarEvent {
    let meta = &opened.data.meta;
    let lang = brief_lang(opened);
    let mut chosen: Vec<&FollowUpItem> = briefing
        .items
        .iter()
        .filter_map(|key| items.iter().find(|i| i.is(key)))
        .collect();
    chosen.sort_by_key(|i| i.order);
    let agenda = chosen
        .iter()
        .flat_map(|i| i.agenda.iter().map(|t| t.get(lang.code()).to_owned()))
        .collect();
    let intro = if lang == Lang::En {
        format!(
            "Follow-up briefing: {} — {}. What is still missing from the brief:",
            meta.client, meta.project
        )
    } else {
        format!(
            "Уточняющая встреча: {} — {}. Что ещё нужно уточнить:",
            meta.client, meta.project
        )
    };
    CalendarEvent {
        uid: format!("followup-{}@deepbrief", briefing.id),
        dtstamp: dtstamp.to_owned(),
        summary: briefing.title.clone(),
        intro,
        agenda,
        meeting: meeting(briefing),
        organizer: Some(Attendee {
            name: meta.account_manager.clone(),
            role: None,
            email: None,
        }),
    }
}

/// The lead's comments as the kickoff document prints them.
pub fn review_comments(comments: &[Comment]) -> Vec<ReviewComment> {
    comments
        .iter()
        .map(|c| ReviewComment {
            author: c.author.clone(),
            date: c.at.chars().take(10).collect(),
            question: c.target.question.clone(),
            text: match &c.resolved {
                Some(r) if !r.note.is_empty() => format!("{} — {}: {}", c.text, r.by, r.note),
                _ => c.text.clone(),
            },
        })
        .collect()
}

/// The kickoff document of a stored brief as it is now, or of one of its approved revisions exactly
/// as approved (`revision`), with that revision's comments; in the brief's language unless `lang`.
pub fn stored_kickoff(
    store: &Store,
    brief_id: &str,
    revision: Option<u32>,
    lang: Option<Lang>,
    today: IsoDate,
) -> Result<KickoffDocument, StoreError> {
    let opened = match revision {
        Some(n) => store.revision(brief_id, n)?,
        None => store.opened(brief_id)?,
    };
    let report = crate::brief::analysis(&opened, today);
    let followups = store.followups(brief_id)?;
    let items = follow_up_items(&report);
    let number = opened.data.meta.revision;
    let comments: Vec<Comment> = store
        .comments(brief_id)?
        .into_iter()
        .filter(|c| c.revision == number)
        .collect();
    let lang = lang.unwrap_or_else(|| brief_lang(&opened));
    let approval = store
        .revisions(brief_id)?
        .into_iter()
        .find(|r| r.number == number);
    Ok(kickoff_document(
        &opened,
        &report,
        &followups,
        &items,
        &review_comments(&comments),
        approval.as_ref(),
        lang,
    ))
}
