//! One output stream of an export: the writer, its counts, and whether a record was written yet.

use std::io::Write;

use serde::Serialize;

use super::report::Tally;
use crate::error::{Error, Result};

pub struct Sink<'w> {
    pub out: &'w mut dyn Write,
    pub tally: Tally,
    /// Records written so far (for separators).
    pub records: u64,
}

impl<'w> Sink<'w> {
    pub fn new(out: &'w mut dyn Write) -> Sink<'w> {
        Sink { out, tally: Tally::default(), records: 0 }
    }

    pub fn bytes(&mut self, b: &[u8]) -> Result<()> {
        self.out.write_all(b).map_err(|e| Error::io("cannot write the export", e))
    }

    /// One JSON value and a newline.
    pub fn json_line<T: Serialize>(&mut self, v: &T) -> Result<()> {
        serde_json::to_writer(&mut *self.out, v)?;
        self.records += 1;
        self.bytes(b"\n")
    }
}
