//! The one way YAML enters Deepbrief: bytes → a position-carrying [`Node`] tree.
//!
//! Parsing goes through `serde-saphyr` with an explicit budget, so an alias bomb or a huge file is
//! refused before it is expanded, and a duplicate key is an error instead of a silent overwrite. The
//! tree keeps the line and column of every value and key, so later checks can point at the place.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{MessageFormatter, Spanned, UserMessageFormatter};

/// Files larger than this are refused before parsing: a checklist is a few hundred KiB at most.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// At most this many aliases (`*name`) in one file: checklists rarely need any.
pub const MAX_ALIASES: usize = 200;
/// At most this many YAML nodes (maps, lists and scalars) in one file, aliases expanded.
pub const MAX_NODES: usize = 200_000;
/// Deepest nesting of maps and lists; keeps recursive code over the tree shallow.
pub const MAX_DEPTH: usize = 48;

/// A line and column, both starting at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1 (characters, not bytes).
    pub column: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A YAML value with where it stands in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value starts.
    pub pos: Pos,
}

/// A map key with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key as written.
    pub name: String,
    /// Where the key starts.
    pub pos: Pos,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer that fits in `i64`.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// A whole number too large for `i64` (2^63 and up), as written: shown exactly, never rounded.
    Big(String),
    /// A string.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A map, keys in file order.
    Map(Vec<(Key, Node)>),
}

impl Value {
    /// A short name of the value's type for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "yes/no value",
            Value::Int(_) | Value::Float(_) | Value::Big(_) => "number",
            Value::Str(_) => "text",
            Value::Seq(_) => "list",
            Value::Map(_) => "map",
        }
    }
}

impl Node {
    /// The entries when this is a map.
    pub fn as_map(&self) -> Option<&[(Key, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value under `key` when this is a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    /// The key `key` itself (for its position) when this is a map.
    pub fn key(&self, key: &str) -> Option<&Key> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(k, _)| k)
    }
}

/// Finds the node at a YAML path such as `sections[2].questions[4].when`.
pub fn find<'a>(root: &'a Node, path: &str) -> Option<&'a Node> {
    let mut node = root;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            node = node.get(key)?;
        }
        for index in indexes.split(']').filter_map(|s| s.strip_prefix('[')) {
            let i = index.parse::<usize>().ok()?;
            node = match &node.value {
                Value::Seq(items) => items.get(i)?,
                _ => return None,
            };
        }
    }
    Some(node)
}

/// The position of the value at a YAML path; a path that goes past the tree gives the position of
/// the deepest node on the way.
pub fn locate(root: &Node, path: &str) -> Pos {
    let mut path = path;
    loop {
        if let Some(node) = find(root, path) {
            return node.pos;
        }
        match path.rfind(['.', '[']) {
            Some(i) => path = &path[..i],
            None => return root.pos,
        }
    }
}

/// Why a file could not be read as YAML at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum YamlError {
    /// Over [`MAX_FILE_BYTES`].
    #[error("the file is {size} bytes; checklist files are limited to {limit} bytes")]
    TooLarge {
        /// Size of the file.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Not UTF-8.
    #[error(
        "the file is not valid UTF-8 text: the first bad byte is at line {}, column {} (byte offset {offset})",
        .pos.line, .pos.column
    )]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// Line and column (characters) of the first invalid byte.
        pos: Pos,
    },
    /// The file is empty or holds only comments.
    #[error("the file is empty")]
    Empty,
    /// A YAML syntax error, a duplicate key or a budget breach, as the parser reported it.
    #[error("{message}")]
    Syntax {
        /// What went wrong, in words for people.
        message: String,
        /// Where, when the parser knows.
        pos: Option<Pos>,
        /// What kind of problem it is.
        class: SyntaxClass,
    },
}

/// The broad kind of a parser error, so the caller can suggest the right fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxClass {
    /// The same key twice in one map.
    DuplicateKey,
    /// Too many aliases or anchors (`*name`, `&name`), or aliases that expand too far.
    Budget,
    /// Lists and maps nested deeper than [`MAX_DEPTH`].
    Depth,
    /// Too many values (nodes, events, text) for one checklist, without aliases.
    TooComplex,
    /// A tab where YAML wants spaces (indentation).
    Tab,
    /// Anything else: broken indentation, unclosed quotes, ….
    Syntax,
}

/// Classifies a parser message; for a tab or too deep a nesting, says it in plain words (the
/// parser's own text names an internal counter or the scalar before the tab).
fn classify(message: &str) -> (SyntaxClass, Option<String>) {
    let has = |words: &[&str]| words.iter().any(|w| message.contains(w));
    if message.contains("duplicate mapping key") {
        (SyntaxClass::DuplicateKey, None)
    } else if has(&["Depth {", "nesting", "depth"]) {
        (
            SyntaxClass::Depth,
            Some(format!(
                "lists and maps are nested more than {MAX_DEPTH} levels deep here"
            )),
        )
    } else if has(&["Aliases {", "Anchors {", "alias", "anchor", "replay"]) {
        (SyntaxClass::Budget, None)
    } else if has(&["budget", "limit", "too large", "too complex"]) {
        (SyntaxClass::TooComplex, None)
    } else if message.contains("tab") {
        (
            SyntaxClass::Tab,
            Some("a tab is used to indent here; YAML indents with spaces only".to_owned()),
        )
    } else {
        (SyntaxClass::Syntax, None)
    }
}

/// Where the tab the parser complains about really is: the first tab on or after the reported line
/// (the parser reports the start of the value it was reading, often the line before).
fn tab_at(text: &str, from: Option<Pos>) -> Option<Pos> {
    let first = from.map_or(0, |p| p.line.saturating_sub(1) as usize);
    text.split('\n')
        .enumerate()
        .skip(first)
        .find_map(|(i, line)| {
            let column = line.chars().position(|c| c == '\t')?;
            Some(Pos {
                line: to_u32(i + 1),
                column: to_u32(column + 1),
            })
        })
}

/// Parses one YAML document with Deepbrief's budget. The only YAML entry point of the project.
pub fn parse(bytes: &[u8]) -> Result<Node, YamlError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(YamlError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        YamlError::NotUtf8 {
            offset,
            pos: end_of(String::from_utf8_lossy(&bytes[..offset]).as_ref()),
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ALIASES;
    budget.max_nodes = MAX_NODES;
    budget.max_depth = MAX_DEPTH;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = MAX_FILE_BYTES * 4;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.alias_limits.max_total_replayed_events = MAX_NODES;
    options.alias_limits.max_replay_stack_depth = MAX_DEPTH;
    options.with_snippet = false;
    let parsed: Option<Spanned<Raw>> =
        serde_saphyr::from_str_with_options(text, options).map_err(|e| {
            let message = UserMessageFormatter.format_message(&e).into_owned();
            let mut pos = e.location().and_then(|l| {
                (l.line() > 0).then(|| Pos {
                    line: to_u32(l.line()),
                    column: to_u32(l.column()),
                })
            });
            let (class, plain) = classify(&message);
            if class == SyntaxClass::Tab {
                pos = tab_at(text, pos).or(pos);
            }
            let message = plain.unwrap_or(message);
            YamlError::Syntax {
                message,
                pos,
                class,
            }
        })?;
    match parsed {
        None => Err(YamlError::Empty),
        Some(s) if matches!(s.value, Raw::Null) => Err(YamlError::Empty),
        Some(s) => Ok(into_node(s)),
    }
}

/// The position just after `text` (where the next character would stand).
fn end_of(text: &str) -> Pos {
    let line = text.matches('\n').count() + 1;
    let last = text.rsplit('\n').next().unwrap_or_default();
    Pos {
        line: to_u32(line),
        column: to_u32(last.chars().count() + 1),
    }
}

fn to_u32(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

fn pos_of(l: &serde_saphyr::Location) -> Pos {
    Pos {
        line: to_u32(l.line()),
        column: to_u32(l.column()),
    }
}

fn into_node(s: Spanned<Raw>) -> Node {
    let pos = pos_of(&s.referenced);
    let value = match s.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Big(s) => Value::Big(s),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(into_node).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    (
                        Key {
                            pos: pos_of(&k.referenced),
                            name: k.value,
                        },
                        into_node(v),
                    )
                })
                .collect(),
        ),
    };
    Node { value, pos }
}

/// What serde-saphyr hands us, before positions are flattened into [`Node`].
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Big(String),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    // Past `i64` the digits are kept as written: a float would show 2^63 as 9223372036854776000.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or_else(|_| Raw::Big(v.to_string()), Raw::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or_else(|_| Raw::Big(v.to_string()), Raw::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or_else(|_| Raw::Big(v.to_string()), Raw::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let node = parse(b"id: core\nversion: 1\nlist:\n  - a\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            node.key("version").map(|k| k.pos),
            Some(Pos { line: 2, column: 1 })
        );
        assert_eq!(node.get("version").map(|v| &v.value), Some(&Value::Int(1)));
        let list = node.get("list").unwrap_or_else(|| panic!("list"));
        match &list.value {
            Value::Seq(items) => assert_eq!(items[0].pos, Pos { line: 4, column: 5 }),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn duplicate_key_is_an_error_with_position() {
        match parse(b"id: core\nid: other\n") {
            Err(YamlError::Syntax { pos, class, .. }) => {
                assert_eq!(class, SyntaxClass::DuplicateKey);
                assert_eq!(pos, Some(Pos { line: 2, column: 1 }));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn integers_past_i64_keep_their_digits() {
        let node = parse(b"a: 9223372036854775808\nb: 9223372036854775807\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            node.get("a").map(|v| &v.value),
            Some(&Value::Big("9223372036854775808".to_owned()))
        );
        assert_eq!(node.get("b").map(|v| &v.value), Some(&Value::Int(i64::MAX)));
    }

    #[test]
    fn a_tab_is_reported_where_it_is() {
        match parse(b"id: core\nlist:\n  - a\n\t- b\n") {
            Err(YamlError::Syntax { pos, class, .. }) => {
                assert_eq!(class, SyntaxClass::Tab);
                assert_eq!(pos, Some(Pos { line: 4, column: 1 }));
            }
            other => panic!("{other:?}"),
        }
    }
}
