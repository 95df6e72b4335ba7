//! Integration tests of deepbrief-export; modules mirror `src/`.

mod fixture;
mod kickoff;
mod markdown;
mod pdf;
mod poppler;
