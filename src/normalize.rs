//! Arabic normalisation shared by search, "all occurrences", entity matching and the clitic model:
//! harakat, tatweel and direction marks dropped, أ/إ/آ/ٱ → ا, ى → ي, ة → ه, Latin lower-cased. Pure.

/// Letters and marks normalised away or together; the same rules serve search and "all occurrences".
pub fn normalize_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None, // harakat, superscript alef, tatweel
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}' => None, // zero-width and direction marks
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        c => Some(c),
    }
}

/// `text` with every character normalised (see [`normalize_char`]), Latin lower-cased.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter_map(normalize_char) {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The words of normalised text (letters and digits), in order.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}
