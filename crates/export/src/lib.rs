//! Deepbrief's outputs, rendered from a brief's data: the kickoff PDF (Typst used as a library, the
//! data passed in as JSON, never spliced into markup), Markdown, the letter to the client (Tera) and
//! `.ics` calendar events for follow-up briefings. Pure: the caller reads and writes files.
