//! Kickoff PDF of a complete core + SEO brief (every question answered, tables included).
//!
//! `cargo bench -p deepbrief-export --bench pdf`. Figures in docs/PERFORMANCE.md.
#![allow(
    clippy::expect_used,
    reason = "a benchmark should fail loudly at the first broken step"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_export::{Lang, PdfRenderer, Template, to_markdown};

#[path = "../tests/it/fixture.rs"]
mod fixture;

fn pdf(c: &mut Criterion) {
    let doc = fixture::complete_document(Lang::Ru);
    let renderer = PdfRenderer::new(Template::builtin());
    // The first compile (parsing, fonts, layout from scratch) is measured in the script; here the
    // renderer is warm.
    renderer.render(&doc).expect("first render");
    c.bench_function("kickoff_pdf_warm_ru", |b| {
        b.iter(|| renderer.render(&doc).expect("render"))
    });
    let mut other = doc.clone();
    c.bench_function("kickoff_pdf_warm_changed_answer", |b| {
        let mut i = 0u32;
        b.iter(|| {
            // A different brief each time: the client name changes, so nothing is cached whole.
            i += 1;
            other.meta.client = format!("ШинаМаркет {i}");
            renderer.render(&other).expect("render")
        })
    });
    c.bench_function("kickoff_markdown", |b| {
        b.iter(|| to_markdown(&doc).expect("markdown"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = pdf
}
criterion_main!(benches);
