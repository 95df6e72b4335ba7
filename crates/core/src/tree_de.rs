//! A serde `Deserializer` over the position-carrying [`Node`] tree.
//!
//! Typed items (questions, processes, rules, conditions) are read from the tree with their derived
//! `Deserialize`, and every error comes back with the line, column and YAML path of the value that
//! caused it. Unknown fields are not fatal: each one is recorded (with a "did you mean") and skipped,
//! so a file with three typos reports three errors.

use std::cell::RefCell;
use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, Expected, IntoDeserializer, Unexpected, Visitor,
};

use crate::diagnostic::{Issue, closest, quoted_list};
use crate::yaml::{Node, Pos, Value};

/// An error while reading a typed item from the tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DeError {
    message: String,
    fix: String,
    pos: Option<Pos>,
    path: Option<String>,
}

impl DeError {
    fn new(message: String, fix: String) -> Self {
        DeError {
            message,
            fix,
            pos: None,
            path: None,
        }
    }

    /// Ties the error to a node unless an inner node already claimed it.
    fn at(mut self, node: &Node, path: &str) -> Self {
        if self.pos.is_none() {
            self.pos = Some(node.pos);
            self.path = Some(path.to_owned());
        }
        self
    }

    pub fn into_issue(self, fallback_pos: Pos, fallback_path: &str) -> Issue {
        Issue::new(
            Some(self.pos.unwrap_or(fallback_pos)),
            self.path.unwrap_or_else(|| fallback_path.to_owned()),
            self.message,
            self.fix,
        )
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

fn expected_words(exp: &dyn Expected) -> String {
    let raw = exp.to_string();
    match raw.as_str() {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "a string" => "a text".to_owned(),
        "a sequence" => "a list".to_owned(),
        s if s.starts_with("struct ") => "a map of fields".to_owned(),
        s if s.starts_with("enum ") => "one of the allowed names".to_owned(),
        _ => raw,
    }
}

fn unexpected_words(unexp: Unexpected<'_>) -> String {
    match unexp {
        Unexpected::Bool(b) => format!("`{b}`"),
        Unexpected::Unsigned(n) => format!("the number {n}"),
        Unexpected::Signed(n) => format!("the number {n}"),
        Unexpected::Float(n) => format!("the number {n}"),
        Unexpected::Str(s) => format!("the text \"{s}\""),
        Unexpected::Unit => "nothing".to_owned(),
        Unexpected::Seq => "a list".to_owned(),
        Unexpected::Map => "a map".to_owned(),
        other => other.to_string(),
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(
            msg.to_string(),
            "correct the value as the message says".to_owned(),
        )
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        let expected = expected_words(exp);
        DeError::new(
            format!("expected {expected}, found {}", unexpected_words(unexp)),
            format!("write {expected} here"),
        )
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        let expected = expected_words(exp);
        DeError::new(
            format!(
                "{} is not allowed here: expected {expected}",
                unexpected_words(unexp)
            ),
            format!("write {expected} here"),
        )
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        DeError::new(
            format!("found {len} items, expected {exp}"),
            format!("give {exp}"),
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let fix = match closest(variant, expected.iter().copied()) {
            Some(s) => format!(
                "did you mean `{s}`? (allowed: {})",
                quoted_list(expected.iter().copied())
            ),
            None => format!("use one of {}", quoted_list(expected.iter().copied())),
        };
        DeError::new(format!("unknown value `{variant}`"), fix)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let fix = match closest(field, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "remove it; allowed fields: {}",
                quoted_list(expected.iter().copied())
            ),
        };
        DeError::new(format!("unknown field `{field}`"), fix)
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(
            format!("missing field `{field}`"),
            format!("add `{field}: …` to this map"),
        )
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new(
            format!("field `{field}` appears twice"),
            "keep one of them".to_owned(),
        )
    }
}

/// Unknown fields met while reading; reported all together, not one at a time.
#[derive(Default)]
pub(crate) struct Sink {
    pub issues: RefCell<Vec<Issue>>,
}

/// Reads a `T` from a node.
pub(crate) fn from_node<'de, T: de::Deserialize<'de>>(
    node: &'de Node,
    path: &str,
    sink: &Sink,
) -> Result<T, Issue> {
    T::deserialize(NodeDe { node, path, sink }).map_err(|e| e.into_issue(node.pos, path))
}

pub(crate) fn child_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

struct NodeDe<'de, 'p, 's> {
    node: &'de Node,
    path: &'p str,
    sink: &'s Sink,
}

impl NodeDe<'_, '_, '_> {
    fn wrong_type(&self, expected: &str) -> DeError {
        DeError::new(
            format!("expected {expected}, found {}", self.node.value.type_name()),
            format!("write {expected} here"),
        )
        .at(self.node, self.path)
    }
}

impl<'de> Deserializer<'de> for NodeDe<'de, '_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let node = self.node;
        let result = match &node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Int(i) => visitor.visit_i64(*i),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Big(digits) => match digits.parse::<u64>() {
                Ok(n) => visitor.visit_u64(n),
                Err(_) => Err(DeError::new(
                    format!("the number {digits} is too large"),
                    "write a smaller number".to_owned(),
                )),
            },
            Value::Str(s) => visitor.visit_borrowed_str(s),
            Value::Seq(items) => visitor.visit_seq(SeqDe {
                items: items.iter(),
                index: 0,
                path: self.path,
                sink: self.sink,
            }),
            Value::Map(entries) => visitor.visit_map(MapDe {
                entries: entries.iter().collect::<Vec<_>>().into_iter(),
                value: None,
                path: self.path,
                sink: self.sink,
            }),
        };
        result.map_err(|e| e.at(node, self.path))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => {
                let (node, path) = (self.node, self.path);
                visitor.visit_some(self).map_err(|e| e.at(node, path))
            }
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        // YAML writes `id: 2024` or `value: yes` unquoted; where text is expected, take it as text.
        let result = match &self.node.value {
            Value::Str(s) => visitor.visit_borrowed_str(s),
            Value::Int(i) => visitor.visit_string(i.to_string()),
            Value::Float(f) => visitor.visit_string(f.to_string()),
            Value::Big(digits) => visitor.visit_string(digits.clone()),
            Value::Bool(b) => visitor.visit_string(b.to_string()),
            _ => return Err(self.wrong_type("a text")),
        };
        result.map_err(|e: DeError| e.at(self.node, self.path))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Seq(_) => self.deserialize_any(visitor),
            _ => Err(self.wrong_type("a list")),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Map(_) => self.deserialize_any(visitor),
            _ => Err(self.wrong_type("a map")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let Value::Map(entries) = &self.node.value else {
            return Err(self.wrong_type("a map of fields"));
        };
        let mut known = Vec::with_capacity(entries.len());
        for entry in entries {
            let (key, _) = entry;
            if fields.contains(&key.name.as_str()) {
                known.push(entry);
            } else {
                let fix = match closest(&key.name, fields.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "remove it; allowed here: {}",
                        quoted_list(fields.iter().copied())
                    ),
                };
                self.sink.issues.borrow_mut().push(Issue::new(
                    Some(key.pos),
                    child_path(self.path, &key.name),
                    format!("unknown field `{}`", key.name),
                    fix,
                ));
            }
        }
        visitor
            .visit_map(MapDe {
                entries: known.into_iter(),
                value: None,
                path: self.path,
                sink: self.sink,
            })
            .map_err(|e| e.at(self.node, self.path))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let (node, path) = (self.node, self.path);
        match &node.value {
            Value::Str(s) => visitor
                .visit_enum(s.as_str().into_deserializer())
                .map_err(|e: DeError| e.at(node, path)),
            Value::Map(entries) if entries.len() == 1 => {
                let (key, value) = &entries[0];
                let value_path = child_path(path, &key.name);
                visitor
                    .visit_enum(EnumDe {
                        key: &key.name,
                        key_pos: key.pos,
                        value,
                        path: &value_path,
                        sink: self.sink,
                    })
                    .map_err(|e| e.at(node, path))
            }
            Value::Map(entries) => {
                let names: Vec<&str> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
                Err(DeError::new(
                    if names.is_empty() {
                        "expected exactly one of the allowed names, found an empty map".to_owned()
                    } else {
                        format!("expected exactly one key, found {}", quoted_list(names))
                    },
                    format!(
                        "keep one key, one of {}; combine several with `all:` or `any:`",
                        quoted_list(variants.iter().copied())
                    ),
                )
                .at(node, path))
            }
            _ => Err(self.wrong_type(&format!("one of {}", quoted_list(variants.iter().copied())))),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct tuple tuple_struct identifier
    }
}

struct SeqDe<'de, 'p, 's> {
    items: std::slice::Iter<'de, Node>,
    index: usize,
    path: &'p str,
    sink: &'s Sink,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'de, '_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let path = format!("{}[{}]", self.path, self.index);
        self.index += 1;
        seed.deserialize(NodeDe {
            node,
            path: &path,
            sink: self.sink,
        })
        .map(Some)
        .map_err(|e| e.at(node, &path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDe<'de, 'p, 's, I> {
    entries: I,
    value: Option<&'de (crate::yaml::Key, Node)>,
    path: &'p str,
    sink: &'s Sink,
}

impl<'de, I> de::MapAccess<'de> for MapDe<'de, '_, '_, I>
where
    I: Iterator<Item = &'de (crate::yaml::Key, Node)>,
{
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        let key: BorrowedStrDeserializer<'de, DeError> =
            BorrowedStrDeserializer::new(&entry.0.name);
        seed.deserialize(key).map(Some).map_err(|mut e| {
            if e.pos.is_none() {
                e.pos = Some(entry.0.pos);
                e.path = Some(child_path(self.path, &entry.0.name));
            }
            e
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some((key, node)) = self.value.take() else {
            return Err(DeError::new(
                "internal: value requested before key".to_owned(),
                "report this as a bug".to_owned(),
            ));
        };
        let path = child_path(self.path, &key.name);
        seed.deserialize(NodeDe {
            node,
            path: &path,
            sink: self.sink,
        })
        .map_err(|e| e.at(node, &path))
    }
}

struct EnumDe<'de, 'p, 's> {
    key: &'de str,
    key_pos: Pos,
    value: &'de Node,
    path: &'p str,
    sink: &'s Sink,
}

impl<'de, 'p, 's> de::EnumAccess<'de> for EnumDe<'de, 'p, 's> {
    type Error = DeError;
    type Variant = NodeDe<'de, 'p, 's>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), DeError> {
        let key: BorrowedStrDeserializer<'de, DeError> = BorrowedStrDeserializer::new(self.key);
        let variant = seed.deserialize(key).map_err(|mut e| {
            if e.pos.is_none() {
                e.pos = Some(self.key_pos);
                e.path = Some(self.path.to_owned());
            }
            e
        })?;
        Ok((
            variant,
            NodeDe {
                node: self.value,
                path: self.path,
                sink: self.sink,
            },
        ))
    }
}

impl<'de> de::VariantAccess<'de> for NodeDe<'de, '_, '_> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.node.value {
            Value::Null => Ok(()),
            _ => Err(self.wrong_type("nothing")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        let (node, path) = (self.node, self.path);
        seed.deserialize(self).map_err(|e| e.at(node, path))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_struct("", fields, visitor)
    }
}
