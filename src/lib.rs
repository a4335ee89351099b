//! Hashiya's domain core: projects, articles, label schema, annotations, import and export.
//! No Tauri here: the desktop shell, the CLI and browser mode all sit on top of this crate.

pub mod annotations;
pub mod api;
pub mod articles;
pub mod backup;
pub mod bindings;
pub mod blind;
pub mod clitics;
pub mod db;
pub mod demo;
pub mod entities;
pub mod error;
pub mod export;
pub mod gazetteer;
pub mod graphemes;
pub mod hits;
pub mod import;
pub mod labels;
pub mod leftovers;
pub mod model;
pub mod native;
pub mod normalize;
pub mod occurrences;
pub mod relation_types;
pub mod relations;
pub mod review;
pub mod schema_file;
pub mod search;
#[cfg(feature = "cli")]
pub mod serve;
pub mod settings;
pub mod snap;
pub mod store;
pub mod suggest;
pub mod text;
pub mod titles;
pub mod tokenize;
pub mod units;
pub mod variants;
pub mod webcopy;

pub use error::{ApiError, Error, Result};
pub use store::Store;
