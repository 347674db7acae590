//! The interface language, resolved once from the command line and the
//! environment (the only place that reads them), and printing in it.

use std::ffi::OsString;
use std::sync::OnceLock;

use guidepress::i18n::{Msg, UiLang};

static LANG: OnceLock<UiLang> = OnceLock::new();

/// The name of the environment variable that chooses the language.
pub const ENV_VAR: &str = "GUIDEPRESS_UI_LANG";

/// Resolves the language from `--ui-lang` in `args` (read before clap
/// parses, so that `--help` is localised too), `GUIDEPRESS_UI_LANG`, then
/// `LC_ALL`, `LC_MESSAGES`, `LANG`; and keeps it for [`lang`].
pub fn init(args: &[OsString]) -> UiLang {
    let mut flag = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--ui-lang" {
            flag = it.next().map(|v| v.into_owned());
        } else if let Some(v) = a.strip_prefix("--ui-lang=") {
            flag = Some(v.to_string());
        }
    }
    let var = |name: &str| std::env::var(name).ok();
    let lang = UiLang::resolve(
        flag.as_deref(),
        var(ENV_VAR).as_deref(),
        var("LC_ALL").as_deref(),
        var("LC_MESSAGES").as_deref(),
        var("LANG").as_deref(),
    );
    *LANG.get_or_init(|| lang)
}

/// The interface language (English until [`init`] ran).
pub fn lang() -> UiLang {
    LANG.get().copied().unwrap_or_default()
}

/// `m` in the interface language.
pub fn t(m: Msg) -> String {
    m.in_lang(lang())
}

/// `error: <message>` in the interface language, on standard error.
pub fn error(m: Msg) {
    let label = t(guidepress::msg!("label-error"));
    let colon = if lang() == UiLang::Fr { "\u{a0}: " } else { ": " };
    eprintln!("{label}{colon}{}", t(m));
}

/// `  help: <message>` in the interface language, on standard error.
pub fn help(m: Msg) {
    let label = t(guidepress::msg!("label-help"));
    let colon = if lang() == UiLang::Fr { "\u{a0}: " } else { ": " };
    eprintln!("  {label}{colon}{}", t(m));
}
