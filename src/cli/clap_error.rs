//! clap's own errors (an unknown option, a missing value…) in the interface
//! language: each error kind is a message of `cli.ftl`, filled from the
//! context clap gives; the usage line and the `--help` pointer follow.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use guidepress::i18n::{Msg, UiLang};
use guidepress::msg;

/// The text of a context value: one string, or several joined by ", ".
fn value(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => {
            Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "))
        }
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The error's message, or `None` for a kind with no message of its own.
fn message(e: &clap::Error) -> Option<Msg> {
    let get = |k| value(e, k).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let m = match e.kind() {
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg);
            if other.is_empty() || other == arg {
                msg!("clap-repeated", arg = arg)
            } else {
                msg!("clap-conflict", arg = arg, other = other)
            }
        }
        ErrorKind::NoEquals => msg!("clap-no-equals", arg = arg),
        ErrorKind::InvalidValue => {
            let v = get(ContextKind::InvalidValue);
            if v.is_empty() {
                msg!("clap-missing-value", arg = arg)
            } else {
                msg!("clap-invalid-value", value = v, arg = arg)
            }
        }
        ErrorKind::InvalidSubcommand => {
            msg!("clap-invalid-subcommand", name = get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => msg!("clap-missing-required", list = arg),
        ErrorKind::MissingSubcommand => {
            msg!("clap-missing-subcommand", name = get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::TooManyValues => {
            msg!(
                "clap-too-many-values",
                value = get(ContextKind::InvalidValue),
                arg = arg
            )
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!("clap-number-of-values", arg = arg)
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map(|s| s.to_string());
            msg!(
                "clap-value-validation",
                value = get(ContextKind::InvalidValue),
                arg = arg,
                reason = reason.unwrap_or_default()
            )
        }
        ErrorKind::UnknownArgument => msg!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidUtf8 => msg!("clap-invalid-utf8"),
        _ => return None,
    };
    Some(m)
}

/// The tips clap would add: a similar name, the possible values.
fn tips(e: &clap::Error) -> Vec<Msg> {
    let mut out = Vec::new();
    for k in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let values = match e.get(k) {
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::Strings(v)) => v.clone(),
            _ => Vec::new(),
        };
        out.extend(values.into_iter().map(|v| msg!("did-you-mean", value = v)));
    }
    if let Some(ContextValue::Bool(true)) = e.get(ContextKind::TrailingArg) {
        let arg = value(e, ContextKind::InvalidArg).unwrap_or_default();
        out.push(msg!("clap-tip-separator", arg = arg));
    }
    if let (ErrorKind::InvalidValue, Some(list)) =
        (e.kind(), value(e, ContextKind::ValidValue))
    {
        out.push(msg!("expected-one-of", list = list));
    }
    out
}

/// The whole error as clap would print it, in `lang`; `None` when clap's
/// own text is to be printed (help and version output, English).
pub fn render(e: &clap::Error, lang: UiLang) -> Option<String> {
    if lang == UiLang::En || !e.use_stderr() {
        return None;
    }
    let message = message(e)?;
    let colon = if lang == UiLang::Fr { "\u{a0}: " } else { ": " };
    let text = guidepress::i18n::text;
    let mut out =
        format!("{}{colon}{}\n", text(lang, "label-error"), message.in_lang(lang));
    for tip in tips(e) {
        out.push_str(&format!(
            "\n  {}{colon}{}\n",
            text(lang, "label-help"),
            tip.in_lang(lang)
        ));
    }
    if let Some(usage) = value(e, ContextKind::Usage) {
        let usage = usage.trim_start();
        let rest = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out.push_str(&format!("\n{}{colon}{rest}\n", text(lang, "clap-usage")));
    }
    out.push_str(&format!("\n{}\n", text(lang, "clap-more-info")));
    Some(out)
}
