//! The reproducible zip: sorted entries, one fixed timestamp, fixed
//! permissions and system, a fixed compression per kind of file.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::model::Date;

/// The deflate level of text entries (fixed: the same input gives the same bytes).
pub const DEFLATE_LEVEL: i64 = 6;

/// A moment for the zip's timestamps: a date and a time of day, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// The date.
    pub date: Date,
    /// Hours, minutes, seconds.
    pub time: (u8, u8, u8),
}

/// The `SOURCE_DATE_EPOCH` values a zip can store: 1980-01-01T00:00:00Z to
/// 2107-12-31T23:59:58Z (its dates count years from 1980 in 7 bits).
pub const ZIP_SECONDS: std::ops::RangeInclusive<i64> = 315_532_800..=4_354_819_198;

impl Timestamp {
    /// Midnight of `date`.
    pub fn midnight(date: Date) -> Timestamp {
        Timestamp { date, time: (0, 0, 0) }
    }

    /// The moment `secs` seconds after 1970-01-01T00:00:00Z (`SOURCE_DATE_EPOCH`).
    pub fn from_epoch(secs: i64) -> Timestamp {
        let days = secs.div_euclid(86_400);
        let rest = secs.rem_euclid(86_400);
        Timestamp {
            date: Date::from_unix_days(days),
            time: ((rest / 3600) as u8, (rest % 3600 / 60) as u8, (rest % 60) as u8),
        }
    }

    /// As a zip timestamp, clamped to what zip can store (1980–2107; the
    /// command line refuses a `SOURCE_DATE_EPOCH` outside [`ZIP_SECONDS`]).
    fn zip(self) -> DateTime {
        let Date { year, month, day } = self.date;
        if year < 1980 {
            return DateTime::default();
        }
        let (h, m, s) = self.time;
        // Zip stores seconds in 2-second steps.
        DateTime::from_date_and_time(year.min(2107), month, day, h, m, s - s % 2)
            .unwrap_or_default()
    }
}

/// Whether a file is already compressed (PDF streams, PNG, JPEG, zip): such
/// files are stored, text is deflated.
pub fn is_compressed(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".pdf", ".png", ".jpg", ".jpeg", ".zip", ".gz", ".docx", ".xlsx", ".odt"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Writes a zip of `entries` (path inside the zip → bytes). Entries are
/// sorted by path; every one gets `timestamp`, permissions 0644 and the
/// Unix system tag, so the bytes depend on nothing but the entries and the
/// timestamp.
pub fn write_zip(
    mut entries: Vec<(String, Vec<u8>)>,
    timestamp: Timestamp,
) -> zip::result::ZipResult<Vec<u8>> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let base = SimpleFileOptions::default()
        .last_modified_time(timestamp.zip())
        .unix_permissions(0o644)
        .system(System::Unix)
        .large_file(false);
    for (name, bytes) in &entries {
        let options = if is_compressed(name) {
            base.compression_method(CompressionMethod::Stored)
        } else {
            base.compression_method(CompressionMethod::Deflated)
                .compression_level(Some(DEFLATE_LEVEL))
        };
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_entries_in_any_order_give_the_same_bytes() {
        let stamp = Timestamp::from_epoch(1_647_129_600); // 2022-03-13
        let a = vec![
            ("b.txt".to_string(), b"bbbb".to_vec()),
            ("a.pdf".into(), b"%PDF".to_vec()),
        ];
        let mut b = a.clone();
        b.reverse();
        let (za, zb) = (write_zip(a, stamp).unwrap(), write_zip(b, stamp).unwrap());
        assert_eq!(za, zb);
        let mut archive = zip::ZipArchive::new(Cursor::new(za)).unwrap();
        let names: Vec<String> =
            archive.file_names().map(|n| n.unwrap().to_string()).collect();
        assert_eq!(names, ["a.pdf", "b.txt"]);
        let f = archive.by_index(0).unwrap();
        assert_eq!(f.compression(), CompressionMethod::Stored);
        assert_eq!(f.unix_mode().map(|m| m & 0o777), Some(0o644));
        let t = f.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day(), t.hour()), (2022, 3, 13, 0));
    }

    #[test]
    fn epoch_seconds_become_a_utc_stamp() {
        let s = Timestamp::from_epoch(1_700_000_000);
        assert_eq!(s.date, Date { year: 2023, month: 11, day: 14 });
        assert_eq!(s.time, (22, 13, 20));
    }

    #[test]
    fn the_zip_range_is_what_zip_stores_exactly() {
        for secs in [*ZIP_SECONDS.start(), *ZIP_SECONDS.end()] {
            let t = Timestamp::from_epoch(secs);
            let z = t.zip();
            assert_eq!(
                (z.year(), z.month(), z.day()),
                (t.date.year, t.date.month, t.date.day)
            );
        }
        assert_eq!(Timestamp::from_epoch(*ZIP_SECONDS.start()).date.year, 1980);
        assert_eq!(Timestamp::from_epoch(*ZIP_SECONDS.end() + 2).date.year, 2108);
    }
}
