//! The core's integration tests in one binary (one link instead of one per file): each module is one former tests/*.rs.

mod common;
mod fuzz;
mod harness;

mod api_export;
mod backup;
mod bindings;
mod cli;
mod concurrency;
mod conll_import;
mod conll_roundtrip;
mod crash;
mod export_formats;
mod full_disk;
mod fuzz_import;
mod fuzz_jsonl;
mod fuzz_text;
mod huge_inputs;
mod import_export;
mod import_formats;
mod import_lock;
mod jobs;
mod occurrences;
mod relation_formats;
mod relations;
mod review;
mod schema;
mod store;
