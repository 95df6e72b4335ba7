//! The fonts compiled into the binary. No system font is ever scanned: a PDF looks the same on
//! every machine, and the first export in a fresh process does not wait for a font scan.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// Font files, in fallback order after the template's own choice (see `fonts/README.md`).
static FILES: [&[u8]; 7] = [
    include_bytes!("../../fonts/PTSans-Regular.ttf"),
    include_bytes!("../../fonts/PTSans-Italic.ttf"),
    include_bytes!("../../fonts/PTSans-Bold.ttf"),
    include_bytes!("../../fonts/PTSans-BoldItalic.ttf"),
    include_bytes!("../../fonts/PTMono-Regular.ttf"),
    include_bytes!("../../fonts/DejaVuSans.ttf"),
    include_bytes!("../../fonts/NotoColorEmoji.ttf"),
];

/// The body font family: the default for templates that set none.
pub const BODY: &str = "PT Sans";

/// The embedded fonts and their book, parsed once per process.
pub(crate) struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

pub(crate) static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// The families of the embedded fonts, for documentation and tests.
pub fn families() -> Vec<String> {
    let mut names: Vec<String> = FONTS
        .fonts
        .iter()
        .map(|f| f.info().family.to_string())
        .collect();
    names.dedup();
    names
}
