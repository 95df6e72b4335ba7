//! Where the database is: `--database-url`, else `DATABASE_URL`, else the libpq variables
//! (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`) that `pg_virtualenv` exports.

use std::str::FromStr;

use tokio_postgres::Config;

/// Why no database could be named.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The URL given does not parse.
    #[error(
        "the database URL does not parse ({0}); write it as postgres://user:password@host:port/database"
    )]
    BadUrl(String),
    /// Nothing names a database.
    #[error("no database named: pass --database-url, or set DATABASE_URL or PGHOST")]
    Missing,
    /// `PGPORT` is not a port.
    #[error("PGPORT is not a port number: {0}")]
    BadPort(String),
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The connection settings: the URL given, else `DATABASE_URL`, else the libpq variables.
pub fn database(url: Option<&str>) -> Result<Config, ConfigError> {
    if let Some(url) = url.map(str::to_owned).or_else(|| env("DATABASE_URL")) {
        return Config::from_str(&url).map_err(|e| ConfigError::BadUrl(e.to_string()));
    }
    let Some(host) = env("PGHOST") else {
        return Err(ConfigError::Missing);
    };
    from_libpq(
        &host,
        env("PGPORT").as_deref(),
        env("PGUSER").or_else(|| env("USER")).as_deref(),
        env("PGPASSWORD").as_deref(),
        env("PGDATABASE").as_deref(),
    )
}

/// Settings from libpq's variables; a `host` starting with `/` is a socket directory.
pub fn from_libpq(
    host: &str,
    port: Option<&str>,
    user: Option<&str>,
    password: Option<&str>,
    dbname: Option<&str>,
) -> Result<Config, ConfigError> {
    let mut config = Config::new();
    for h in host.split(',') {
        if h.starts_with('/') {
            config.host_path(h);
        } else {
            config.host(h);
        }
    }
    if let Some(port) = port {
        let port = port
            .parse::<u16>()
            .map_err(|_| ConfigError::BadPort(port.to_owned()))?;
        config.port(port);
    }
    if let Some(user) = user {
        config.user(user);
        config.dbname(dbname.unwrap_or(user));
    } else if let Some(dbname) = dbname {
        config.dbname(dbname);
    }
    if let Some(password) = password {
        config.password(password);
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use tokio_postgres::config::Host;

    use super::*;

    #[test]
    fn a_socket_directory_is_a_host_path_and_the_user_names_the_database() {
        let c = from_libpq("/tmp/pg", Some("5433"), Some("anna"), Some("pw"), None).unwrap();
        assert_eq!(c.get_hosts(), &[Host::Unix("/tmp/pg".into())]);
        assert_eq!(c.get_ports(), &[5433]);
        assert_eq!(c.get_dbname(), Some("anna"));
        assert_eq!(c.get_password(), Some(&b"pw"[..]));
        let c = from_libpq("localhost", None, Some("anna"), None, Some("db")).unwrap();
        assert_eq!(c.get_hosts(), &[Host::Tcp("localhost".into())]);
        assert_eq!(c.get_dbname(), Some("db"));
        assert!(from_libpq("localhost", Some("x"), None, None, None).is_err());
    }

    #[test]
    fn a_url_parses() {
        assert!(database(Some("postgres://u:p@h:5432/d")).is_ok());
        assert!(database(Some("postgres://u:p@h:notaport/d")).is_err());
    }
}
