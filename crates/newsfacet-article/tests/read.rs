//! Reading every format from real files.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use newsfacet_article::{read_file, read_inputs, Article, Origin, ReadError};
use tempfile::TempDir;

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn read_all(path: &Path) -> Vec<Result<Article, ReadError>> {
    read_file(path).collect()
}

fn one(path: &Path) -> Article {
    let mut all = read_all(path);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn plain_text_title_and_body() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "story.txt",
        "\n  Talks resume in Geneva  \n\nDiplomats met on Monday\nfor a second round.\n\nNo deal yet.\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "Talks resume in Geneva");
    assert_eq!(
        a.body,
        "Diplomats met on Monday for a second round.\n\nNo deal yet."
    );
    assert_eq!(a.source, None);
    assert_eq!(a.published, None);
    assert!(a.authors.is_empty());
    assert_eq!(a.url, None);
    assert_eq!(
        a.origin,
        Origin {
            path: path.clone(),
            line: None
        }
    );
    assert!(a.id.starts_with("h:"), "{}", a.id);
}

#[test]
fn text_header_block() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "h.txt",
        "Source: Reuters\r\nDATE: 26-FEB-1987 15:01:01.79\r\nurl: https://Example.com/a/\r\n\
Author: Jane Doe\r\nAuthor: John Roe\r\n\r\nCOCOA REVIEW\r\nShowers continued.\r\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "COCOA REVIEW");
    assert_eq!(a.body, "Showers continued.");
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.published, ymd(1987, 2, 26));
    assert_eq!(a.authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(a.url.as_deref(), Some("https://Example.com/a/"));
    assert_eq!(a.id, "https://example.com/a");
}

#[test]
fn text_header_title_and_id_win() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "h.txt",
        "Title: Official headline\nID: doc-7\nPublished: February 1, 2026\n\n\
Official headline\nFirst paragraph.\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "Official headline");
    // The repeated headline is not kept as the start of the body.
    assert_eq!(a.body, "First paragraph.");
    assert_eq!(a.id, "h.txt:doc-7", "a short id is scoped by the file");
    assert_eq!(a.published, ymd(2026, 2, 1));

    let path = write(
        dir.path(),
        "h2.txt",
        "Title: Header title\n\nSome other first line.\nMore.\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "Header title");
    assert_eq!(a.body, "Some other first line. More.");
}

#[test]
fn headline_with_colon_is_not_a_header() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "m.txt",
        "Moscow: talks resume\n\nThe talks resumed on Monday.\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "Moscow: talks resume");
    assert_eq!(a.body, "The talks resumed on Monday.");

    // A known key followed by an unknown one: the whole block is text.
    let path = write(
        dir.path(),
        "m2.txt",
        "Source: briefing\nMoscow: talks resume\n\nBody.\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "Source: briefing");
    assert_eq!(a.source, None);
    assert_eq!(a.body, "Moscow: talks resume\n\nBody.");
}

#[test]
fn markdown_title() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "post.MD",
        "# **Markets rally** #\n\nStocks rose\nsharply.\n\n## Outlook\n\nCalm.\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "Markets rally");
    assert_eq!(a.body, "Stocks rose sharply.\n\n## Outlook\n\nCalm.");

    let path = write(
        dir.path(),
        "setext.md",
        "_Quiet day_\n==========\nNothing happened.\n",
    );
    let a = one(&path);
    assert_eq!(a.title, "Quiet day");
    assert_eq!(a.body, "Nothing happened.");
}

#[test]
fn text_with_only_a_title_is_fine_and_empty_file_is_an_error() {
    let dir = TempDir::new().unwrap();
    let a = one(&write(dir.path(), "t.txt", "Just a headline\n"));
    assert_eq!(a.title, "Just a headline");
    assert_eq!(a.body, "");

    let path = write(dir.path(), "notes.txt", " \n\n");
    let errs = read_all(&path);
    assert_eq!(errs.len(), 1);
    let e = errs.into_iter().next().unwrap().unwrap_err();
    assert!(matches!(e, ReadError::Empty { .. }));
    assert_eq!(e.to_string(), format!("{}: file is empty", path.display()));
    assert_eq!(e.reason(), "empty file");

    // A header and nothing else has no text.
    let path = write(dir.path(), "hdr.txt", "Source: AP\n\n\n");
    let e = read_all(&path).remove(0).unwrap_err();
    assert!(matches!(e, ReadError::NoText { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!("{}: no title and no body text", path.display())
    );
}

#[test]
fn windows_1252_text() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "w.txt",
        b"Caf\xe9 society\n\x93Quoted\x94 caf\xe9.\n".as_slice(),
    );
    let a = one(&path);
    assert_eq!(a.title, "Café society");
    assert_eq!(a.body, "\u{201C}Quoted\u{201D} café.");
    assert!(!a.body.contains('\u{FFFD}'));
}

#[test]
fn utf8_bom_is_stripped() {
    let dir = TempDir::new().unwrap();
    let a = one(&write(
        dir.path(),
        "b.txt",
        b"\xEF\xBB\xBFTitle\nBody.\n".as_slice(),
    ));
    assert_eq!(a.title, "Title");
    let a = one(&write(
        dir.path(),
        "b.jsonl",
        b"\xEF\xBB\xBF{\"title\": \"T\"}\n".as_slice(),
    ));
    assert_eq!(a.title, "T");
}

#[test]
fn json_single_object() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "a.json",
        r#"{
            "headline": "Rates  rise",
            "articleBody": "The bank raised rates.\n\nMarkets fell.",
            "publisher": {"@type": "Organization", "name": "BBC"},
            "datePublished": "2026-02-02T10:00:00+00:00",
            "author": [{"@type": "Person", "name": "Ann Lee"}, "Bo Chan", "Ann Lee"],
            "canonical_url": "https://www.bbc.co.uk/news/1?utm_source=rss",
            "extra": [1, 2, 3]
        }"#,
    );
    let a = one(&path);
    assert_eq!(a.title, "Rates rise");
    assert_eq!(a.body, "The bank raised rates.\n\nMarkets fell.");
    assert_eq!(a.source.as_deref(), Some("BBC"));
    assert_eq!(a.published, ymd(2026, 2, 2));
    assert_eq!(a.authors, vec!["Ann Lee", "Bo Chan"]);
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.bbc.co.uk/news/1?utm_source=rss")
    );
    assert_eq!(a.id, "https://www.bbc.co.uk/news/1");
    assert_eq!(a.origin, Origin { path, line: None });
}

#[test]
fn json_array_with_bad_elements() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "file.json",
        r#"[
            {"newid": 1, "title": "BAHIA COCOA REVIEW", "body": "Showers continued.\n Reuter\n&#3;",
             "date": "26-FEB-1987 15:01:01.79"},
            {"title": "", "text": "   "},
            42,
            {"title": "Fourth", "source": {"id": null, "name": "Reuters"}}
        ]"#,
    );
    let all = read_all(&path);
    assert_eq!(all.len(), 4);

    let a = all[0].as_ref().unwrap();
    // A feed's own record number is scoped by the file it numbers records in.
    assert_eq!(a.id, "file.json:1");
    assert_eq!(a.title, "BAHIA COCOA REVIEW");
    assert_eq!(a.body, "Showers continued.");
    assert_eq!(a.published, ymd(1987, 2, 26));
    assert_eq!(a.origin.line, None);

    let e = all[1].as_ref().unwrap_err();
    assert!(matches!(e, ReadError::NoText { .. }));
    assert_eq!(e.element(), Some(2));
    assert_eq!(
        e.to_string(),
        format!("{}: element 2: no title and no body text", path.display())
    );

    let e = all[2].as_ref().unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: element 3: not an article: expected a JSON object, found a number",
            path.display()
        )
    );
    assert_eq!(e.reason(), "not an article");
    assert_eq!(e.path(), path);

    let a = all[3].as_ref().unwrap();
    assert_eq!(a.title, "Fourth");
    assert_eq!(a.source.as_deref(), Some("Reuters"));
}

#[test]
fn json_syntax_error_names_line() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "bad.json",
        "{\n  \"title\": \"x\",\n  \"body\": \n}\n",
    );
    let all = read_all(&path);
    assert_eq!(all.len(), 1);
    let e = all[0].as_ref().unwrap_err();
    assert!(matches!(e, ReadError::Json { .. }));
    assert_eq!(e.line(), Some(4));
    assert_eq!(
        e.to_string(),
        format!(
            "{}:4: invalid JSON: expected value at column 1",
            path.display()
        )
    );
    assert_eq!(e.reason(), "invalid json");
}

#[test]
fn json_scalar_document_is_not_an_article() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "s.json", "\"just a string\"");
    let e = read_all(&path).remove(0).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: not an article: expected a JSON object, found a string",
            path.display()
        )
    );
}

#[test]
fn newsapi_response_wrapper() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "newsapi.json",
        r#"{"status": "ok", "totalResults": 2, "articles": [
            {"source": {"id": "reuters", "name": "Reuters"}, "author": null,
             "title": "One", "description": "Desc one.", "url": "https://r.com/1",
             "publishedAt": "2026-02-01T08:00:00Z", "content": "Content one."},
            {"source": {"id": null, "name": "AP"}, "title": "Two", "url": "https://ap.org/2"}
        ]}"#,
    );
    let all: Vec<Article> = read_all(&path).into_iter().map(Result::unwrap).collect();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].title, "One");
    assert_eq!(all[0].body, "Content one.");
    assert_eq!(all[0].source.as_deref(), Some("Reuters"));
    assert_eq!(all[0].published, ymd(2026, 2, 1));
    assert!(all[0].authors.is_empty());
    assert_eq!(all[1].id, "https://ap.org/2");
    assert_eq!(all[1].source.as_deref(), Some("AP"));
}

#[test]
fn jsonl_streams_and_reports_bad_lines() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        "{\"id\": \"a1\", \"title\": \"First\", \"maintext\": \"One.\", \"source_domain\": \"example.com\", \"date_publish\": \"2026-02-02 10:00:00\"}\n\
\n\
{\"title\": oops}\n\
[1, 2]\n\
{\"uuid\": \"c3\", \"title\": \"Third\", \"authors\": [\"X Y\"]}\r\n\
{}\n\
{\"title\": \"Last\", \"timestamp\": 1770026400}",
    );
    let all = read_all(&path);
    assert_eq!(all.len(), 6, "{all:?}");

    let a = all[0].as_ref().unwrap();
    assert_eq!(
        a.id, "example.com:a1",
        "a short record id is scoped by the source"
    );
    assert_eq!(a.title, "First");
    assert_eq!(a.body, "One.");
    assert_eq!(a.source.as_deref(), Some("example.com"));
    assert_eq!(a.published, ymd(2026, 2, 2));
    assert_eq!(
        a.origin,
        Origin {
            path: path.clone(),
            line: Some(1)
        }
    );

    // Line 2 is blank and skipped silently; line 3 is malformed.
    let e = all[1].as_ref().unwrap_err();
    assert_eq!(e.line(), Some(3));
    assert_eq!(
        e.to_string(),
        format!(
            "{}:3: invalid JSON: expected value at column 11",
            path.display()
        )
    );

    let e = all[2].as_ref().unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:4: not an article: expected a JSON object, found an array",
            path.display()
        )
    );

    let a = all[3].as_ref().unwrap();
    assert_eq!(a.id, "a.jsonl:c3");
    assert_eq!(a.authors, vec!["X Y"]);
    assert_eq!(a.origin.line, Some(5));

    // `{}` on line 6 has no text; reading went on to line 7.
    let e = all[4].as_ref().unwrap_err();
    assert!(
        matches!(e, ReadError::NoText { line: Some(6), .. }),
        "{e:?}"
    );
    let last = all[5].as_ref().unwrap();
    assert_eq!(last.title, "Last");
    assert_eq!(last.published, ymd(2026, 2, 2));
    assert_eq!(last.origin.line, Some(7));
}

#[test]
fn jsonl_counts_every_line() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "b.ndjson",
        "{\"title\": \"a\"}\n{}\n{\"title\": \"c\"}\n",
    );
    let all = read_all(&path);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].as_ref().unwrap().origin.line, Some(1));
    let e = all[1].as_ref().unwrap_err();
    assert!(matches!(e, ReadError::NoText { line: Some(2), .. }));
    assert_eq!(
        e.to_string(),
        format!("{}:2: no title and no body text", path.display())
    );
    assert_eq!(all[2].as_ref().unwrap().origin.line, Some(3));
}

#[test]
fn jsonl_windows_1252_line() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "w.jsonl",
        b"{\"title\": \"ok\"}\n{\"title\": \"caf\xe9\", \"body\": \"na\xefve\"}\n".as_slice(),
    );
    let all = read_all(&path);
    assert_eq!(all[0].as_ref().unwrap().title, "ok");
    let a = all[1].as_ref().unwrap();
    assert_eq!(a.title, "café");
    assert_eq!(a.body, "naïve");
}

#[test]
fn empty_jsonl_is_reported() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "e.jsonl", "\n\n");
    let all = read_all(&path);
    assert_eq!(all.len(), 1);
    assert!(matches!(all[0], Err(ReadError::Empty { .. })));
}

#[test]
fn json_lines_under_a_json_name() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "dump.json",
        "{\"title\": \"a\"}\n{\"title\": \"b\"}\n",
    );
    let all: Vec<Article> = read_all(&path).into_iter().map(Result::unwrap).collect();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].title, "b");
    assert_eq!(all[1].origin.line, Some(2));
}

#[test]
fn unreadable_file_is_one_io_error() {
    let dir = TempDir::new().unwrap();
    for name in ["missing.jsonl", "missing.txt", "missing.json"] {
        let path = dir.path().join(name);
        let all = read_all(&path);
        assert_eq!(all.len(), 1);
        let e = all[0].as_ref().unwrap_err();
        assert!(matches!(e, ReadError::Io { .. }));
        assert_eq!(e.path(), path);
        assert!(e.to_string().starts_with(&format!("{}: ", path.display())));
        assert_eq!(e.reason(), "io error");
    }
    let all = read_all(Path::new("paper.pdf"));
    assert!(matches!(all[..], [Err(ReadError::Unsupported { .. })]));
}

#[test]
fn ids_are_stable_and_independent_of_directory() {
    let dir = TempDir::new().unwrap();
    let text = "Same headline\nSame body.\n";
    let a = write(dir.path(), "x/story.txt", text);
    let b = write(dir.path(), "y/z/story.txt", text);
    let c = write(dir.path(), "x/other.txt", text);
    let first = one(&a).id;
    assert!(first.starts_with("h:") && first.len() == 18, "{first}");
    assert_eq!(one(&a).id, first, "re-reading gives the same id");
    assert_eq!(one(&b).id, first, "directory is not part of the id");
    assert_ne!(one(&c).id, first, "file name is");
    // Relative and `./` spellings of the same file.
    let dotted = dir.path().join("x/./story.txt");
    assert_eq!(one(&dotted).id, first);

    let jsonl = write(
        dir.path(),
        "j.jsonl",
        "{\"title\": \"T\", \"body\": \"B\"}\n{\"title\": \"T\", \"body\": \"B\", \"url\": \"HTTP://Ex.com/p/#c\"}\n",
    );
    let ids1: Vec<String> = read_all(&jsonl)
        .into_iter()
        .map(|r| r.unwrap().id)
        .collect();
    let ids2: Vec<String> = read_all(&jsonl)
        .into_iter()
        .map(|r| r.unwrap().id)
        .collect();
    assert_eq!(ids1, ids2);
    assert_eq!(ids1[1], "http://ex.com/p");
}

#[test]
fn read_inputs_reports_bad_paths_and_reads_the_rest() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "corpus/b.txt", "B title\nB body.\n");
    write(
        dir.path(),
        "corpus/a.jsonl",
        "{\"title\": \"A1\"}\n{\"title\": \"A2\"}\n",
    );
    write(dir.path(), "corpus/README", "not an article");
    let missing = dir.path().join("nope");
    let results: Vec<_> = read_inputs(&[dir.path().join("corpus"), missing.clone()]).collect();
    assert_eq!(results.len(), 4);
    let e = results[0].as_ref().unwrap_err();
    assert!(matches!(e, ReadError::Io { .. }));
    assert_eq!(e.path(), missing);
    let titles: Vec<&str> = results[1..]
        .iter()
        .map(|r| r.as_ref().unwrap().title.as_str())
        .collect();
    assert_eq!(titles, vec!["A1", "A2", "B title"]);
}

#[test]
fn iterators_can_move_to_other_threads() {
    fn assert_send<T: Send + 'static>(t: T) -> T {
        t
    }
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "t.jsonl",
        "{\"title\": \"a\"}\n{\"title\": \"b\"}\n",
    );
    let iter = assert_send(read_file(&path));
    let titles = std::thread::spawn(move || iter.map(|r| r.unwrap().title).collect::<Vec<_>>())
        .join()
        .unwrap();
    assert_eq!(titles, vec!["a", "b"]);
    let inputs = assert_send(read_inputs(&[path]));
    assert_eq!(inputs.count(), 2);
}

#[test]
fn a_title_part_a_site_repeats_across_its_pages_is_stripped_when_reading_a_corpus() {
    let dir = TempDir::new().unwrap();
    let story = "<p>The council met on Tuesday evening and approved the plan after a long \
debate about costs, schools and roads in the valley.</p>";
    for (file, headline) in [
        ("1.html", "Council approves budget"),
        ("2.html", "Mill to close in May"),
        ("3.html", "School opens new wing"),
    ] {
        let page = format!(
            "<html><head><title>{headline} | Voice of the Valley</title>\
<link rel=\"canonical\" href=\"https://www.valley-herald.com/news/{file}\"></head>\
<body><article>{story}</article></body></html>"
        );
        write(dir.path(), &format!("site/{file}"), &page);
    }
    let titles: Vec<String> = read_inputs(&[dir.path().join("site")])
        .map(|r| r.unwrap().title)
        .collect();
    assert_eq!(
        titles,
        [
            "Council approves budget",
            "Mill to close in May",
            "School opens new wing"
        ]
    );
    // One page read alone has no other pages to learn from.
    let alone = read_file(&dir.path().join("site/1.html"))
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(alone.title, "Council approves budget | Voice of the Valley");
}

#[test]
fn binary_files_are_reported_by_content_whatever_their_name() {
    let dir = TempDir::new().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
            "image/png",
        ),
        (
            "archive.html",
            b"PK\x03\x04\x14\0\0\0\x08\0abc",
            "application/zip",
        ),
        (
            "noise.txt",
            &[0x13, 0x00, 0xF7, 0x42, 0x00, 0x9C, 0x01],
            "NUL bytes",
        ),
        (
            "feed.jsonl",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\n{\"title\":1}\n",
            "image/png",
        ),
    ];
    for (name, bytes, kind) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let results: Vec<_> = read_file(&path).collect();
        assert_eq!(results.len(), 1, "{name}: one error, not one per line");
        let error = results[0].as_ref().unwrap_err();
        assert!(matches!(error, ReadError::Binary { .. }), "{name}: {error}");
        assert_eq!(error.reason(), "binary file");
        let message = error.to_string();
        assert!(
            message.contains(name) && message.contains(kind),
            "{message}"
        );
    }
    // Text in a legacy encoding is still text.
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Caf\xE9 talks\n\nThe caf\xE9 reopened on Monday.").unwrap();
    assert!(read_file(&path).next().unwrap().is_ok());
}

#[test]
fn files_and_records_over_the_size_limit_are_skipped_with_the_limit_named() {
    use newsfacet_article::{read_file_with, ReadLimits};
    let dir = TempDir::new().unwrap();
    let limits = ReadLimits { max_bytes: 64 };
    let big = write(
        dir.path(),
        "big.txt",
        format!("Title\n\n{}", "word ".repeat(40)),
    );
    let results: Vec<_> = read_file_with(&big, limits).collect();
    assert_eq!(results.len(), 1);
    let error = results[0].as_ref().unwrap_err();
    assert!(
        matches!(error, ReadError::TooLarge { line: None, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("--max-file-size"), "{error}");
    // In a feed only the long record is skipped; the records after it are read.
    let long = format!("{{\"title\": \"Long\", \"text\": \"{}\"}}", "x".repeat(200));
    let feed = write(
        dir.path(),
        "feed.jsonl",
        format!("{{\"title\": \"A\"}}\n{long}\n{{\"title\": \"B\"}}\n"),
    );
    let results: Vec<_> = read_file_with(&feed, limits).collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().unwrap().title, "A");
    let error = results[1].as_ref().unwrap_err();
    assert!(
        matches!(error, ReadError::TooLarge { line: Some(2), .. }),
        "{error}"
    );
    assert!(error.to_string().contains("feed.jsonl:2"), "{error}");
    assert_eq!(results[2].as_ref().unwrap().title, "B");
    assert_eq!(results[2].as_ref().unwrap().origin.line, Some(3));
    // The default limit reads them all.
    assert_eq!(read_file(&feed).filter(Result::is_ok).count(), 3);
}
