//! Running the real `guidepress` binary, and crafting files that break a project.

use std::path::Path;
use std::process::Command;

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `guidepress args…` in `dir` with the English interface. Whatever
/// the input, it must not panic.
pub fn guidepress(dir: &Path, args: &[&str]) -> Run {
    guidepress_in(dir, args, "en")
}

/// Runs `guidepress args…` in `dir` with the interface in `lang` (set
/// through `GUIDEPRESS_UI_LANG`, the locale variables cleared).
pub fn guidepress_in(dir: &Path, args: &[&str], lang: &str) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env("GUIDEPRESS_UI_LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the guidepress binary runs");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && run.code != 101,
        "guidepress {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

/// CRC-32 (IEEE 802.3), as PNG chunks use it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A PNG that is only a valid header: signature, an `IHDR` claiming
/// `width`×`height` RGB pixels (with a correct CRC), then `IEND`.
pub fn png_header_only(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8 bits, RGB, deflate, no filter, no interlace
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// Bytes that are neither PNG nor JPEG nor valid UTF-8 (a fixed pseudo-random sequence).
pub fn noise(len: usize) -> Vec<u8> {
    let mut x = 0x2545_F491u32;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}
