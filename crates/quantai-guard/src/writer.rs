//! A writer that masks personal data in what passes through it: log lines.

use std::io::{self, Write};

use crate::{Detector, Vault};

/// Wraps a writer (stderr, a log file) and masks every kind of personal data in each write.
/// Logging libraries write one whole formatted event per call (tracing-subscriber's `fmt`
/// does), so a value is never split between two writes; text that is not UTF-8 is masked
/// after lossy decoding, so nothing passes unchecked.
#[derive(Debug)]
pub struct MaskingWriter<W> {
    inner: W,
    detector: Detector,
}

impl<W: Write> MaskingWriter<W> {
    pub fn new(inner: W) -> Self {
        Self { inner, detector: Detector::new() }
    }
}

impl<W: Write> Write for MaskingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        match self.detector.mask(&text, &mut Vault::default()) {
            Some(masked) => self.inner.write_all(masked.as_bytes())?,
            None => self.inner.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_masked_in_a_log_line() {
        let line = "WARN upstream refused body=\"call 010-2345-6789 or mail kim@example.com; \
                    RRN 900101-1234567, SSN 123-45-6789, passport M12345678, from 198.51.100.23\"\n";
        let mut out = Vec::new();
        MaskingWriter::new(&mut out).write_all(line.as_bytes()).unwrap();
        let out = String::from_utf8(out).unwrap();
        for value in ["010-2345-6789", "kim@example.com", "900101-1234567", "123-45-6789", "M12345678", "198.51.100.23"]
        {
            assert!(!out.contains(value), "{value} survives in {out}");
        }
        assert!(out.starts_with("WARN upstream refused"));
        assert!(out.ends_with("\"\n"));
    }

    #[test]
    fn clean_lines_pass_byte_for_byte() {
        let line = "INFO backtest done symbol=005930 sharpe=1.42 trades=37 at 2026-12-07T09:30:00Z\n";
        let mut out = Vec::new();
        MaskingWriter::new(&mut out).write_all(line.as_bytes()).unwrap();
        assert_eq!(out, line.as_bytes());
    }
}
