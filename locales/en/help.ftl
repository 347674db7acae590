# The --help texts: help-<command>-about, help-<command>-<argument>.
help-template = {"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-flag-help = Print help
help-flag-version = Print version
