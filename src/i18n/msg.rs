//! A message to show a person: an id of the `.ftl` files plus typed arguments,
//! rendered in a language only when printed.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// One message: its id in `locales/*/*.ftl` and its arguments.
///
/// Build it with [`msg!`](crate::msg): `msg!("unknown-field", key = "titel")`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Msg {
    /// The Fluent message id, e.g. `unknown-field`.
    pub id: Cow<'static, str>,
    /// Named arguments, in the order given.
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// A typed argument: each kind is written the way the language writes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Arg {
    /// Text shown as it is (a field name, a file name, an address).
    Text(String),
    /// A whole number; Fluent selects plural forms on it.
    Count(i64),
    /// A size in bytes, shown in kB/ko or MB/Mo (1000 bytes = 1 kB).
    Size(u64),
    /// A calendar date `YYYY-MM-DD`; French prose shows it as JJ/MM/AAAA.
    Date(String),
    /// Another message, rendered in the same language.
    Msg(Box<Msg>),
}

impl Msg {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Self {
        Msg { id: Cow::Borrowed(id), args: Vec::new() }
    }

    /// Adds the argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// A text shown as it is in every language: for unit tests only. Text
    /// from outside guidepress (an operating system's or a library's error)
    /// is an argument of a message of its own, never a message.
    #[cfg(test)]
    pub fn verbatim(text: impl Into<String>) -> Self {
        Msg::new("verbatim").arg("text", Arg::Text(text.into()))
    }

    /// The English rendering (what `Display` prints).
    pub fn en(&self) -> String {
        super::render(super::UiLang::En, self)
    }

    /// The rendering in `lang`.
    pub fn in_lang(&self, lang: super::UiLang) -> String {
        super::render(lang, self)
    }
}

/// English, the stable form.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}
macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(u8, u16, u32, u64, usize, i32, i64);

/// Builds a [`Msg`]: `msg!("id")` or `msg!("id", name = value, …)`; each
/// value becomes an [`Arg`] (text, number, or an `Arg` given as it is).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id)$(.arg(stringify!($name), $value))*
    };
}
