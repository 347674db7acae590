# Summaries and progress of the commands.
summary-build = { $built } { $built ->
    [one] construite
   *[other] construites
}, { $failed } en échec{ $warnings ->
    [0] {""}
    [one] , 1 avertissement
   *[other] , { $warnings } avertissements
}
summary-check = { $guides } fiches vérifiées : { $ok } { $ok ->
    [one] correcte
   *[other] correctes
}, { $failed } avec des erreurs, { $warnings } { $warnings ->
    [one] avertissement
   *[other] avertissements
}
summary-pack = { $guides } { $guides ->
    [one] fiche
   *[other] fiches
}, { $pages } pages{ $sides ->
    [0] {""}
   *[other] {" "}sur { $sides } faces de feuille
} ({ $layout })
summary-site = { $guides } fiches, { $files } { $files ->
    [one] pièce jointe
   *[other] pièces jointes
}, { $size } de PDF ({ $standards })
no-standard = aucune norme
summary-bundle = { $guides } fiches, { $packs } recueils, { $files } fichiers, { $size }{ $warnings ->
    [0] {""}
    [one] , 1 avertissement
   *[other] , { $warnings } avertissements
}
summary-work = travail : { $print } ; { $web } ; { $pack }
work-line = { $what } { $rebuilt } refaits, { $reused } réutilisés
in-seconds = en { $seconds } s
nothing-built = rien n’a été construit
no-pack-written = aucun recueil écrit
no-bundle-written = aucune archive écrite
site-not-built = site non construit ; { $dir } n’a pas changé
failing-warnings = échec à cause des avertissements (--deny-warnings)
stopping = arrêt après les fiches en cours (Ctrl+C de nouveau pour quitter tout de suite)
fold-marks-single = --fold-marks marque le milieu des feuilles 2up et livret ; ajoutez --layout 2up ou --layout booklet
only-names-nothing = --only ne nomme aucune fiche : donnez des identifiants séparés par des virgules, ou omettez --only pour toutes les fiches
bad-source-date-epoch = SOURCE_DATE_EPOCH="{ $value }" n’est pas un nombre de secondes
source-date-epoch-out-of-range = SOURCE_DATE_EPOCH="{ $value }" est hors de ce qu’une archive zip peut enregistrer (de { $first } à { $last } : du 01/01/1980 au 31/12/2107)
watching = surveillance de { $guides } et { $images } (Ctrl+C pour arrêter)
stopped-watching = surveillance arrêtée
changed = modifié : { $files }
nothing-to-rebuild = aucune fiche ne le lit ; rien à reconstruire
nothing-built-waiting = rien n’a été construit ; en attente de modifications
rebuilt = reconstruit : { $names } ({ $built } { $built ->
    [one] construite
   *[other] construites
}, { $failed } en échec)
rebuilt-nothing = rien
n-guides = { $count } fiches
new-wrote = { $path } écrit
new-next = ensuite : remplissez-la, ajoutez « { $id } » à "order" dans collection.json si la collection en a un, puis lancez `guidepress check`
new-exists-help = choisissez un autre identifiant, ou modifiez la fiche existante
new-collection-id = « { $id } » ne peut pas être l’identifiant d’une fiche : guides/{ $id }.json est le fichier des réglages de la collection
new-id-too-long = l’identifiant fait { $bytes } caractères ; un identifiant en a au plus { $max } (il nomme les fichiers de la fiche)
new-blank-title = le titre est vide : donnez un titre, ou omettez --title pour un titre à remplacer
new-title-char = le titre contient le caractère invisible { $code }, interdit dans les fiches
new-title-help = écrivez le titre sur une ligne, avec des caractères visibles uniquement
new-write = impossible d’écrire { $path } : { $reason }
same-warning = (le même avertissement pour { $count } autre{ $count ->
    [one] {""} fichier
   *[other] s fichiers
})

## Erreurs de clap (la ligne de commande elle-même)
clap-usage = Utilisation
clap-more-info = Pour plus d’informations, essayez "--help".
clap-repeated = l’argument { $arg } ne peut être donné qu’une fois
clap-conflict = l’argument { $arg } ne peut pas être utilisé avec { $other }
clap-no-equals = { $arg } demande un signe = avant sa valeur
clap-missing-value = { $arg } demande une valeur, mais aucune n’a été donnée
clap-invalid-value = valeur "{ $value }" impossible pour { $arg }
clap-invalid-subcommand = commande "{ $name }" inconnue
clap-missing-required = ces arguments obligatoires manquent : { $list }
clap-missing-subcommand = { $name } demande une commande
clap-too-many-values = valeur "{ $value }" en trop pour { $arg }
clap-number-of-values = nombre de valeurs incorrect pour { $arg }
clap-value-validation = valeur "{ $value }" impossible pour { $arg } : { $reason }
clap-unknown-argument = argument "{ $arg }" inattendu
clap-invalid-utf8 = un argument n’est pas en UTF-8 valide
clap-tip-separator = pour donner "{ $arg }" comme valeur, écrivez "-- { $arg }"
