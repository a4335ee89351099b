//! One declaration per command: its name, TypeScript request/response types, how it is routed, and
//! its handler. Dispatch, the TypeScript command map and the router's choices all come from here.

use serde_json::Value;

use crate::error::Result;
use crate::store::Store;

/// How a transport runs a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// On the app's shared project handle, under its lock (reads and short writes).
    Store,
    /// On a connection of its own (imports, exports: minutes long), leaving the shared handle free.
    Detached,
    /// Without the project at all (job status and cancel, answered while a job holds the project).
    Unlocked,
    /// Only the desktop shell answers it (native dialogs, the menu); listed here for its TypeScript types.
    Desktop,
}

/// The code behind a command.
#[derive(Clone, Copy)]
pub enum Handler {
    Store(fn(&mut Store, Value) -> Result<Value>),
    Unlocked(fn(Value) -> Result<Value>),
    /// Implemented by the desktop shell.
    Shell,
}

/// One command.
#[derive(Clone, Copy)]
pub struct Command {
    pub name: &'static str,
    /// The TypeScript request type (a name in `ui/src/bindings.ts`, or an inline type).
    pub req: &'static str,
    /// The TypeScript response type.
    pub res: &'static str,
    pub route: Route,
    pub handler: Handler,
}

/// Declare a command: `command!(Store, "add_span", AddSpanReq => AddedSpan, add_span)`, where the handler
/// is `fn(&mut Store, AddSpanReq) -> Result<AddedSpan>`; the request is parsed and the answer serialised
/// here. Request/response TypeScript types are given as string literals when they are not plain names.
macro_rules! ts_type {
    ($t:literal) => {
        $t
    };
    ($t:ident) => {
        stringify!($t)
    };
}
pub(crate) use ts_type;

macro_rules! command {
    ($route:ident, $name:literal, $req:tt => $res:tt, $f:path) => {
        $crate::api::registry::Command {
            name: $name,
            req: $crate::api::registry::ts_type!($req),
            res: $crate::api::registry::ts_type!($res),
            route: $crate::api::registry::Route::$route,
            handler: $crate::api::registry::Handler::Store(|store, a| {
                $crate::api::to_json($f(store, $crate::api::args($name, a)?)?)
            }),
        }
    };
}
pub(crate) use command;

/// Declare a command answered by a module's `run(store, name, args) -> Option<Result<Value>>`, which
/// matches on the name: `by_name!(Store, "suggestions", SuggestionsReq => "Array<Suggestion>", suggest::run)`.
macro_rules! by_name {
    ($route:ident, $name:literal, $req:tt => $res:tt, $run:path) => {
        $crate::api::registry::Command {
            name: $name,
            req: $crate::api::registry::ts_type!($req),
            res: $crate::api::registry::ts_type!($res),
            route: $crate::api::registry::Route::$route,
            handler: $crate::api::registry::Handler::Store(|store, a| {
                $run(store, $name, a).unwrap_or_else(|| {
                    Err($crate::error::Error::NotFound(format!("unknown command {:?}", $name)))
                })
            }),
        }
    };
}
pub(crate) use by_name;

/// Declare a command the desktop shell implements (types only).
macro_rules! shell_command {
    ($name:literal, $req:tt => $res:tt) => {
        $crate::api::registry::Command {
            name: $name,
            req: $crate::api::registry::ts_type!($req),
            res: $crate::api::registry::ts_type!($res),
            route: $crate::api::registry::Route::Desktop,
            handler: $crate::api::registry::Handler::Shell,
        }
    };
}
pub(crate) use shell_command;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{commands, find};

    #[test]
    fn names_are_unique_and_handlers_match_routes() {
        let mut seen = std::collections::HashSet::new();
        for c in commands() {
            assert!(seen.insert(c.name), "{} is declared twice", c.name);
            let ok = matches!(
                (c.route, c.handler),
                (Route::Store | Route::Detached, Handler::Store(_))
                    | (Route::Unlocked, Handler::Unlocked(_))
                    | (Route::Desktop, Handler::Shell)
            );
            assert!(ok, "{}: its route and handler disagree", c.name);
        }
        assert!(find("add_span").is_some() && find("nope").is_none());
    }
}
