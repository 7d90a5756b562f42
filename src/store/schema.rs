//! The shape of a file format — its keys, which are required, what each holds — read from
//! the model's own serde types, so the checker can never fall out of step with them.
//!
//! serde stops at the first problem of a file. To tell every problem in one run, the
//! checker first walks the parsed document against this shape ([`crate::store::shape_check`])
//! and deserializes only a document with none. The shape is not written by hand: a
//! deserializer that supplies sample values ("tracing") asks each model type for its keys
//! (`deserialize_struct` names them), its enumerations' values, and the type of each key;
//! a key is required when leaving it out makes serde report it missing. A field added to a
//! model struct is therefore known to the checker at once, with its type and whether it is
//! required.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use crate::model::date::DATE_SERDE_NAME;

/// What a key holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A string.
    Text,
    /// A whole number from `min` to `max`.
    Integer {
        min: i128,
        max: i128,
    },
    /// A number, with or without a decimal point.
    Decimal,
    Bool,
    /// A date: a TOML local date (`1990-05-10`) or the same in quotes.
    Date,
    /// One of a fixed set of strings; `name` is the Rust type's (for the words of each value).
    Choice {
        name: &'static str,
        values: &'static [&'static str],
    },
    /// An array of values of one shape (of tables: `[[key]]`).
    List(Box<Shape>),
    /// A table with a fixed set of keys.
    Table(TableShape),
    /// A table whose keys are free (ids) and whose values have one shape.
    Map(Box<Shape>),
    /// Anything: a type the tracing cannot see into; serde checks it.
    Any,
}

/// A table with a fixed set of keys (a model struct).
#[derive(Debug, Clone, PartialEq)]
pub struct TableShape {
    /// The Rust type's name.
    pub name: &'static str,
    /// The keys in the struct's order.
    pub fields: Vec<FieldShape>,
}

impl TableShape {
    pub fn field(&self, key: &str) -> Option<&FieldShape> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The keys, in the struct's order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|f| f.key)
    }
}

/// One key of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldShape {
    pub key: &'static str,
    pub shape: Shape,
    /// serde refuses the table without it.
    pub required: bool,
}

/// The shape of `T`'s TOML form, or `None` when tracing cannot build a `T` (a type that
/// takes no sample value); the checker then leaves the shape to serde.
pub fn shape_of<T: DeserializeOwned>() -> Option<TableShape> {
    let ctx = RefCell::new(Ctx::default());
    // First pass: every struct and its keys, and samples that every type accepts.
    trace::<T>(&ctx).ok()?;
    let structs = ctx.borrow().structs.clone();
    let mut required = HashSet::new();
    for (name, keys) in structs {
        for &key in keys {
            ctx.borrow_mut().omit = Some((name, key));
            if let Err(TraceError::Missing(missing)) = trace::<T>(&ctx)
                && missing == key
            {
                required.insert((name, key));
            }
        }
    }
    let mut ctx_mut = ctx.borrow_mut();
    ctx_mut.omit = None;
    ctx_mut.required = required;
    drop(ctx_mut);
    match trace::<T>(&ctx) {
        Ok(Shape::Table(table)) => Some(table),
        _ => None,
    }
}

/// Sample values offered where a type accepts anything (an untagged enum, a date read
/// from either form), tried in turn until the type takes one.
const ANY_SAMPLES: usize = 6;

#[derive(Default)]
struct Ctx {
    /// A key left out of every table of the struct named, to learn whether it is required.
    omit: Option<(&'static str, &'static str)>,
    required: HashSet<(&'static str, &'static str)>,
    /// The structs met, in order, with their keys.
    structs: Vec<(&'static str, &'static [&'static str])>,
    /// The key being traced (struct, key), for sample choices.
    field: Option<(&'static str, &'static str)>,
    /// Keys whose value took a sample that accepts anything.
    any_sites: HashSet<(&'static str, &'static str)>,
    /// Which sample each such key gets.
    any_choice: HashMap<(&'static str, &'static str), usize>,
    /// The key whose value refused its sample in the last trace.
    refused: Option<(&'static str, &'static str)>,
    depth: usize,
}

/// Traces `T`, retrying with other samples where a type refused one.
fn trace<T: DeserializeOwned>(ctx: &RefCell<Ctx>) -> Result<Shape, TraceError> {
    let mut retries = 0;
    loop {
        ctx.borrow_mut().refused = None;
        let mut shape = Shape::Any;
        let result = T::deserialize(Tracer { ctx, out: &mut shape });
        match result {
            Ok(_) => return Ok(shape),
            Err(e) => {
                let refused = ctx.borrow_mut().refused.take();
                match refused {
                    Some(site) if retries < 64 => {
                        let mut c = ctx.borrow_mut();
                        let choice = c.any_choice.entry(site).or_insert(0);
                        *choice += 1;
                        if *choice >= ANY_SAMPLES {
                            return Err(e);
                        }
                        retries += 1;
                    }
                    _ => return Err(e),
                }
            }
        }
    }
}

#[derive(Debug)]
enum TraceError {
    Missing(&'static str),
    Other(String),
}

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TraceError::Missing(key) => write!(f, "missing {key}"),
            TraceError::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for TraceError {}

impl de::Error for TraceError {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        TraceError::Other(msg.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        TraceError::Missing(field)
    }
}

/// A deserializer that answers every request with a sample and records what was asked.
struct Tracer<'a> {
    ctx: &'a RefCell<Ctx>,
    out: &'a mut Shape,
}

macro_rules! integer {
    ($method:ident, $visit:ident, $t:ty) => {
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
            *self.out = Shape::Integer {
                min: i128::from(<$t>::MIN),
                max: i128::from(<$t>::MAX),
            };
            visitor.$visit(0)
        }
    };
}

impl<'de> de::Deserializer<'de> for Tracer<'_> {
    type Error = TraceError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Any;
        let choice = {
            let mut ctx = self.ctx.borrow_mut();
            match ctx.field {
                Some(site) => {
                    ctx.any_sites.insert(site);
                    ctx.any_choice.get(&site).copied().unwrap_or(0)
                }
                None => 0,
            }
        };
        match choice {
            0 => visitor.visit_str("2000-01-01"),
            1 => visitor.visit_u64(1),
            2 => visitor.visit_f64(1.0),
            3 => visitor.visit_bool(false),
            4 => visitor.visit_seq(Elements {
                ctx: self.ctx,
                out: None,
            }),
            _ => visitor.visit_map(Entries {
                ctx: self.ctx,
                out: None,
                value_next: false,
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Bool;
        visitor.visit_bool(false)
    }

    integer!(deserialize_i8, visit_i8, i8);
    integer!(deserialize_i16, visit_i16, i16);
    integer!(deserialize_i32, visit_i32, i32);
    integer!(deserialize_i64, visit_i64, i64);
    integer!(deserialize_u8, visit_u8, u8);
    integer!(deserialize_u16, visit_u16, u16);
    integer!(deserialize_u32, visit_u32, u32);
    integer!(deserialize_u64, visit_u64, u64);

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Decimal;
        visitor.visit_f32(0.0)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Decimal;
        visitor.visit_f64(0.0)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Text;
        visitor.visit_char('x')
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Text;
        visitor.visit_str("")
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Any;
        visitor.visit_bytes(&[])
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        // Whether the key may be left out is learned by leaving it out; here only the
        // shape of a value that is there matters.
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Shape::Any;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, TraceError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        let out = self.out;
        let value = visitor.visit_newtype_struct(Tracer {
            ctx: self.ctx,
            out: &mut *out,
        })?;
        if name == DATE_SERDE_NAME {
            *out = Shape::Date;
        }
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        let mut element = Shape::Any;
        let value = visitor.visit_seq(Elements {
            ctx: self.ctx,
            out: Some(&mut element),
        })?;
        *self.out = Shape::List(Box::new(element));
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, TraceError> {
        // A fixed number of values (`tenure_range = [3, 5]`): an array of the first one's shape.
        let mut element = Shape::Any;
        let value = visitor.visit_seq(TupleElements {
            ctx: self.ctx,
            out: Some(&mut element),
            remaining: len,
        })?;
        *self.out = Shape::List(Box::new(element));
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        let mut value_shape = Shape::Any;
        let value = visitor.visit_map(Entries {
            ctx: self.ctx,
            out: Some(&mut value_shape),
            value_next: false,
        })?;
        *self.out = Shape::Map(Box::new(value_shape));
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        keys: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        {
            let mut ctx = self.ctx.borrow_mut();
            if ctx.depth > 32 {
                return Err(TraceError::Other("nested too deeply".into()));
            }
            ctx.depth += 1;
            if !ctx.structs.iter().any(|(n, _)| *n == name) {
                ctx.structs.push((name, keys));
            }
        }
        let mut access = Fields {
            ctx: self.ctx,
            name,
            keys: keys.iter(),
            current: None,
            fields: Vec::with_capacity(keys.len()),
        };
        let value = visitor.visit_map(&mut access);
        self.ctx.borrow_mut().depth -= 1;
        let fields = access.fields;
        *self.out = Shape::Table(TableShape { name, fields });
        value
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        values: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        *self.out = Shape::Choice { name, values };
        let first = values.first().copied().unwrap_or_default();
        visitor.visit_enum(UnitVariant { variant: first })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        visitor.visit_unit()
    }
}

/// The keys of a struct, each with a traced sample value.
struct Fields<'a> {
    ctx: &'a RefCell<Ctx>,
    name: &'static str,
    keys: std::slice::Iter<'static, &'static str>,
    current: Option<&'static str>,
    fields: Vec<FieldShape>,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = TraceError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, TraceError> {
        let omit = self.ctx.borrow().omit;
        let Some(&key) = self.keys.by_ref().find(|&&k| omit != Some((self.name, k))) else {
            return Ok(None);
        };
        self.current = Some(key);
        let key_de: StrDeserializer<'_, TraceError> = key.into_deserializer();
        seed.deserialize(key_de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, TraceError> {
        let key = self.current.take().unwrap_or_default();
        let site = (self.name, key);
        let outer = self.ctx.borrow_mut().field.replace(site);
        let mut shape = Shape::Any;
        let value = seed.deserialize(Tracer {
            ctx: self.ctx,
            out: &mut shape,
        });
        let mut ctx = self.ctx.borrow_mut();
        ctx.field = outer;
        if let Err(e) = &value
            && !matches!(e, TraceError::Missing(_))
            && ctx.any_sites.contains(&site)
            && ctx.refused.is_none()
        {
            ctx.refused = Some(site);
        }
        let required = ctx.required.contains(&site);
        drop(ctx);
        self.fields.push(FieldShape { key, shape, required });
        value
    }
}

/// A sequence of one traced element (or none, as a sample for a type that takes anything).
struct Elements<'a, 'o> {
    ctx: &'a RefCell<Ctx>,
    out: Option<&'o mut Shape>,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, '_> {
    type Error = TraceError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, TraceError> {
        match self.out.take() {
            Some(out) => seed.deserialize(Tracer { ctx: self.ctx, out }).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(usize::from(self.out.is_some()))
    }
}

/// A tuple's `remaining` values, the first traced into `out`.
struct TupleElements<'a, 'o> {
    ctx: &'a RefCell<Ctx>,
    out: Option<&'o mut Shape>,
    remaining: usize,
}

impl<'de> de::SeqAccess<'de> for TupleElements<'_, '_> {
    type Error = TraceError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, TraceError> {
        if self.remaining == 0 {
            return Ok(None);
        }
        self.remaining -= 1;
        let mut scratch = Shape::Any;
        let out = self.out.take().unwrap_or(&mut scratch);
        seed.deserialize(Tracer { ctx: self.ctx, out }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.remaining)
    }
}

/// A map of one traced entry (or none).
struct Entries<'a, 'o> {
    ctx: &'a RefCell<Ctx>,
    out: Option<&'o mut Shape>,
    value_next: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = TraceError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, TraceError> {
        if self.out.is_none() {
            return Ok(None);
        }
        self.value_next = true;
        let key_de: StrDeserializer<'_, TraceError> = "key".into_deserializer();
        seed.deserialize(key_de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, TraceError> {
        let mut scratch = Shape::Any;
        let out = match self.out.take() {
            Some(out) if self.value_next => out,
            _ => &mut scratch,
        };
        self.value_next = false;
        seed.deserialize(Tracer { ctx: self.ctx, out })
    }
}

/// The first value of an enumeration, as a unit variant.
struct UnitVariant {
    variant: &'static str,
}

impl<'de> de::EnumAccess<'de> for UnitVariant {
    type Error = TraceError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), TraceError> {
        let name: StrDeserializer<'_, TraceError> = self.variant.into_deserializer();
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant {
    type Error = TraceError;

    fn unit_variant(self) -> Result<(), TraceError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, TraceError> {
        Err(TraceError::Other("data in an enumeration".into()))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, TraceError> {
        Err(TraceError::Other("data in an enumeration".into()))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, TraceError> {
        Err(TraceError::Other("data in an enumeration".into()))
    }
}
