//! `--help` in the interface language: every about and argument help of the
//! clap command is replaced, before parsing, by the `.ftl` message
//! `help-<command>-about` / `help-<command>-<argument>` (`help-guidepress-…`
//! for the top level).

use clap::{Arg, ArgAction, Command};
use guidepress::i18n::{render, Msg, UiLang};

/// The id of the message for `arg` of `command` (`about` for the command).
pub fn key(command: &str, arg: &str) -> String {
    format!("help-{command}-{arg}")
}

/// Whether `id` is a message of the `.ftl` files.
fn has(id: &str) -> bool {
    guidepress::i18n::has_message(id)
}

fn text(lang: UiLang, id: &str) -> String {
    render(lang, &Msg { id: id.to_string().into(), args: Vec::new() })
}

/// `cmd` with its help texts in `lang`, its subcommands' too.
pub fn localise(cmd: Command, lang: UiLang) -> Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd;
    let about = key(&name, "about");
    if has(&about) {
        cmd = cmd.about(text(lang, &about));
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let k = key(&name, &id);
        if has(&k) {
            let help = text(lang, &k);
            cmd = cmd.mut_arg(id, |a| a.help(help));
        }
    }
    let template = text(lang, "help-template");
    // clap's own -h and -V, with their help in `lang` too.
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(text(lang, "help-flag-help")),
    );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text(lang, "help-flag-version")),
        );
    }
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(text(lang, "help-heading-commands"))
        .disable_help_subcommand(false);
    let subs: Vec<String> =
        cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |s| localise(s, lang));
    }
    cmd
}
