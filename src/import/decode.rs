//! Byte decoding for imported files: UTF-8 (with or without BOM), UTF-16 with BOM, and the
//! legacy Arabic code page Windows-1256, detected. The text is kept exactly as decoded.

/// Text decoded from a file, and the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why a file could not be decoded: the line of the first bad byte and a reason.
pub type DecodeError = (usize, String);

/// Decode a file's bytes, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, "UTF-8 with BOM");
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (enc, name) = if bytes[0] == 0xFF {
            (encoding_rs::UTF_16LE, "UTF-16LE")
        } else {
            (encoding_rs::UTF_16BE, "UTF-16BE")
        };
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
        if had_errors {
            return Err((
                1,
                format!("not valid {name} (an odd byte count or a broken surrogate pair)"),
            ));
        }
        return Ok(Decoded { text: text.into_owned(), encoding: name });
    }
    match utf8(bytes, "UTF-8") {
        Ok(d) => Ok(d),
        Err(utf8_err) => windows_1256(bytes).ok_or(utf8_err),
    }
}

fn utf8(bytes: &[u8], name: &'static str) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(Decoded { text: t.to_string(), encoding: name }),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err((
                line,
                format!("not valid UTF-8 (bad byte at offset {at}), and it does not read as Arabic Windows-1256 either"),
            ))
        }
    }
}

/// Decode a file whose ASCII is mostly structure (HTML markup, CSV headers and URLs): as [`decode`],
/// but Windows-1256 is accepted when most of its non-ASCII letters are Arabic, and an HTML page's
/// declared `charset` is honoured.
pub fn decode_structured(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let err = match decode(bytes) {
        Ok(d) if d.encoding != "Windows-1256" => return Ok(d),
        Ok(guess) => return Ok(declared(bytes).unwrap_or(guess)),
        Err(e) => e,
    };
    if let Some(d) = declared(bytes) {
        return Ok(d);
    }
    let (text, _, had_errors) = encoding_rs::WINDOWS_1256.decode(bytes);
    let beyond_ascii: Vec<char> =
        text.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()).collect();
    let arabic = beyond_ascii.iter().filter(|c| ('\u{0600}'..='\u{06FF}').contains(*c)).count();
    if !had_errors && arabic >= 10 && arabic * 10 >= beyond_ascii.len() * 9 {
        return Ok(Decoded { text: text.into_owned(), encoding: "Windows-1256" });
    }
    Err(err)
}

/// The `charset` an HTML page declares in its first 2 kB, if the bytes decode in it without error.
fn declared(bytes: &[u8]) -> Option<Decoded> {
    let head: String = bytes.iter().take(2048).map(|&b| (b as char).to_ascii_lowercase()).collect();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _, had_errors) = enc.decode(bytes);
    let name = if enc == encoding_rs::WINDOWS_1256 { "Windows-1256" } else { enc.name() };
    (!had_errors).then(|| Decoded { text: text.into_owned(), encoding: name })
}

/// Is this UTF-8 with a few broken bytes, rather than another encoding? Windows-1256 Arabic almost
/// never forms valid multi-byte UTF-8 sequences, so many valid ones against few bad bytes means
/// UTF-8 that is damaged: report it, do not read it as Windows-1256.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    multibyte > 4 * bad
}

/// Accept Windows-1256 only when the bytes are not damaged UTF-8 and the result really reads as
/// Arabic: most letters Arabic.
fn windows_1256(bytes: &[u8]) -> Option<Decoded> {
    if mostly_utf8(bytes) {
        return None;
    }
    let (text, _, had_errors) = encoding_rs::WINDOWS_1256.decode(bytes);
    if had_errors {
        return None;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let arabic = text.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).count();
    (letters > 0 && arabic * 2 >= letters)
        .then(|| Decoded { text: text.into_owned(), encoding: "Windows-1256" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        let arabic = "خبر عن الرباط 2025\r\nسطر ثانٍ";
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (arabic.as_bytes().to_vec(), "UTF-8"),
            ([b"\xEF\xBB\xBF".as_slice(), arabic.as_bytes()].concat(), "UTF-8 with BOM"),
            (
                [vec![0xFF, 0xFE], arabic.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()]
                    .concat(),
                "UTF-16LE",
            ),
            (
                [vec![0xFE, 0xFF], arabic.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()]
                    .concat(),
                "UTF-16BE",
            ),
            (encoding_rs::WINDOWS_1256.encode(arabic).0.into_owned(), "Windows-1256"),
        ];
        for (bytes, want) in cases {
            let d = decode(&bytes).unwrap_or_else(|e| panic!("{want}: {e:?}"));
            assert_eq!((d.text.as_str(), d.encoding), (arabic, want));
        }
    }

    #[test]
    fn structured_files_read_as_windows_1256_despite_their_ascii() {
        let csv = "title,text,url\nعنوان الخبر,نص الخبر عن الرباط,https://example.org/some/long/path/to/the/article?id=1234567890\n";
        let bytes = encoding_rs::WINDOWS_1256.encode(csv).0.into_owned();
        assert!(decode(&bytes).is_err(), "more Latin than Arabic letters");
        assert_eq!(
            decode_structured(&bytes).map(|d| (d.text, d.encoding)),
            Ok((csv.to_string(), "Windows-1256"))
        );
        let page = "<html><head><meta charset=\"iso-8859-6\"></head><body><p>خبر طويل عن الرباط والرياض وعمان</p></body></html>";
        let bytes = encoding_rs::ISO_8859_6.encode(page).0.into_owned();
        assert_eq!(decode_structured(&bytes).map(|d| d.text), Ok(page.to_string()));
        assert!(
            decode_structured(b"caf\xe9 cr\xe8me br\xfbl\xe9e").is_err(),
            "Latin-1 French is not Arabic"
        );
    }

    #[test]
    fn damaged_utf8_arabic_is_refused_not_read_as_windows_1256() {
        let line = "خبر عن الرباط يوم الأحد\n".repeat(3);
        let err = decode(&[line.as_bytes(), b"\xff", line.as_bytes()].concat())
            .expect_err("damaged UTF-8");
        assert_eq!(err.0, 4);
    }

    #[test]
    fn latin_bytes_that_are_not_utf8_are_refused_with_their_line() {
        let err = decode(b"line one\nbad \xff byte\n").expect_err("not Arabic");
        assert_eq!(err.0, 2);
        assert!(err.1.contains("not valid UTF-8"));
        assert!(decode(b"\xFF\xFE\x41").is_err(), "odd UTF-16 byte count");
    }
}
