//! Property tests of offset conversion (src/text.rs): code points ↔ UTF-16, slicing, grapheme
//! boundaries and span checks, `CharIndex` against a full scan. `PROPTEST_CASES=100000` for a long run.

use crate::fuzz;

use std::time::Duration;

use hashiya::text::{self, CharIndex};
use proptest::prelude::*;

fn utf16_len(t: &str) -> usize {
    t.encode_utf16().count()
}

proptest! {
    #![proptest_config(fuzz::config(512))]

    #[test]
    fn code_points_and_utf16_round_trip(t in fuzz::tricky(60)) {
        fuzz::bounded(Duration::from_secs(5), move || {
            let chars: Vec<char> = t.chars().collect();
            assert_eq!(text::cp_len(&t), chars.len());
            let mut u = 0;
            for (cp, c) in chars.iter().enumerate() {
                assert_eq!(text::cp_to_utf16(&t, cp), Some(u), "{t:?} cp {cp}");
                assert_eq!(text::utf16_to_cp(&t, u), Some(cp), "{t:?} u16 {u}");
                if c.len_utf16() == 2 {
                    assert_eq!(text::utf16_to_cp(&t, u + 1), None, "{t:?}: inside a surrogate pair");
                }
                u += c.len_utf16();
            }
            assert_eq!(u, utf16_len(&t));
            assert_eq!(text::cp_to_utf16(&t, chars.len()), Some(u));
            assert_eq!(text::utf16_to_cp(&t, u), Some(chars.len()));
            assert_eq!(text::cp_to_utf16(&t, chars.len() + 1), None);
            assert_eq!(text::utf16_to_cp(&t, u + 1), None);
        });
    }

    #[test]
    fn slicing_agrees_with_python_semantics(t in fuzz::tricky(60), a in 0usize..70, b in 0usize..70) {
        fuzz::bounded(Duration::from_secs(5), move || {
            let chars: Vec<char> = t.chars().collect();
            let want: Option<String> = (a <= b && b <= chars.len()).then(|| chars[a..b].iter().collect());
            assert_eq!(text::slice_cp(&t, a, b).map(str::to_string), want, "{t:?} [{a},{b})");
            let idx = CharIndex::new(&t);
            assert_eq!(idx.len(), chars.len());
            assert_eq!(idx.slice(a, b).map(str::to_string), want, "CharIndex {t:?} [{a},{b})");
            if let (Some(ua), Some(ub)) = (text::cp_to_utf16(&t, a), text::cp_to_utf16(&t, b)) {
                if a <= b {
                    assert_eq!(text::slice_utf16(&t, ua, ub), want, "utf16 {t:?} [{a},{b})");
                }
            }
        });
    }

    #[test]
    fn char_index_agrees_with_the_full_scan(t in fuzz::tricky(60), a in 0usize..70, b in 0usize..70) {
        fuzz::bounded(Duration::from_secs(5), move || {
            let idx = CharIndex::new(&t);
            let bounds = text::edges(&t);
            let len = idx.len();
            assert_eq!(bounds.first(), Some(&0));
            assert_eq!(bounds.last(), Some(&len));
            for cp in 0..=len + 1 {
                assert_eq!(idx.is_edge(cp), bounds.contains(&cp), "{t:?} at {cp}");
            }
            let ok = a < b && b <= len && bounds.contains(&a) && bounds.contains(&b);
            assert_eq!(idx.check_span(a, b).is_ok(), ok, "{t:?} [{a},{b})");
            assert_eq!(text::check_span(&t, a, b), idx.check_span(a, b));
            // A cluster never splits \r\n, or an Arabic letter from its harakat.
            let chars: Vec<char> = t.chars().collect();
            for &cp in bounds.iter().filter(|&&cp| cp > 0 && cp < len) {
                assert!(!(chars[cp - 1] == '\r' && chars[cp] == '\n'), "{t:?}: \\r\\n split at {cp}");
                let haraka = ('\u{064B}'..='\u{0652}').contains(&chars[cp]);
                let letter = ('\u{0621}'..='\u{064A}').contains(&chars[cp - 1]);
                assert!(!(haraka && letter), "{t:?}: a haraka is cut from its letter at {cp}");
            }
        });
    }
}
