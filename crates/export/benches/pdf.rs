//! Kickoff PDF of a complete core + SEO brief (every question answered, tables included).
//!
//! - `cargo bench -p deepbrief-export --bench pdf` — warm renders (criterion).
//! - `DEEPBRIEF_BENCH_FIRST=1 cargo bench -p deepbrief-export --bench pdf` — one render in a fresh
//!   process (fonts parsed, template compiled from scratch), printed as `first_pdf_ms <ms>`.
//! - `DEEPBRIEF_BENCH_OUT=DIR …` — also writes the brief as `brief.pdf`, `brief.md` and
//!   `brief.html` into DIR, for `scripts/bench-pdf-vs-libreoffice.sh`.
//!
//! Figures in docs/PERFORMANCE.md.
#![allow(
    clippy::expect_used,
    reason = "a benchmark should fail loudly at the first broken step"
)]

use std::time::Instant;

use criterion::Criterion;
use deepbrief_export::{KickoffDocument, Lang, PdfRenderer, Template, to_markdown};

#[path = "../tests/it/fixture.rs"]
mod fixture;

fn warm(c: &mut Criterion, doc: &KickoffDocument) {
    let renderer = PdfRenderer::new(Template::builtin());
    renderer.render(doc).expect("first render");
    c.bench_function("kickoff_pdf_warm_same_brief", |b| {
        b.iter(|| renderer.render(doc).expect("render"))
    });
    let mut other = doc.clone();
    let mut i = 0u32;
    c.bench_function("kickoff_pdf_warm_changed_brief", |b| {
        b.iter(|| {
            // A different brief each time (the client's name is on every page).
            i += 1;
            other.meta.client = format!("ШинаМаркет {i}");
            renderer.render(&other).expect("render")
        })
    });
    let mut edited = doc.clone();
    let mut j = 0u32;
    c.bench_function("kickoff_pdf_warm_one_answer_edited", |b| {
        b.iter(|| {
            // The same brief after the account manager edits one answer and exports again.
            j += 1;
            if let Some(q) = edited
                .sections
                .get_mut(1)
                .and_then(|s| s.questions.get_mut(0))
            {
                q.answer = deepbrief_export::kickoff::AnswerView::Value {
                    text: format!("Поднять число заявок до {j} в месяц"),
                };
            }
            renderer.render(&edited).expect("render")
        })
    });
    c.bench_function("kickoff_markdown", |b| {
        b.iter(|| to_markdown(doc).expect("markdown"))
    });
}

fn html(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut body = String::new();
    html::push_html(
        &mut body,
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES),
    );
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Brief</title></head>\
         <body>\n{body}</body></html>\n"
    )
}

fn main() {
    let doc = fixture::complete_document(Lang::Ru);
    if let Ok(dir) = std::env::var("DEEPBRIEF_BENCH_OUT") {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("output folder");
        let md = to_markdown(&doc).expect("markdown");
        std::fs::write(dir.join("brief.md"), &md).expect("write md");
        std::fs::write(dir.join("brief.html"), html(&md)).expect("write html");
    }
    if std::env::var_os("DEEPBRIEF_BENCH_FIRST").is_some() {
        let start = Instant::now();
        let pdf = PdfRenderer::new(Template::builtin())
            .render(&doc)
            .expect("render");
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        println!("first_pdf_ms {ms:.1}");
        if let Ok(dir) = std::env::var("DEEPBRIEF_BENCH_OUT") {
            std::fs::write(std::path::Path::new(&dir).join("brief.pdf"), pdf).expect("write pdf");
        }
        return;
    }
    let mut c = Criterion::default().sample_size(30).configure_from_args();
    warm(&mut c, &doc);
    c.final_summary();
}
