//! The review workflow: draft → in review → returned → approved for kickoff, and the rules of every
//! step. Pure: the store records the steps; this module only says which are allowed and why not.
//!
//! | from | action | to | rule |
//! | --- | --- | --- | --- |
//! | draft, returned | submit (AM) | in review | — |
//! | in review | return (lead) | returned | at least one open comment |
//! | in review | approve (lead) | approved | ready for kickoff, or an override note |
//! | approved | edit (anyone) | draft, next revision | the approved revision stays frozen |
//!
//! Everything else is refused with the reason.

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
    /// Someone changes an approved brief: a new revision starts.
    Edit,
}

impl Action<'_> {
    /// The action's snake_case name.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Return { .. } => "return",
            Action::Approve { .. } => "approve",
            Action::Edit => "edit",
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
        (BriefStatus::Approved, Action::Edit) => Ok(Step {
            to: BriefStatus::Draft,
            freezes: false,
            new_revision: true,
            overridden: false,
        }),
        (status, Action::Edit) => Ok(plain(status)),
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
    fn editing_an_approved_brief_starts_a_new_draft_revision() {
        let s = step(Approved, &Action::Edit).unwrap();
        assert_eq!(s.to, Draft);
        assert!(s.new_revision && !s.freezes);
        for from in [Draft, InReview, Returned] {
            let s = step(from, &Action::Edit).unwrap();
            assert_eq!(s.to, from, "editing keeps {from:?}");
            assert!(!s.new_revision);
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
