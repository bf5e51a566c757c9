//! Telling binary files from text by their content, whatever their name says: an image or an
//! archive renamed `.txt` is not an article, and tagging its bytes would invent entities.

/// How much of a file's start is looked at.
pub(crate) const SNIFF_BYTES: usize = 8192;

/// What binary content `head` (the first bytes of a file, after decompression) is, or `None`
/// for text. A known binary format is named by its magic bytes ("image/png"); other content
/// with a NUL byte is binary, as ripgrep and git judge it. Text with a UTF-16 or UTF-32
/// byte-order mark holds NUL bytes and is still text.
pub(crate) fn binary_kind(head: &[u8]) -> Option<String> {
    let head = &head[..head.len().min(SNIFF_BYTES)];
    const TEXT_MARKS: [&[u8]; 3] = [b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];
    if TEXT_MARKS.iter().any(|mark| head.starts_with(mark)) {
        return None;
    }
    if let Some(kind) = infer::get(head) {
        if kind.matcher_type() != infer::MatcherType::Text {
            return Some(kind.mime_type().to_string());
        }
    }
    head.contains(&0)
        .then(|| "binary data (NUL bytes)".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_archives_and_nul_bytes_are_binary() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(binary_kind(png).as_deref(), Some("image/png"));
        let zip = b"PK\x03\x04\x14\0\0\0\x08\0";
        assert_eq!(binary_kind(zip).as_deref(), Some("application/zip"));
        let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
        assert_eq!(binary_kind(pdf).as_deref(), Some("application/pdf"));
        let random = [0x13u8, 0x00, 0xF7, 0x42, 0x00, 0x9C];
        assert_eq!(
            binary_kind(&random).as_deref(),
            Some("binary data (NUL bytes)")
        );
    }

    #[test]
    fn text_in_any_encoding_is_text() {
        assert_eq!(binary_kind(b"Talks resume\n\nMOSCOW (Reuters) - ..."), None);
        assert_eq!(binary_kind("Café au lait, déjà vu".as_bytes()), None);
        assert_eq!(binary_kind(b"Caf\xE9 au lait (Windows-1252)"), None);
        assert_eq!(
            binary_kind(b"<!DOCTYPE html><html><body>x</body></html>"),
            None
        );
        assert_eq!(binary_kind(b"{\"title\": \"x\"}\n"), None);
        // UTF-16 with its byte-order mark.
        assert_eq!(binary_kind(b"\xFF\xFEh\0i\0"), None);
        assert_eq!(binary_kind(b""), None);
    }
}
