//! The review workflow: draft → in review → returned → approved for kickoff, and the rules of every
//! step. Pure: the store records the steps; this module only says which are allowed and why not.
//!
//! | from | action | to | rule |
//! | --- | --- | --- | --- |
//! | draft, returned | submit (AM) | in review | — |
//! | in review | return (lead) | returned | at least one open comment |
//! | in review | approve (lead) | approved | ready for kickoff, or an override note |
//! | approved | reopen (anyone) | draft, next revision | «Изменить — новая редакция»; the approved revision stays frozen |
//! | in review | reopen (anyone) | draft, same revision | the AM takes the brief back from the lead |
//! | draft, returned | edit (anyone) | unchanged | — |
//! | in review | edit (lead) | unchanged | the lead may correct what they review |
//!
//! Everything else is refused with the reason. In particular an edit of an approved brief is
//! refused: one keystroke must never cancel an approval, so a new revision is opened on purpose
//! (reopen) first. A brief in review is read-only for the AM ([`read_only`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::gaps::Verdict;

/// Where a brief is in the review workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BriefStatus {
    /// The AM is still interviewing.
    Draft,
    /// Handed to the lead.
    InReview,
    /// The lead sent it back with comments.
    Returned,
    /// Approved for kickoff.
    Approved,
}

impl BriefStatus {
    /// The snake_case name (as stored and serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            BriefStatus::Draft => "draft",
            BriefStatus::InReview => "in_review",
            BriefStatus::Returned => "returned",
            BriefStatus::Approved => "approved",
        }
    }

    /// Parses a snake_case name.
    pub fn parse(text: &str) -> Option<BriefStatus> {
        Some(match text {
            "draft" => BriefStatus::Draft,
            "in_review" => BriefStatus::InReview,
            "returned" => BriefStatus::Returned,
            "approved" => BriefStatus::Approved,
            _ => return None,
        })
    }
}

/// A step someone asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action<'a> {
    /// The AM hands the brief to the lead.
    Submit,
    /// The lead sends it back; `open_comments` is how many unresolved comments the brief has.
    Return {
        /// Unresolved comments on the brief.
        open_comments: usize,
    },
    /// The lead approves it for kickoff.
    Approve {
        /// The brief's ready-for-kickoff verdict now.
        verdict: &'a Verdict,
        /// An explicit reason to approve anyway (recorded in the history).
        override_note: Option<&'a str>,
    },
    /// Someone changes the brief's answers or header.
    Edit {
        /// Who edits, when known (the store does not know roles: it passes `None`, which only
        /// the approval lock applies to).
        role: Option<Role>,
    },
    /// Someone opens the brief for changes on purpose: a new revision of an approved brief, or
    /// the AM taking a brief back from review.
    Reopen,
}

/// The acting person's role in the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    /// Account manager: interviews clients, submits briefs.
    Am,
    /// Agency lead: reviews, returns and approves briefs.
    Lead,
}

impl Role {
    /// The snake_case name (as stored in settings).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Am => "am",
            Role::Lead => "lead",
        }
    }

    /// Parses a snake_case name.
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "am" => Some(Role::Am),
            "lead" => Some(Role::Lead),
            _ => None,
        }
    }
}

/// Whether a brief in `status` is read-only for someone in `role`: approved briefs for everyone,
/// briefs in review for the AM. Such a brief changes only after [`Action::Reopen`].
pub fn read_only(status: BriefStatus, role: Role) -> bool {
    step(status, &Action::Edit { role: Some(role) }).is_err()
}

impl Action<'_> {
    /// The action's snake_case name.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Return { .. } => "return",
            Action::Approve { .. } => "approve",
            Action::Edit { .. } => "edit",
            Action::Reopen => "reopen",
        }
    }
}

/// Why a step is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    /// The step does not start from this status.
    #[error("cannot {action} a brief that is {from}: {hint}", from = status_words(*.from))]
    WrongStatus {
        /// The brief's status.
        from: BriefStatus,
        /// The action's name.
        action: &'static str,
        /// What to do instead.
        hint: &'static str,
    },
    /// "Return" needs a comment that says what to fix.
    #[error("cannot return the brief without a comment: comment on a question or a section first")]
    NoComment,
    /// The brief is not ready for kickoff and no override note was given.
    #[error(
        "cannot approve: the brief is not ready for kickoff ({}); answer the gaps, or approve with an override note",
        reasons.join(", ")
    )]
    NotReady {
        /// The verdict's reason codes, in order.
        reasons: Vec<String>,
    },
}

fn status_words(status: BriefStatus) -> &'static str {
    match status {
        BriefStatus::Draft => "a draft",
        BriefStatus::InReview => "in review",
        BriefStatus::Returned => "returned",
        BriefStatus::Approved => "approved",
    }
}

/// What a step does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The status after it.
    pub to: BriefStatus,
    /// Whether it freezes the current revision (approval).
    pub freezes: bool,
    /// Whether it starts a new revision (an edit of an approved brief).
    pub new_revision: bool,
    /// Whether it approves despite a "not ready" verdict (the note must be recorded).
    pub overridden: bool,
}

/// Whether `action` may be taken on a brief in status `from`, and what it leads to.
pub fn step(from: BriefStatus, action: &Action<'_>) -> Result<Step, Refusal> {
    let plain = |to| Step {
        to,
        freezes: false,
        new_revision: false,
        overridden: false,
    };
    let wrong = |hint| Refusal::WrongStatus {
        from,
        action: action.name(),
        hint,
    };
    match (from, action) {
        (BriefStatus::Draft | BriefStatus::Returned, Action::Submit) => {
            Ok(plain(BriefStatus::InReview))
        }
        (BriefStatus::InReview, Action::Submit) => Err(wrong("it is already with the lead")),
        (BriefStatus::Approved, Action::Submit) => {
            Err(wrong("it is approved; an edit starts a new revision"))
        }
        (BriefStatus::InReview, Action::Return { open_comments }) => {
            if *open_comments == 0 {
                Err(Refusal::NoComment)
            } else {
                Ok(plain(BriefStatus::Returned))
            }
        }
        (_, Action::Return { .. }) => Err(wrong("only a brief in review can be returned")),
        (
            BriefStatus::InReview,
            Action::Approve {
                verdict,
                override_note,
            },
        ) => {
            let note = override_note.map(str::trim).filter(|n| !n.is_empty());
            if !verdict.ready && note.is_none() {
                return Err(Refusal::NotReady {
                    reasons: verdict
                        .reasons
                        .iter()
                        .map(|r| crate::gaps::reason_name(r.code).to_owned())
                        .collect(),
                });
            }
            Ok(Step {
                to: BriefStatus::Approved,
                freezes: true,
                new_revision: false,
                overridden: !verdict.ready,
            })
        }
        (BriefStatus::Approved, Action::Approve { .. }) => Err(wrong("it is already approved")),
        (_, Action::Approve { .. }) => Err(wrong(
            "submit it for review first; the lead approves from review",
        )),
        (BriefStatus::Approved, Action::Edit { .. }) => Err(wrong(
            "it is approved and read-only; open a new revision first (\"Edit — new revision\", \
             or `deepbrief review reopen BRIEF`)",
        )),
        (
            BriefStatus::InReview,
            Action::Edit {
                role: Some(Role::Am),
            },
        ) => Err(wrong(
            "it is with the lead for review; take it back first (\"Edit — new revision\", \
             or `deepbrief review reopen BRIEF`)",
        )),
        (
            status @ (BriefStatus::Draft | BriefStatus::Returned | BriefStatus::InReview),
            Action::Edit { .. },
        ) => Ok(plain(status)),
        (BriefStatus::Approved, Action::Reopen) => Ok(Step {
            to: BriefStatus::Draft,
            freezes: false,
            new_revision: true,
            overridden: false,
        }),
        (BriefStatus::InReview, Action::Reopen) => Ok(plain(BriefStatus::Draft)),
        (BriefStatus::Draft | BriefStatus::Returned, Action::Reopen) => {
            Err(wrong("it can be edited already"))
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;
    use crate::gaps::{Reason, ReasonCode};

    use BriefStatus::{Approved, Draft, InReview, Returned};

    const ALL: [BriefStatus; 4] = [Draft, InReview, Returned, Approved];

    fn ready() -> Verdict {
        Verdict {
            ready: true,
            reasons: Vec::new(),
        }
    }

    fn not_ready() -> Verdict {
        Verdict {
            ready: false,
            reasons: vec![
                Reason {
                    code: ReasonCode::RequiredAnswers,
                    keys: vec!["answer:goal".into()],
                },
                Reason {
                    code: ReasonCode::ProcessesNotDescribed,
                    keys: vec!["process:core:sales".into()],
                },
            ],
        }
    }

    #[test]
    fn submit_from_draft_and_returned_only() {
        for from in ALL {
            let result = step(from, &Action::Submit);
            match from {
                Draft | Returned => assert_eq!(result.unwrap().to, InReview),
                InReview | Approved => {
                    let err = result.unwrap_err();
                    assert!(
                        matches!(err, Refusal::WrongStatus { .. }),
                        "{from:?}: {err}"
                    );
                }
            }
        }
    }

    #[test]
    fn return_needs_review_and_a_comment() {
        for from in ALL {
            let with_comment = step(from, &Action::Return { open_comments: 2 });
            if from == InReview {
                assert_eq!(with_comment.unwrap().to, Returned);
            } else {
                assert!(matches!(
                    with_comment.unwrap_err(),
                    Refusal::WrongStatus { .. }
                ));
            }
        }
        let err = step(InReview, &Action::Return { open_comments: 0 }).unwrap_err();
        assert_eq!(err, Refusal::NoComment);
        assert!(err.to_string().contains("comment on a question"), "{err}");
    }

    #[test]
    fn approve_from_review_when_ready() {
        let verdict = ready();
        for from in ALL {
            let result = step(
                from,
                &Action::Approve {
                    verdict: &verdict,
                    override_note: None,
                },
            );
            if from == InReview {
                let s = result.unwrap();
                assert_eq!(s.to, Approved);
                assert!(s.freezes && !s.overridden && !s.new_revision);
            } else {
                assert!(matches!(result.unwrap_err(), Refusal::WrongStatus { .. }));
            }
        }
    }

    #[test]
    fn approve_when_not_ready_is_refused_with_the_reasons() {
        let verdict = not_ready();
        for note in [None, Some(""), Some("   ")] {
            let err = step(
                InReview,
                &Action::Approve {
                    verdict: &verdict,
                    override_note: note,
                },
            )
            .unwrap_err();
            assert_eq!(
                err,
                Refusal::NotReady {
                    reasons: vec!["required_answers".into(), "processes_not_described".into()]
                }
            );
            assert!(err.to_string().contains("override note"), "{err}");
        }
    }

    #[test]
    fn approve_with_an_override_note_is_recorded_as_overridden() {
        let verdict = not_ready();
        let s = step(
            InReview,
            &Action::Approve {
                verdict: &verdict,
                override_note: Some("Client signs the contract today; gaps go to week one"),
            },
        )
        .unwrap();
        assert_eq!(s.to, Approved);
        assert!(s.freezes && s.overridden);
    }

    #[test]
    fn an_approved_brief_refuses_edits_until_reopened() {
        for role in [None, Some(Role::Am), Some(Role::Lead)] {
            let err = step(Approved, &Action::Edit { role }).unwrap_err();
            assert!(matches!(err, Refusal::WrongStatus { .. }), "{err}");
            assert!(err.to_string().contains("review reopen"), "{err}");
        }
        let s = step(Approved, &Action::Reopen).unwrap();
        assert_eq!(s.to, Draft);
        assert!(s.new_revision && !s.freezes);
    }

    #[test]
    fn a_brief_in_review_is_read_only_for_the_am_only() {
        assert!(
            step(
                InReview,
                &Action::Edit {
                    role: Some(Role::Am)
                }
            )
            .is_err()
        );
        assert_eq!(
            step(
                InReview,
                &Action::Edit {
                    role: Some(Role::Lead)
                }
            )
            .unwrap()
            .to,
            InReview
        );
        let back = step(InReview, &Action::Reopen).unwrap();
        assert_eq!(back.to, Draft);
        assert!(!back.new_revision, "taking a brief back keeps its revision");
    }

    #[test]
    fn drafts_are_edited_in_place_and_need_no_reopening() {
        for from in [Draft, Returned] {
            for role in [None, Some(Role::Am), Some(Role::Lead)] {
                let s = step(from, &Action::Edit { role }).unwrap();
                assert_eq!(s.to, from, "editing keeps {from:?}");
                assert!(!s.new_revision);
            }
            assert!(matches!(
                step(from, &Action::Reopen).unwrap_err(),
                Refusal::WrongStatus { .. }
            ));
        }
    }

    #[test]
    fn read_only_follows_status_and_role() {
        let table = [
            (Draft, Role::Am, false),
            (Draft, Role::Lead, false),
            (Returned, Role::Am, false),
            (InReview, Role::Am, true),
            (InReview, Role::Lead, false),
            (Approved, Role::Am, true),
            (Approved, Role::Lead, true),
        ];
        for (status, role, expected) in table {
            assert_eq!(read_only(status, role), expected, "{status:?} {role:?}");
        }
        for role in [Role::Am, Role::Lead] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }

    #[test]
    fn statuses_round_trip_their_names() {
        for s in ALL {
            assert_eq!(BriefStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(BriefStatus::parse("done"), None);
    }
}
