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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;
    use guidepress::i18n::{UiLang, FILES};

    use super::*;

    /// Every `help-<command>-<argument>` key the commands need.
    fn needed(cmd: &Command, out: &mut BTreeSet<String>) {
        let name = cmd.get_name();
        out.insert(key(name, "about"));
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            let top_level = name == "guidepress";
            let builtin = id == "help" || (top_level && id == "version");
            if !builtin && (!a.is_global_set() || top_level) {
                out.insert(key(name, id));
            }
        }
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            needed(s, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_and_no_help_key_is_stray() {
        let mut want = BTreeSet::new();
        needed(&crate::cli::args::Cli::command(), &mut want);
        let fixed = [
            "help-template",
            "help-heading-commands",
            "help-flag-help",
            "help-flag-version",
        ];
        for lang in UiLang::ALL {
            let have: BTreeSet<String> = FILES
                .iter()
                .filter(|(l, name, _)| *l == lang && name.ends_with("help.ftl"))
                .flat_map(|(_, _, text)| text.lines())
                .filter(|l| l.starts_with("help-"))
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_string()))
                .filter(|k| !fixed.contains(&k.as_str()))
                .collect();
            let missing: Vec<_> = want.difference(&have).collect();
            let stray: Vec<_> = have.difference(&want).collect();
            assert!(missing.is_empty(), "{lang:?}: no help for {missing:?}");
            assert!(stray.is_empty(), "{lang:?}: help for nothing: {stray:?}");
        }
    }

    #[test]
    fn help_is_rendered_in_french() {
        let mut cmd = localise(crate::cli::args::Cli::command(), UiLang::Fr);
        let top = cmd.render_help().to_string();
        assert!(top.contains("Utilisation\u{a0}:"), "{top}");
        assert!(top.contains("Commandes"), "{top}");
        let pack =
            cmd.find_subcommand_mut("pack").unwrap().render_long_help().to_string();
        assert!(pack.contains("recto verso"), "{pack}");
        assert!(pack.contains("Afficher l’aide"), "{pack}");
    }
}
