# The --help texts: help-<command>-about, help-<command>-<argument>.
help-template = {"{"}about-with-newline{"}"}
    Utilisation : {"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commandes
help-flag-help = Afficher l’aide
help-flag-version = Afficher la version
