//! Messages as glossary keys with the values of their slots, so an error or a warning can be
//! said in the reader's language. English is the key filled in, byte for byte what it always
//! was; another language looks the key up in the glossary (`output::lang`), which this module
//! does not know: the caller hands it a lookup.

use std::fmt;

/// A key's template in the reader's language (the key itself in English, or when the glossary
/// has no entry for it).
pub type Lookup<'a> = &'a dyn Fn(&str) -> String;

/// Something the program says that each language says its own way.
pub trait Say {
    fn say(&self, look: Lookup) -> String;
}

/// A message: a glossary key with `{}` slots and what fills them (names, numbers, codes:
/// nothing to translate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub key: &'static str,
    pub args: Vec<String>,
}

impl Said {
    pub fn new(key: &'static str, args: Vec<String>) -> Self {
        Said { key, args }
    }

    /// The English: the key with its slots filled.
    pub fn english(&self) -> String {
        fill(self.key, self.args.iter().map(String::as_str))
    }
}

impl Say for Said {
    fn say(&self, look: Lookup) -> String {
        fill(&look(self.key), self.args.iter().map(String::as_str))
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl std::error::Error for Said {}

/// An error for a person: the message and its hints, each said on its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    pub message: Said,
    pub hints: Vec<Said>,
}

impl Told {
    pub fn new(message: Said) -> Self {
        Told {
            message,
            hints: Vec::new(),
        }
    }

    pub fn hint(mut self, h: Said) -> Self {
        self.hints.push(h);
        self
    }
}

impl Say for Told {
    fn say(&self, look: Lookup) -> String {
        let mut s = self.message.say(look);
        for h in &self.hints {
            s.push_str(&fill(
                &look("\n  hint: {}"),
                std::iter::once(h.say(look).as_str()),
            ));
        }
        s
    }
}

impl fmt::Display for Told {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(&|k| k.to_string()))
    }
}

impl std::error::Error for Told {}

/// A message said because of an underlying error (an I/O error, say): shown as the message,
/// followed in the error's chain by its cause, as a context would be.
#[derive(Debug)]
pub struct Because {
    pub said: Said,
    pub cause: Box<dyn std::error::Error + Send + Sync>,
}

impl Because {
    /// The error `cause` with `said` before it.
    pub fn new(said: Said, cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Because {
            said,
            cause: cause.into(),
        }
    }
}

impl fmt::Display for Because {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said.english())
    }
}

impl std::error::Error for Because {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.cause)
    }
}

impl Say for Because {
    fn say(&self, look: Lookup) -> String {
        self.said.say(look)
    }
}

/// Fills the `{}` slots of a template in order.
pub fn fill<'a>(template: &str, mut args: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_key_filled_in() {
        let s = Said::new("missing column {}", vec!["\"value\"".into()]);
        assert_eq!(s.to_string(), "missing column \"value\"");
        let t = Told::new(s).hint(Said::new("the header row must name {}", vec!["a,b".into()]));
        assert_eq!(
            t.to_string(),
            "missing column \"value\"\n  hint: the header row must name a,b"
        );
        let id = |k: &str| match k {
            "missing column {}" => "kolom {} tidak ada".to_string(),
            k => k.to_string(),
        };
        assert!(t.say(&id).starts_with("kolom \"value\" tidak ada\n"));
    }
}
