//! doccano's grapheme mode: offsets that count grapheme clusters as doccano's editor splits them.
//!
//! doccano 1.8 (its v-annotator) splits text with the `grapheme-splitter` JavaScript package, which
//! implements the Unicode 10 rules: flags (regional-indicator pairs), harakat with their letter,
//! `\r\n`, keycaps and tag sequences are one cluster, as today; but a zero-width joiner glues only the
//! handful of Unicode 10 emoji that followed it then (👨‍👩‍👧 is one cluster, 🐈‍⬛ and 🧑‍🤝‍🧑 are not),
//! a skin tone joins only a Unicode 10 emoji base, and Indic conjuncts are not one cluster. These
//! boundaries are today's extended grapheme clusters with exactly those three differences undone.

use unicode_segmentation::UnicodeSegmentation;

/// Unicode 10 `Glue_After_Zwj` and `E_Base_GAZ`: what a ZWJ joins in doccano's splitter.
const GLUE_AFTER_ZWJ: &[(u32, u32)] = &[
    (0x2640, 0x2640),
    (0x2642, 0x2642),
    (0x2695, 0x2696),
    (0x2708, 0x2708),
    (0x2764, 0x2764),
    (0x1F308, 0x1F308),
    (0x1F33E, 0x1F33E),
    (0x1F373, 0x1F373),
    (0x1F393, 0x1F393),
    (0x1F3A4, 0x1F3A4),
    (0x1F3A8, 0x1F3A8),
    (0x1F3EB, 0x1F3EB),
    (0x1F3ED, 0x1F3ED),
    (0x1F466, 0x1F469),
    (0x1F48B, 0x1F48B),
    (0x1F4BB, 0x1F4BC),
    (0x1F527, 0x1F527),
    (0x1F52C, 0x1F52C),
    (0x1F5E8, 0x1F5E8),
    (0x1F680, 0x1F680),
    (0x1F692, 0x1F692),
];

/// Unicode 10 `E_Base` and `E_Base_GAZ`: what a skin-tone modifier joins in doccano's splitter.
const EMOJI_BASE: &[(u32, u32)] = &[
    (0x261D, 0x261D),
    (0x26F9, 0x26F9),
    (0x270A, 0x270D),
    (0x1F385, 0x1F385),
    (0x1F3C2, 0x1F3C4),
    (0x1F3C7, 0x1F3C7),
    (0x1F3CA, 0x1F3CC),
    (0x1F442, 0x1F443),
    (0x1F446, 0x1F450),
    (0x1F466, 0x1F469),
    (0x1F46E, 0x1F46E),
    (0x1F470, 0x1F478),
    (0x1F47C, 0x1F47C),
    (0x1F481, 0x1F483),
    (0x1F485, 0x1F487),
    (0x1F4AA, 0x1F4AA),
    (0x1F574, 0x1F575),
    (0x1F57A, 0x1F57A),
    (0x1F590, 0x1F590),
    (0x1F595, 0x1F596),
    (0x1F645, 0x1F647),
    (0x1F64B, 0x1F64F),
    (0x1F6A3, 0x1F6A3),
    (0x1F6B4, 0x1F6B6),
    (0x1F6C0, 0x1F6C0),
    (0x1F6CC, 0x1F6CC),
    (0x1F918, 0x1F91C),
    (0x1F91E, 0x1F91F),
    (0x1F926, 0x1F926),
    (0x1F930, 0x1F939),
    (0x1F93D, 0x1F93E),
    (0x1F9D1, 0x1F9DD),
];

/// Indic viramas that today's rules (Unicode 15.1, GB9c) let join a following consonant.
const LINKERS: &[u32] = &[0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D];

const ZWJ: char = '\u{200D}';

fn listed(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

fn is_modifier(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// A character that extends the one before it in both rule sets (marks, selectors, keycap, tags).
fn is_extend(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x08D3..=0x08FF | 0x200C | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// An Indic consonant in the block of `linker` (the layout all the main Indic blocks share).
fn is_consonant_after(linker: char, c: char) -> bool {
    let base = (linker as u32) & !0x7F;
    let (c, off) = (c as u32, (c as u32).wrapping_sub(base));
    c & !0x7F == base && matches!(off, 0x15..=0x39 | 0x58..=0x5F | 0x78..=0x7F)
}

/// Does doccano's splitter break between `prev` (with `base`, the last non-extending character
/// before it) and `c`, inside what today's rules call one cluster?
fn breaks_inside(base: char, prev: char, c: char) -> bool {
    (prev == ZWJ && !is_extend(c) && !listed(GLUE_AFTER_ZWJ, c))
        || (is_modifier(c) && !listed(EMOJI_BASE, base))
        || (LINKERS.contains(&(prev as u32)) && is_consonant_after(prev, c))
}

/// Code-point offsets at which each of doccano's grapheme clusters starts, then the text's length:
/// grapheme offset `g` is code point `starts[g]`.
pub fn doccano_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut cp = 0usize;
    let mut last: Option<char> = None;
    for g in text.graphemes(true) {
        let mut chars = g.chars();
        let Some(first) = chars.next() else { continue };
        // A ZWJ at the end of the previous cluster glues a Unicode 10 emoji in doccano's splitter,
        // whatever came before the ZWJ.
        let glued = last == Some(ZWJ) && listed(GLUE_AFTER_ZWJ, first);
        if !glued {
            starts.push(cp);
        }
        cp += 1;
        let (mut base, mut prev) = (first, first);
        for c in chars {
            if breaks_inside(base, prev, c) {
                starts.push(cp);
            }
            if !is_extend(c) {
                base = c;
            }
            prev = c;
            cp += 1;
        }
        last = Some(prev);
    }
    starts.push(cp);
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clusters `grapheme-splitter` 1.0.4 (the splitter in doccano 1.8.4's web bundle) gives,
    /// run once under Node on these strings, as code points in hex.
    const SPLITTER: &[(&str, &[&str])] = &[
        ("🇸🇦🇪🇬", &["1f1f8 1f1e6", "1f1ea 1f1ec"]),
        ("👍🏽", &["1f44d 1f3fd"]),
        ("👨‍👩‍👧", &["1f468 200d 1f469 200d 1f467"]),
        ("🧑‍🤝‍🧑", &["1f9d1 200d", "1f91d 200d", "1f9d1"]),
        ("🐈‍⬛", &["1f408 200d", "2b1b"]),
        ("❤️‍🔥", &["2764 fe0f 200d", "1f525"]),
        ("🏳️‍🌈", &["1f3f3 fe0f 200d 1f308"]),
        ("👩🏽‍💻", &["1f469 1f3fd 200d 1f4bb"]),
        ("مُحَمَّد", &["645 64f", "62d 64e", "645 64e 651", "62f"]),
        ("a\r\nb", &["61", "d a", "62"]),
        ("\u{600}١٢", &["600 661", "662"]),
        ("क्षि", &["915 94d", "937 93f"]),
        ("1️⃣", &["31 fe0f 20e3"]),
        ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", &["1f3f4 e0067 e0062 e0073 e0063 e0074 e007f"]),
        ("ـّ", &["640 651"]),
        ("لا", &["644", "627"]),
        ("ل\u{200d}ا", &["644 200d", "627"]),
        ("ل\u{200c}ا", &["644 200c", "627"]),
        ("a\u{200f}b", &["61", "200f", "62"]),
        ("a🏽", &["61", "1f3fd"]),
        ("🇸🇦🇪", &["1f1f8 1f1e6", "1f1ea"]),
        ("한글", &["d55c", "ae00"]),
        ("กำ", &["e01 e33"]),
    ];

    #[test]
    fn clusters_match_doccanos_splitter() {
        for (text, want) in SPLITTER {
            let starts = doccano_starts(text);
            let chars: Vec<char> = text.chars().collect();
            let got: Vec<String> = starts
                .windows(2)
                .map(|w| {
                    chars[w[0]..w[1]]
                        .iter()
                        .map(|c| format!("{:x}", *c as u32))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }
}
