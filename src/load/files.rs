//! The one table of the files of a data set, and how they are read.

/// One file of a data set: its name, whether it must exist, its columns and the copy
/// compiled into the binary.
#[derive(Debug)]
pub struct FileSpec {
    pub name: &'static str,
    pub must_exist: bool,
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
    pub embedded: &'static str,
}

/// The files of a data set, in the order they are read: the one list of them.
pub const TABLE: [FileSpec; 6] = [
    FileSpec {
        name: "offices.csv",
        must_exist: true,
        required: &["code", "name", "level", "parent"],
        optional: &["partial", "note"],
        embedded: include_str!("../../data/offices.csv"),
    },
    FileSpec {
        name: "participants.csv",
        must_exist: true,
        required: &["office", "period", "segment", "measure", "value", "source"],
        optional: &["program", "published", "note", "bound", "reading"],
        embedded: include_str!("../../data/participants.csv"),
    },
    FileSpec {
        name: "claims.csv",
        must_exist: false,
        required: &[
            "office",
            "period",
            "segment",
            "program",
            "cases",
            "amount_idr",
            "source",
        ],
        optional: &["published", "note", "bound", "reading"],
        embedded: include_str!("../../data/claims.csv"),
    },
    FileSpec {
        name: "targets.csv",
        must_exist: false,
        required: &["office", "year", "measure", "segment", "value", "source"],
        optional: &["plan", "published", "note", "bound", "reading"],
        embedded: include_str!("../../data/targets.csv"),
    },
    FileSpec {
        name: "workforce.csv",
        must_exist: false,
        required: &["office", "period", "measure", "value", "source"],
        optional: &["published", "note", "bound", "reading"],
        embedded: include_str!("../../data/workforce.csv"),
    },
    FileSpec {
        name: "stated.csv",
        must_exist: false,
        required: &["office", "period", "segment", "metric", "value", "source"],
        optional: &["published", "note", "bound", "reading"],
        embedded: include_str!("../../data/stated.csv"),
    },
];

pub(super) const OFFICES: &FileSpec = &TABLE[0];
pub(super) const PARTICIPANTS: &FileSpec = &TABLE[1];
pub(super) const CLAIMS: &FileSpec = &TABLE[2];
pub(super) const TARGETS: &FileSpec = &TABLE[3];
pub(super) const WORKFORCE: &FileSpec = &TABLE[4];
pub(super) const STATED: &FileSpec = &TABLE[5];

const fn names() -> [(&'static str, bool); TABLE.len()] {
    let mut out = [("", false); TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        out[i] = (TABLE[i].name, TABLE[i].must_exist);
        i += 1;
    }
    out
}

const fn embedded() -> [(&'static str, &'static str); TABLE.len()] {
    let mut out = [("", ""); TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        out[i] = (TABLE[i].name, TABLE[i].embedded);
        i += 1;
    }
    out
}

/// The files of a data set, in the order they are read, with whether each must exist.
pub const FILES: &[(&str, bool)] = &names();

/// The data set compiled into the binary.
pub const EMBEDDED: &[(&str, &str)] = &embedded();

/// How to read the files. The default detects each file's delimiter from its header line,
/// which is safe because the header names are known and never contain `,`, `;` or a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadOptions {
    /// `None`: detect from the header line.
    pub delimiter: Option<u8>,
    /// Read `1.027.000` and `39,41` the Indonesian way, with `Rp` and scale words.
    pub decimal_comma: bool,
    /// Threads that may read one file at once (0 or 1: one).
    pub threads: usize,
}
