//! The team server's HTTP API, from a desktop: one blocking call per endpoint of
//! [`deepbrief_wire`]. Plain `http://` is refused except to this computer (TLS belongs to a reverse
//! proxy in front of the server, `docs/team-server.md`): a password or a token never crosses a
//! network unencrypted.

use std::time::Duration;

use deepbrief_wire as wire;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::TeamError;

/// How long one request may take before the server counts as unreachable.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A connection to one team server, with or without a device token.
#[derive(Debug, Clone)]
pub struct Client {
    base: String,
    token: Option<String>,
    agent: ureq::Agent,
}

/// The server's base URL, checked: `https://…`, or `http://` to this computer only; no trailing `/`.
pub fn checked_url(url: &str) -> Result<String, TeamError> {
    let url = url.trim().trim_end_matches('/');
    let (scheme, rest) = url.split_once("://").ok_or_else(|| {
        TeamError::BadUrl(format!(
            "`{url}` is not a server address; write it as https://server.example"
        ))
    })?;
    let host_port = rest.split('/').next().unwrap_or_default();
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    if host.is_empty() {
        return Err(TeamError::BadUrl(format!("`{url}` names no server")));
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(url.to_owned()),
        "http" if is_this_computer(host) => Ok(url.to_owned()),
        "http" => Err(TeamError::PlainHttp(url.to_owned())),
        other => Err(TeamError::BadUrl(format!(
            "`{other}://` is not a team-server address; use https://"
        ))),
    }
}

fn is_this_computer(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Client {
    /// A client of the server at `url` (checked by [`checked_url`]), signed in with `token` if any.
    pub fn new(url: &str, token: Option<String>) -> Result<Client, TeamError> {
        let base = checked_url(url)?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .user_agent(concat!("deepbrief/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Client { base, token, agent })
    }

    /// The server's base URL.
    pub fn url(&self) -> &str {
        &self.base
    }

    fn offline(&self, e: &ureq::Error) -> TeamError {
        TeamError::Offline {
            url: self.base.clone(),
            reason: e.to_string(),
        }
    }

    fn finish<T: DeserializeOwned>(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<T, TeamError> {
        let mut response = result.map_err(|e| self.offline(&e))?;
        let status = response.status().as_u16();
        let limit = (wire::MAX_BODY_BYTES as u64) * 2;
        if (200..300).contains(&status) {
            if status == 204 {
                return serde_json::from_str("null").map_err(|e| self.protocol(e.to_string()));
            }
            return response
                .body_mut()
                .with_config()
                .limit(limit)
                .read_json::<T>()
                .map_err(|e| self.protocol(e.to_string()));
        }
        let text = response
            .body_mut()
            .with_config()
            .limit(1024 * 1024)
            .read_to_string()
            .unwrap_or_default();
        let error: wire::ApiError = serde_json::from_str(&text).unwrap_or(wire::ApiError {
            code: "unknown".to_owned(),
            message: if text.trim().is_empty() {
                format!("HTTP {status} without a message (is this a Deepbrief server?)")
            } else {
                text.chars().take(300).collect()
            },
            seq: None,
        });
        if status == 401 {
            return Err(TeamError::Unauthorized {
                message: error.message,
            });
        }
        Err(TeamError::Refused {
            status,
            code: error.code,
            message: error.message,
            seq: error.seq,
        })
    }

    fn protocol(&self, detail: String) -> TeamError {
        TeamError::Protocol {
            url: self.base.clone(),
            detail,
        }
    }

    fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, TeamError> {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(token) = &self.token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        self.finish(request.call())
    }

    fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, TeamError> {
        let mut request = self.agent.post(format!("{}{path}", self.base));
        if let Some(token) = &self.token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        self.finish(request.send_json(body))
    }

    /// Is the server up?
    pub fn health(&self) -> Result<wire::Health, TeamError> {
        self.get(wire::HEALTH)
    }

    /// Signs in: a new device token, shown once.
    pub fn login(&self, request: &wire::LoginRequest) -> Result<wire::LoginResponse, TeamError> {
        self.post(wire::LOGIN, request)
    }

    /// Revokes this device's token.
    pub fn logout(&self) -> Result<(), TeamError> {
        let _: Option<serde_json::Value> = self.post(wire::LOGOUT, &serde_json::json!({}))?;
        Ok(())
    }

    /// Who this token is.
    pub fn me(&self) -> Result<wire::Me, TeamError> {
        self.get(wire::ME)
    }

    /// Appends records to this database's stream.
    pub fn push(&self, request: &wire::PushRequest) -> Result<wire::PushResponse, TeamError> {
        self.post(wire::PUSH, request)
    }

    /// Records of other streams after the cursors.
    pub fn pull(&self, request: &wire::PullRequest) -> Result<wire::PullResponse, TeamError> {
        self.post(wire::PULL, request)
    }

    /// Every brief this user may read.
    pub fn board(&self) -> Result<wire::Board, TeamError> {
        self.get(wire::BOARD)
    }

    /// Makes a client link; the token is in the answer once.
    pub fn create_link(
        &self,
        request: &wire::client::CreateLinkRequest,
    ) -> Result<wire::client::CreatedLink, TeamError> {
        self.post(wire::client::LINKS, request)
    }

    /// A link's expiry, revocation and the client's submissions.
    pub fn link_status(&self, link_id: &str) -> Result<wire::client::LinkStatus, TeamError> {
        self.get(&format!("{}/{}", wire::client::LINKS, segment(link_id)))
    }

    /// Revokes a link: its page stops working at once.
    pub fn revoke_link(&self, link_id: &str) -> Result<(), TeamError> {
        let _: Option<serde_json::Value> = self.post(
            &format!(
                "{}/{}{}",
                wire::client::LINKS,
                segment(link_id),
                wire::client::REVOKE_SUFFIX
            ),
            &serde_json::json!({}),
        )?;
        Ok(())
    }

    /// The bytes of a file the client attached through a link (at most
    /// [`wire::client::MAX_FILE_BYTES`]).
    pub fn link_file(&self, link_id: &str, file_id: &str) -> Result<Vec<u8>, TeamError> {
        let path = format!(
            "{}/{}{}/{}",
            wire::client::LINKS,
            segment(link_id),
            wire::client::FILES_SUFFIX,
            segment(file_id)
        );
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(token) = &self.token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        let mut response = request.call().map_err(|e| self.offline(&e))?;
        if !(200..300).contains(&response.status().as_u16()) {
            // The error body through the usual path (a 401 reads "sign in again").
            let _: serde_json::Value = self.finish(Ok(response))?;
            return Err(self.protocol("a file download answered without the file".to_owned()));
        }
        response
            .body_mut()
            .with_config()
            .limit(wire::client::MAX_FILE_BYTES as u64 + 1)
            .read_to_vec()
            .map_err(|e| self.protocol(e.to_string()))
    }

    /// Publishes a checklist version to the team.
    pub fn publish(
        &self,
        request: &wire::PublishRequest,
    ) -> Result<wire::PublishResponse, TeamError> {
        self.post(wire::CHECKLISTS, request)
    }
}

/// An id as one path segment: only the characters ids are made of pass, the rest are
/// percent-encoded (an id never reaches another path of the server).
fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_this_computer() {
        assert!(checked_url("https://brief.agency.ru/").is_ok());
        assert_eq!(
            checked_url("https://brief.agency.ru/").ok().as_deref(),
            Some("https://brief.agency.ru")
        );
        for local in [
            "http://localhost:8470",
            "http://127.0.0.1:8470",
            "http://[::1]:8470",
        ] {
            assert!(checked_url(local).is_ok(), "{local}");
        }
        for refused in [
            "http://brief.agency.ru",
            "http://10.0.0.5:8470",
            "http://localhost.evil.ru",
            "ftp://x",
            "brief.agency.ru",
            "https://",
        ] {
            assert!(checked_url(refused).is_err(), "{refused}");
        }
    }
}
