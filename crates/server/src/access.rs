//! Who may read and write which brief: the one place every route asks.
//!
//! - Nothing crosses teams.
//! - An AM reads and writes the briefs they own (pushed first) and those shared with them.
//! - A lead or an admin reads and writes every brief of their team.
//! - The owner, a lead or an admin may share a brief with a user of the same team.
//!
//! A brief the caller may not read is answered as unknown (404) on reads and shares, and as "you
//! may not write brief X" (403) on a push.

use deepbrief_wire::Role;
use tokio_postgres::GenericClient;

use crate::auth::Caller;

/// What decides access to one stored brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BriefFacts {
    /// The team it belongs to.
    pub team_id: i64,
    /// The user who first pushed it.
    pub owner_id: i64,
    /// Whether it is shared with the caller.
    pub shared_with_caller: bool,
}

/// Whether the caller may read the brief.
pub fn may_read(caller: &Caller, brief: &BriefFacts) -> bool {
    brief.team_id == caller.team_id
        && (caller.role.leads() || brief.owner_id == caller.user_id || brief.shared_with_caller)
}

/// Whether the caller may write the brief: a brief not on the server yet (`None`) is theirs to
/// create; a stored one, when they may read it.
pub fn may_write(caller: &Caller, brief: Option<&BriefFacts>) -> bool {
    brief.is_none_or(|b| may_read(caller, b))
}

/// Whether the caller may approve a brief for kickoff (push a record that adds an approval).
pub fn may_approve(caller: &Caller) -> bool {
    caller.role.leads()
}

/// Whether the caller may share the brief: its owner, or a lead or admin of its team.
pub fn may_share(caller: &Caller, brief: &BriefFacts) -> bool {
    may_read(caller, brief) && (caller.role.leads() || brief.owner_id == caller.user_id)
}

/// Whether the caller may publish checklists.
pub fn may_publish(caller: &Caller) -> bool {
    caller.role.leads()
}

/// Whether the caller may invite someone with `role`: leads and admins invite AMs, only an admin
/// invites a lead or an admin.
pub fn may_invite(caller: &Caller, role: Role) -> bool {
    match role {
        Role::Am => caller.role.leads(),
        Role::Lead | Role::Admin => caller.role == Role::Admin,
    }
}

/// The SQL expression (over `brief b`, the caller's id as `$user`) telling whether the brief is
/// shared with the caller; queries select it next to `b.team_id` and `b.owner_id`.
pub fn shared_sql(user_param: usize) -> String {
    format!(
        "EXISTS (SELECT 1 FROM brief_share s WHERE s.brief_id = b.id AND s.user_id = ${user_param})"
    )
}

/// The facts of a stored brief (`None` when no brief has that id); `lock` takes its row for the
/// rest of the transaction.
pub async fn brief_facts<C: GenericClient>(
    db: &C,
    caller: &Caller,
    brief_id: &str,
    lock: bool,
) -> Result<Option<BriefFacts>, tokio_postgres::Error> {
    let sql = format!(
        "SELECT b.team_id, b.owner_id, {} FROM brief b WHERE b.id = $1{}",
        shared_sql(2),
        if lock { " FOR UPDATE OF b" } else { "" }
    );
    let row = db.query_opt(&sql, &[&brief_id, &caller.user_id]).await?;
    Ok(row.map(|r| BriefFacts {
        team_id: r.get(0),
        owner_id: r.get(1),
        shared_with_caller: r.get(2),
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn caller(user_id: i64, team_id: i64, role: Role) -> Caller {
        Caller {
            user_id,
            user_name: format!("u{user_id}"),
            role,
            team_id,
            team_name: format!("t{team_id}"),
            device_id: uuid::Uuid::nil(),
            device_name: "d".to_owned(),
        }
    }

    fn brief(team_id: i64, owner_id: i64, shared: bool) -> BriefFacts {
        BriefFacts {
            team_id,
            owner_id,
            shared_with_caller: shared,
        }
    }

    #[test]
    fn an_am_reads_and_writes_own_and_shared_briefs_only() {
        let anna = caller(1, 1, Role::Am);
        assert!(may_read(&anna, &brief(1, 1, false)));
        assert!(may_read(&anna, &brief(1, 2, true)));
        assert!(!may_read(&anna, &brief(1, 2, false)));
        assert!(may_write(&anna, None));
        assert!(!may_write(&anna, Some(&brief(1, 2, false))));
        assert!(may_share(&anna, &brief(1, 1, false)));
        assert!(!may_share(&anna, &brief(1, 2, true)), "shared is not owned");
        assert!(!may_publish(&anna));
        assert!(!may_invite(&anna, Role::Am));
    }

    #[test]
    fn leads_read_their_team_only() {
        for role in [Role::Lead, Role::Admin] {
            let lead = caller(3, 1, role);
            assert!(may_read(&lead, &brief(1, 2, false)));
            assert!(may_share(&lead, &brief(1, 2, false)));
            assert!(!may_read(&lead, &brief(2, 3, true)), "never across teams");
            assert!(!may_write(&lead, Some(&brief(2, 3, false))));
            assert!(may_publish(&lead));
            assert!(may_invite(&lead, Role::Am));
            assert_eq!(may_invite(&lead, Role::Lead), role == Role::Admin);
            assert_eq!(may_invite(&lead, Role::Admin), role == Role::Admin);
        }
    }
}
