//! The Typst world one kickoff document is compiled in.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::FONTS;
use super::{DATA_FILE, PdfRenderer};

/// The template (from its renderer), the document's JSON and the brief's date.
pub(super) struct KickoffWorld<'a> {
    pub(super) renderer: &'a PdfRenderer,
    pub(super) data: Bytes,
    pub(super) today: Option<Datetime>,
}

impl KickoffWorld<'_> {
    /// Reads a file of the template folder; the built-in template has no other files.
    fn read(&self, id: FileId) -> FileResult<Vec<u8>> {
        let vpath = id.vpath();
        if *id.root() != VirtualRoot::Project {
            // Packages would need the network: not available to kickoff templates.
            return Err(FileError::Other(Some(
                "packages are not available in kickoff templates; put the files in the template folder"
                    .into(),
            )));
        }
        let Some(dir) = self.renderer.template.dir() else {
            return Err(FileError::NotFound(vpath.get_without_slash().into()));
        };
        // `realize` never leaves the folder: virtual paths are normalised and rooted.
        let path = vpath.realize(dir).map_err(|_| FileError::AccessDenied)?;
        std::fs::read(&path).map_err(|e| FileError::from_io(e, &path))
    }
}

impl World for KickoffWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.renderer.main_id
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.renderer.main_id {
            return Ok(self.renderer.main_source.clone());
        }
        let bytes = self.read(id)?;
        let text = String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id.vpath().get_with_slash() == DATA_FILE && *id.root() == VirtualRoot::Project {
            return Ok(self.data.clone());
        }
        if id == self.renderer.main_id {
            return Ok(Bytes::from_string(self.renderer.main_source.clone()));
        }
        self.read(id).map(Bytes::new)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
