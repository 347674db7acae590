# Summaries and progress of the commands.
summary-build = { $built } built, { $failed } failed{ $warnings ->
    [0] {""}
    [one] , 1 warning
   *[other] , { $warnings } warnings
}
summary-check = { $guides } guides checked: { $ok } ok, { $failed } with errors, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
summary-pack = { $guides } { $guides ->
    [one] guide
   *[other] guides
}, { $pages } pages{ $sides ->
    [0] {""}
   *[other] {" "}on { $sides } sheet sides
} ({ $layout })
summary-site = { $guides } guides, { $files } { $files ->
    [one] attachment
   *[other] attachments
}, { $size } of PDF ({ $standards })
no-standard = no standard
summary-bundle = { $guides } guides, { $packs } packs, { $files } files, { $size }{ $warnings ->
    [0] {""}
    [one] , 1 warning
   *[other] , { $warnings } warnings
}
summary-work = work: { $print }; { $web }; { $pack }
work-line = { $what } { $rebuilt } rebuilt, { $reused } reused
in-seconds = in { $seconds } s
nothing-built = nothing built
no-pack-written = no pack written
no-bundle-written = no bundle written
site-not-built = site not built; { $dir } left unchanged
failing-warnings = failing because of warnings (--deny-warnings)
stopping = stopping after the guides in progress (Ctrl+C again to quit now)
fold-marks-single = --fold-marks marks the middle of 2up and booklet sheets; add --layout 2up or --layout booklet
only-names-nothing = --only names no guide: give ids separated by commas, or leave --only out for every guide
bad-source-date-epoch = SOURCE_DATE_EPOCH="{ $value }" is not a number of seconds
source-date-epoch-out-of-range = SOURCE_DATE_EPOCH="{ $value }" is outside what a zip can store ({ $first } to { $last }: 1980-01-01 to 2107-12-31)
watching = watching { $guides } and { $images } (Ctrl+C to stop)
stopped-watching = stopped watching
changed = changed: { $files }
nothing-to-rebuild = no guide reads it; nothing to rebuild
nothing-built-waiting = nothing built; waiting for changes
rebuilt = rebuilt { $names } ({ $built } built, { $failed } failed)
rebuilt-nothing = nothing
n-guides = { $count } guides
new-wrote = wrote { $path }
new-next = next: fill it in, add "{ $id }" to "order" in collection.json if the collection has one, then run `guidepress check`
new-exists-help = choose another id, or edit the existing guide
new-collection-id = "{ $id }" cannot be a guide's id: guides/{ $id }.json is the collection's settings file
new-id-too-long = the id is { $bytes } characters long; ids are at most { $max } (they name the guide's files)
new-blank-title = the title is empty: give a title, or leave out --title for a placeholder
new-title-char = the title holds the invisible character { $code }, which guides may not contain
new-title-help = write the title on one line, with visible characters only
new-write = cannot write { $path }: { $reason }
same-warning = (the same warning for { $count } other { $count ->
    [one] file
   *[other] files
})

## clap's errors (the command line itself)
clap-usage = Usage
clap-more-info = For more information, try "--help".
clap-repeated = the argument { $arg } cannot be used more than once
clap-conflict = the argument { $arg } cannot be used with { $other }
clap-no-equals = { $arg } needs an equals sign before its value
clap-missing-value = a value is required for { $arg } but none was supplied
clap-invalid-value = invalid value "{ $value }" for { $arg }
clap-invalid-subcommand = unknown command "{ $name }"
clap-missing-required = these required arguments were not given: { $list }
clap-missing-subcommand = { $name } needs a command
clap-too-many-values = unexpected value "{ $value }" for { $arg }
clap-number-of-values = wrong number of values for { $arg }
clap-value-validation = invalid value "{ $value }" for { $arg }: { $reason }
clap-unknown-argument = unexpected argument "{ $arg }"
clap-invalid-utf8 = an argument is not valid UTF-8
clap-tip-separator = to pass "{ $arg }" as a value, write "-- { $arg }"
