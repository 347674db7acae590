# Diagnostics : ce qui ne va pas (minuscule initiale, sans point final) et
# les conseils (suffixe « -help »). Voir CONTRIBUTING.md.

verbatim = { $text }
label-error = erreur
label-warning = avertissement
label-help = conseil

## Mise en forme et liens
emph-bold = gras
emph-italic = italique
inline-unclosed-code = « ` » (code) ouvert au caractère { $at } et jamais fermé
inline-unclosed-code-help = fermez-le par un autre « ` », ou écrivez \` pour une apostrophe inverse
inline-nested-link = un lien dans un lien au caractère { $at }
inline-nested-link-help = les liens ne peuvent pas s’imbriquer ; n’en gardez qu’un
inline-empty-label = le lien du caractère { $at } n’a pas de texte
inline-empty-label-help = écrivez le texte à cliquer entre « [ » et « ] »
inline-unclosed = « { $delim } » (mise en { $name }) ouvert au caractère { $at } et jamais fermé
inline-unclosed-help = fermez-le par « { $delim } », ou écrivez \* pour un astérisque
inline-crossed = « { $delim } » au caractère { $at } ferme la mise en { $name } alors que la mise en { $inner } (« { $inner_delim } » au caractère { $inner_at }) est encore ouverte
inline-crossed-help = fermez d’abord le « { $inner_delim } » intérieur
inline-too-many-stars = trop de « * » au caractère { $at } : une mise en valeur est déjà ouverte
inline-too-many-stars-help = écrivez \* pour un astérisque
inline-unclosed-target = l’adresse du lien commencée au caractère { $at } n’est pas fermée
inline-unclosed-target-help = fermez-la par « ) »
link-empty-target = adresse de lien vide
link-empty-target-help = écrivez l’adresse entre « ( » et « ) »
link-bad-guide-id = « { $id } » n’est pas un identifiant de fiche
link-bad-guide-id-help = un identifiant de fiche s’écrit en minuscules, chiffres et tirets, par exemple guide:vider-cache
link-guide-needs-label = un lien vers une fiche doit avoir un texte (caractère { $at })
link-guide-needs-label-help = écrivez-le [texte]({ $url })

## Valeurs : dates, adresses, choix
date-not-iso = « { $value } » n’est pas une date au format AAAA-MM-JJ
date-no-year-zero = « { $value } » : l’année 0000 n’existe pas
date-no-such-month = « { $value } » : il n’y a pas de mois { $month }
date-no-such-day = « { $value } » : le mois { $month } de { $year } a { $days } jours
url-no-scheme = « { $url } » n’est pas une adresse complète (il manque un schéma comme https:)
url-no-scheme-help = écrivez l’adresse complète, par exemple « { $example } »
url-scheme-not-allowed = les liens en « { $scheme }: » ne sont pas admis ici
url-scheme-not-allowed-help = utilisez l’un de ces schémas : { $allowed }
url-space = l’adresse « { $url } » contient une espace
url-space-help = écrivez les espaces des adresses %20
url-no-slashes = il manque « // » après « { $scheme }: » dans « { $url } »
url-no-slashes-help = écrivez-la « { $scheme }://… »
url-no-host = l’adresse « { $url } » n’a pas de nom d’hôte
url-no-host-help = écrivez-la « { $scheme }://example.org/… »
url-not-mail = « { $url } » n’est pas une adresse électronique
url-not-mail-help = écrivez-la « mailto:nom@example.org »
did-you-mean = vouliez-vous dire "{ $value }" ?
expected-one-of = valeurs possibles : { $list }

## Champs, textes, chemins et images
noun-image = image
noun-attachment = pièce jointe
noun-images-folder = dossier des images
noun-project-folder = dossier du projet
what-image = une image
what-block = un bloc "{ $block }"
what-list-item = un élément de liste
what-step = une étape
what-guide = une fiche
what-collection = collection.json
field-null = le champ "{ $field }" vaut null
field-missing = champ "{ $field }" manquant
field-missing-help = { $what } doit avoir "{ $field }"
text-empty = le texte est vide
text-empty-help = écrivez un texte, ou supprimez le champ
text-empty-optional-help = écrivez un texte, ou supprimez le champ s’il est facultatif
unknown-guide = aucune fiche n’a l’identifiant « { $id } »
path-empty = le chemin de l’élément ({ $what }) est vide
path-backslash = le chemin ({ $what }) « { $path } » sépare les dossiers par « \ »
path-backslash-help = écrivez « { $path } »
path-absolute = le chemin ({ $what }) « { $path } » est absolu : il sort du { $folder }
path-absolute-help = écrivez le chemin à partir du { $folder } ({ $dir })
path-parent = le chemin ({ $what }) « { $path } » sort du { $folder } (il utilise « .. »)
path-parent-help = placez le fichier dans { $dir } et écrivez son chemin à partir de là
path-no-folder = le { $folder } { $dir } n’existe pas, donc « { $path } » est introuvable
path-no-folder-help = créez { $dir } et placez-y le fichier
path-not-found = fichier introuvable ({ $what }) : « { $path } » n’est pas dans le { $folder } ({ $dir })
path-not-found-help = vérifiez le nom ; le fichier doit être dans { $dir }
path-dangling-link = « { $path } » ({ $what }) est un lien vers { $target }, qui n’existe pas
path-dangling-link-help = faites pointer le lien vers un fichier existant, ou mettez le fichier lui-même à sa place
path-other-encoding-help = un fichier « { $file } » existe, mais son nom écrit les mêmes lettres avec d’autres caractères Unicode (l’accent ajouté à sa lettre, comme le fait macOS) : renommez le fichier en retapant son nom
path-unreadable = impossible d’ouvrir « { $path } » ({ $what }) : { $reason }
path-link-escapes = le chemin ({ $what }) « { $path } » sort du { $folder } (par un lien vers { $target })
path-link-escapes-help = copiez le fichier dans { $dir } au lieu d’y faire un lien
path-not-a-file = « { $path } » ({ $what }) est { $kind }, pas un fichier
image-problem = « { $src } » : { $problem }
image-too-large-help = réduisez l’image (une fiche n’a pas besoin de plus de 2000 pixels de large environ)
image-unreadable-help = exportez de nouveau l’image en PNG ou en JPEG
png-no-palette = le fichier PNG utilise des couleurs indexées mais n’a pas de palette (bloc PLTE) : ses couleurs sont inconnues
png-chunks-too-large = les données annexes du fichier PNG (texte, profil de couleur) demandent plus de { $max } à lire, la limite de l’outil qui écrit le PDF
alt-empty = le texte de remplacement est vide
alt-missing = l’image n’a pas de texte de remplacement ("alt")
alt-missing-help = décrivez ce que montre l’image, pour les lecteurs qui ne la voient pas : "alt": "…"
width-out-of-range = la largeur { $width } n’est pas comprise entre { $min } et 1
width-help = la largeur est une fraction de la largeur du texte, par exemple 0.5 pour la moitié

## Entre les fiches
no-guides = aucune fiche (*.json) dans { $dir }
changed-during-run = le fichier a changé pendant que guidepress tournait : son identifiant était « { $was } », il est maintenant « { $now } »
changed-during-run-help = relancez la commande une fois le fichier enregistré
duplicate-id = l’identifiant « { $id } » est aussi celui de { $others }
duplicate-id-help = donnez à chaque fiche son propre identifiant (son nom de fichier, ou un champ "id")
unknown-guide-help = l’identifiant d’une fiche est son nom de fichier sans .json, sauf si elle a un champ "id"

## Structure JSON
kind-null = null
kind-bool = true ou false
kind-number = un nombre
kind-string = un texte
kind-list = une liste
kind-list-brackets = une liste [ … ]
kind-object = un objet
kind-object-braces = un objet {"{"} … {"}"}
kind-value = une valeur
kind-the-value = la valeur { $value }
unknown-field = champ inconnu "{ $key }"
wrong-type = { $expected } était attendu, { $found } a été trouvé

## Lecture d’un fichier
file-unreadable = impossible de lire le fichier : { $reason }
file-gone-help = il a été supprimé ou déplacé pendant que guidepress lisait le dossier, ou c’est un lien vers un fichier disparu
file-too-large = fichier trop gros : { $size } octets, la limite est de { $limit } octets
file-too-large-help = découpez la fiche en plusieurs fiches
utf16 = le fichier est enregistré en UTF-16, pas en UTF-8
not-utf8 = le fichier n’est pas en UTF-8 valide (octet 0x{ $byte } ligne { $line }, colonne { $column }){ $guess ->
    [utf16] ; il semble être en UTF-16
    [latin1] ; il semble être en Latin-1/Windows-1252
   *[none] {""}
}
not-utf8-help = enregistrez-le en UTF-8 dans votre éditeur (par exemple « Enregistrer avec l’encodage → UTF-8 »)
duplicate-field = le champ "{ $key }" est écrit deux fois
duplicate-field-help = n’en gardez qu’un ; le dernier l’emporterait sans prévenir
json-trailing-comma = une virgule après le dernier élément
json-trailing-comma-help = supprimez la virgule après le dernier élément
json-double-comma = deux virgules de suite
json-double-comma-help = supprimez la virgule en trop
json-eof-object = le fichier se termine avant la fermeture d’un objet
json-eof-object-help = ajoutez le « {"}"} » manquant
json-eof-list = le fichier se termine avant la fermeture d’une liste
json-eof-list-help = ajoutez le « ] » manquant
json-eof-string = le fichier se termine au milieu d’un texte
json-eof-string-help = fermez le texte par un guillemet droit "
json-empty = le fichier est vide
json-eof = le fichier se termine trop tôt
json-eof-help = une fiche est un objet JSON : {"{"} "format": 1, … {"}"}
json-colon = « : » attendu après le nom du champ
json-colon-help = écrivez les champs sous la forme "nom": valeur
json-comma = une virgule ou « { $close } » était attendu
json-comma-help = ajoutez une virgule entre les deux éléments, ou fermez par « { $close } »
json-comma-previous-line-help = il manque probablement une virgule à la fin de la ligne précédente
json-key-quotes = un nom de champ doit être entre guillemets droits
json-key-quotes-help = écrivez-le "nom": valeur
json-single-quotes-help = utilisez des guillemets doubles " au lieu des apostrophes '
json-value = une valeur était attendue
json-value-help = une valeur est un "texte", un nombre, true, false, null, une [liste] ou un {"{"}objet{"}"}
json-bare-word = mot inconnu
json-bare-word-help = mettez le texte entre guillemets doubles ; les seuls mots sans guillemets sont true, false et null
json-escape = échappement par barre oblique inverse invalide dans un texte
json-escape-help = écrivez \\ pour une barre oblique inverse (par exemple "C:\\dossier"), \n pour un retour à la ligne
json-lone-surrogate = « \u{ $digits } » n’est qu’une moitié de caractère (un demi-codet isolé)
json-lone-surrogate-help = les échappements \uD800 à \uDFFF vont par paires (par exemple \uD83D\uDE00) ; mieux : tapez le caractère lui-même
json-short-escape = un échappement \u demande quatre chiffres hexadécimaux
json-short-escape-help = écrivez par exemple \u00E9, ou tapez le caractère lui-même
json-trailing = du texte après la fin du document JSON
json-trailing-help = le fichier doit contenir un seul objet ; supprimez ce qui suit son « {"}"} » final
json-too-deep = le fichier est imbriqué trop profondément
json-control = un texte contient un vrai retour à la ligne ou une tabulation
json-control-help = fermez le texte sur la même ligne ; écrivez \n pour un retour à la ligne, \t pour une tabulation
json-control-char = un texte contient le caractère de contrôle invisible { $code }
json-control-char-help = supprimez-le : il vient souvent d’un texte collé depuis un autre programme

## Blocs
block-not-object = un bloc doit être un objet {"{"} "type": … {"}"}, mais c’est { $found }
block-no-type = le bloc n’a pas de "type"
block-no-type-help = ajoutez "type" avec l’une de ces valeurs : { $list }
unknown-block-type = type de bloc inconnu "{ $name }"
block-no-other-fields = un bloc "{ $block }" n’a pas d’autre champ
block-takes = un bloc "{ $block }" accepte { $list }
field-not-in-block = le champ "{ $key }" n’appartient pas à un bloc "{ $block }"
heading-level = le niveau de titre { $level } n’existe pas
heading-level-help = utilisez 1, 2 ou 3
unknown-callout-kind = type d’encadré inconnu "{ $kind }"
list-empty = la liste n’a aucun élément
list-too-deep = les listes s’imbriquent sur { $max } niveaux au plus
list-too-deep-help = aplatissez cette liste, ou découpez-la en plusieurs
list-item-type = un texte ou un objet {"{"} "text": …, "items": [ … ] {"}"} était attendu, mais c’est { $found }
step-type = une étape {"{"} "text": … {"}"} était attendue, mais c’est { $found }
step-type-help = écrivez l’étape {"{"} "text": "…" {"}"}
step-image-type = une image {"{"} "src": …, "alt": … {"}"} était attendue, mais c’est { $found }
table-empty-header = l’en-tête n’a aucune cellule
table-empty-header-help = indiquez les titres des colonnes, ou supprimez "header"
table-no-rows = le tableau n’a aucune ligne
table-the-header = l’en-tête
table-row-one = la ligne 1
table-row-empty = la ligne { $row } n’a aucune cellule
table-row-width = la ligne { $row } a { $cells } cellules mais { $from } en a { $width }
table-row-width-help = donnez le même nombre de cellules à chaque ligne (utilisez "" pour une cellule vide)
attachment-no-href = la pièce jointe n’a pas de "href"
attachment-no-href-help = écrivez un chemin de fichier comme "files/charte.pdf" ou une adresse https://
attachment-unreadable = impossible de lire la pièce jointe « { $href } » : { $reason }

## Fiches et collection
char-control = caractère de contrôle
char-bidi = contrôle de direction du texte
char-bom = marque d’ordre des octets
char-non-character = non-caractère
invisible-char = le texte contient un caractère invisible ({ $kind }) { $char } au caractère { $at }{ $more ->
    [0] {""}
    [one] {" "}(et 1 autre dans ce texte)
   *[other] {" "}(et { $more } autres dans ce texte)
}
invisible-char-key = le nom de champ "{ $key }" contient un caractère invisible ({ $kind }) { $char }
invisible-bidi-help = supprimez-le : il change l’ordre d’affichage du texte qui suit, et la fiche imprimée ne se lirait pas comme le fichier
invisible-char-help = supprimez-le (il vient souvent d’un texte collé depuis un autre programme) ; écrivez \n pour un retour à la ligne
collection-not-object = collection.json doit être un objet JSON {"{"} "format": 1, "title": … {"}"}, mais c’est { $found }
guide-not-object = une fiche doit être un objet JSON {"{"} "format": 1, … {"}"}, mais c’est { $found }
unknown-lang = langue inconnue « { $lang } »
unknown-paper = format de papier inconnu « { $paper } »
order-bad-id = « { $id } » n’est pas un identifiant de fiche (minuscules, chiffres et tirets)
duplicate-order = « { $id } » figure deux fois dans "order"
duplicate-order-help = supprimez la seconde ; c’est la première position qui compte
format-missing-help = { $what } commence par "format": 1
unsupported-format = le format { $format } n’est pas pris en charge ; cette version de guidepress lit le format 1
unsupported-format-help = écrivez "format": 1, ou mettez guidepress à jour
bad-id = l’identifiant « { $id } » n’est pas valide : utilisez des minuscules, des chiffres et des tirets
bad-file-name = le nom de fichier « { $stem }.json » n’est pas un identifiant de fiche valide (minuscules, chiffres et tirets)
bad-file-name-help = renommez le fichier, par exemple « vider-cache.json », ou ajoutez un "id"
bad-file-name-slug-help = renommez le fichier « { $slug }.json », ou ajoutez "id": "{ $slug }"
id-too-long = l’identifiant fait { $bytes } caractères ; un identifiant en a au plus { $max }
id-too-long-help = raccourcissez-le à { $max } caractères au plus : il nomme les fichiers de la fiche
file-name-too-long = le nom du fichier donne un identifiant de { $bytes } caractères ; un identifiant en a au plus { $max }
file-name-too-long-help = renommez le fichier en { $max } caractères au plus avant « .json », ou ajoutez un "id" plus court
for-example = par exemple « { $example } »
date-help = écrivez les dates au format AAAA-MM-JJ, par exemple 2022-03-13
date-order = "updated" ({ $updated }) est antérieur à "published" ({ $published })
date-order-help = vérifiez les deux dates ; une mise à jour vient après la première publication
body-empty = le corps ("body") n’a aucun bloc
body-empty-help = ajoutez au moins un bloc, par exemple {"{"} "type": "paragraph", "text": "…" {"}"}
no-guides-folder = impossible de lire le dossier des fiches { $dir } : { $reason }
no-guides-folder-help = indiquez le dossier qui contient collection.json et les fichiers .json des fiches
order-unknown = "order" cite « { $id } », mais aucune fiche n’a cet identifiant
order-unknown-help = supprimez-le, ou ajoutez le fichier de la fiche
not-in-order = la fiche « { $id } » n’est pas dans "order" ; elle vient après celles qui y sont
not-in-order-help = ajoutez « { $id } » à "order" à sa place

## Fichiers produits
missing-glyph = aucune police fournie n’a le caractère { $char } ({ $code })
missing-glyph-help = utilisez un autre caractère, ou écrivez-le en toutes lettres
too-long = la fiche « { $id } » demanderait { $pages } pages ; la limite est de { $max }
too-long-help = découpez-la en plusieurs fiches, ou cherchez un texte collé deux fois ou des sauts de page après chaque ligne
write-pdf = impossible d’écrire le PDF : { $reason }
write-help = vérifiez que le dossier de sortie est accessible en écriture et que le disque n’est pas plein
write-name-too-long-help = le système a refusé un nom de fichier trop long : gardez des identifiants de { $max } caractères au plus et un chemin de dossier de sortie court
write-bundle = impossible d’écrire l’archive : { $reason }
write-bundle-help = vérifiez que le dossier de sortie est accessible en écriture et que le disque n’est pas plein ; l’archive précédente, s’il y en a une, n’a pas changé
create-out-dir = impossible de créer le dossier de sortie : { $reason }
bug-help = c’est probablement un défaut de guidepress ; signalez-le en joignant les fiches
interrupted = interrompu (Ctrl+C) ; { $kept }
interrupted-help = relancez la commande pour terminer
kept-pack = aucun recueil écrit, le précédent est resté tel quel
kept-bundle = aucune archive écrite, la précédente est restée telle quelle
kept-site = le site est resté tel quel
kept-pdfs = { $written } PDF sur { $total } écrits, les autres sont restés tels quels
low-resolution = l’image « { $src } » s’imprime à { $dpi } ppp ({ $pixels } pixels sur { $cm } cm) ; en dessous de { $min } ppp, elle paraît floue sur papier
low-resolution-help = utilisez une image d’au moins { $needed } pixels de large, ou indiquez une largeur ("width") plus petite
stale-guide = dernière mise à jour le { $date }, plus de { $years } ans avant la fiche la plus récente ({ $newest })
stale-guide-help = vérifiez que la fiche est toujours juste, puis mettez la date du jour dans "updated"
unused-image = aucune fiche n’utilise cette image
unused-image-help = supprimez le fichier, ou montrez-le dans une fiche avec un bloc "image"
pdf-standard = la fiche « { $id } » ne peut pas être publiée en { $standards } : { $reason }
pdf-standard-help = corrigez le contenu indiqué ci-dessus, ou choisissez une autre norme --pdf-standard
pdf-standard-options-help = utilisez --pdf-standard avec un seul niveau PDF/A, éventuellement avec ua-1
guide-problem = fiche « { $id } » : { $problem }
no-guide-to-pack = il n’y a aucune fiche à mettre dans le recueil
no-guide-to-pack-help = ajoutez des fichiers de fiches (*.json) dans le dossier des fiches
bad-version = la version « { $version } » ne peut pas figurer dans un nom de fichier
bad-version-help = utilisez des lettres, des chiffres, des points, des tirets, des soulignés et +, par exemple 2024-09 ou v1.2
placeholder = le texte de départ « { $text } » est toujours là
placeholder-help = remplacez-le par le texte de la fiche ; d’ici là, la fiche est un brouillon, qui ne compte pas pour juger les fiches anciennes

## Entrées
entry-folder = un dossier
entry-pipe = un tube nommé
entry-device = un périphérique
entry-socket = une socket
entry-other = un élément qui n’est pas un fichier ordinaire
file-not-a-file = impossible de lire le fichier : c’est { $kind }, pas un fichier
file-not-a-file-help = les fiches sont des fichiers JSON : déplacez ou renommez cet élément pour que son nom ne finisse pas par .json
url-too-long = cette adresse fait { $bytes } octets ; un lien imprimé reçoit un code QR, qui contient au plus { $max } octets
url-too-long-help = raccourcissez l’adresse (par exemple l’adresse courte de la page, ou une redirection sur le site de l’établissement)
kept-check = la vérification n’est pas allée au bout ; rien n’a été écrit
in-edition = dans l’édition { $edition }, { $message }

## Les additions au format : touches, chemins de menu, sous-étapes, images côte à côte, variantes, repères, colonnes
key-empty = la touche au caractère { $at } n’a pas de nom
key-empty-help = écrivez le nom de la touche entre "[[" et "]]", par exemple [[Ctrl]]
menu-empty = le chemin de menu au caractère { $at } est vide
menu-empty-label = le chemin de menu au caractère { $at } a un libellé vide
menu-empty-help = écrivez les libellés entre "{"{{"}" et "{"}}"}", séparés par ">", par exemple {"{{"}Menu > Aide{"}}"}
unclosed-key = "[[" (touche) ouvert au caractère { $at } et jamais fermé : il s’imprime tel quel
unclosed-key-help = fermez-le avec "]]", ou écrivez \[\[ pour imprimer les crochets sans cet avertissement
unclosed-menu = "{"{{"}" (chemin de menu) ouvert au caractère { $at } et jamais fermé : il s’imprime tel quel
unclosed-menu-help = fermez-le avec "{"}}"}", ou écrivez \{"{"}\{"{"} pour imprimer les accolades sans cet avertissement
substeps-empty = la liste n’a aucune sous-étape
substeps-empty-help = indiquez les sous-étapes, ou supprimez "substeps"
step-image-and-images = une étape a "image" ou "images", pas les deux
step-image-and-images-help = placez l’image de "image" dans la liste "images"
pictures-empty = la liste n’a aucune image
pictures-empty-help = indiquez une à trois images {"{"} "src": …, "alt": … {"}"}
pictures-too-many = { $n } images côte à côte : une rangée en contient { $max } au plus
pictures-too-many-help = répartissez-les dans plusieurs étapes ou blocs "images" de trois au plus
what-variant = une variante
variants-empty = le bloc n’a aucune variante
variants-example = indiquez les variantes, par exemple {"{"} "label": "Firefox", "body": [ … ] {"}"}
variants-count = { $n ->
    [one] { $n } variante
   *[other] { $n } variantes
} : un bloc "variants" en a de { $min } à { $max }
variants-too-few-help = avec une seule variante, écrivez ses blocs directement dans le corps de la fiche
variants-too-many-help = gardez les cas principaux, ou répartissez-les en deux blocs sous leurs propres titres
variants-duplicate-label = deux variantes portent le libellé « { $label } »
variants-duplicate-label-help = donnez à chaque variante son propre libellé (l’autre est { $first })
variant-type = une variante {"{"} "label": …, "body": [ … ] {"}"} était attendue, mais c’est { $found }
variant-empty = la variante n’a aucun bloc
variant-empty-help = ajoutez les blocs de la variante, par exemple {"{"} "type": "paragraph", … {"}"}
variant-nested = une variante ne peut pas contenir un autre bloc "variants"
variant-nested-help = écrivez les cas intérieurs sous forme de liste ou de tableau, ou découpez les variantes
variant-page-break = une variante ne peut pas contenir de saut de page
variant-page-break-help = placez le saut de page avant ou après le bloc "variants"
what-annotation = un repère "{ $name }"
annotation-type = un repère {"{"} "type": "marker", … {"}"} était attendu, mais c’est { $found }
annotation-no-type = le repère n’a pas de "type"
annotation-no-type-help = ajoutez "type" avec l’une de ces valeurs : { $list }
annotation-unknown-type = type de repère inconnu "{ $name }"
annotation-field = le champ "{ $key }" n’appartient pas à un "{ $name }"
annotation-takes = un "{ $name }" accepte { $list }
marker-number = le numéro de repère { $n } n’est pas un nombre entier de 1 à { $max }
marker-number-help = numérotez les repères 1, 2, 3… comme le texte y renvoie
marker-twice = le repère { $n } figure deux fois sur cette image
marker-twice-help = numérotez chaque repère une seule fois (le { $n } est déjà en { $first })
box-no-area = un cadre de { $w }×{ $h } pixels n’a pas de surface
box-no-area-help = donnez au cadre une largeur et une hauteur, par exemple [120, 40]
box-outside = le cadre de { $from } à { $to } dépasse de l’image de { $w }×{ $h } pixels
box-outside-help = réduisez-le ou déplacez-le : son coin opposé doit rester dans ({ $w }, { $h })
arrow-no-length = la flèche de { $from } à { $to } n’a pas de longueur
arrow-no-length-help = faites pointer "to" ailleurs que sur "from"
point-negative = { $point } est hors de l’image : les pixels se comptent à partir de 0
point-negative-help = les coordonnées sont des pixels comptés depuis le coin en haut à gauche (0, 0)
point-type = deux nombres [x, y] étaient attendus, mais il y en a { $n }
point-type-help = écrivez le point en pixels de l’image, par exemple [120, 45]
point-outside = { $point } est hors de l’image de { $w }×{ $h } pixels
point-outside-help = les coordonnées sont les pixels de l’image, de (0, 0) en haut à gauche à ({ $w }, { $h })
columns-count = "columns" décrit { $given } colonnes, mais le tableau en a { $count }
columns-count-help = donnez une entrée par colonne, dans l’ordre ({"{}"} pour une colonne sans réglage)
column-type = une colonne {"{"} "width": …, "align": … {"}"} était attendue, mais c’est { $found }
column-width-range = la largeur { $width } n’est pas comprise entre 0 (exclu) et 1
column-width-range-help = la largeur d’une colonne est une fraction de celle du tableau, par exemple 0.25 pour un quart
column-align-unknown = alignement inconnu "{ $align }"
column-widths-over = les largeurs des colonnes font { $sum } en tout, plus que le tableau entier (1)
column-widths-over-help = réduisez-les pour que leur somme ne dépasse pas 1
column-widths-full = les largeurs des colonnes font 1 en tout et ne laissent rien { $open ->
    [one] à la colonne qui n’en a pas
   *[other] aux { $open } colonnes qui n’en ont pas
}
column-widths-full-help = donnez une largeur à chaque colonne, ou réduisez les autres

## Coupure des mots (collection.json)
hyphenation-not-object = "hyphenation" doit être un objet qui associe des mots à leur coupure, { $found } a été trouvé
hyphenation-not-object-help = par exemple {"{"} "cookies": "cookies", "navigateur": "na-vi-ga-teur" {"}"}
hyphenation-not-word = "{ $word }" n’est pas un mot : indiquez des mots seuls, faits de lettres
hyphenation-not-word-help = une entrée par mot, sans espace, chiffre, apostrophe ni trait d’union
hyphenation-not-string = la coupure de "{ $word }" doit être un texte comme "{ $word }", { $found } a été trouvé
hyphenation-twice = "{ $word }" figure deux fois (les mots sont comparés en minuscules)
hyphenation-twice-help = ne gardez qu’une entrée pour ce mot
hyphenation-pattern-help = écrivez les lettres de "{ $word }" dans l’ordre, avec un trait d’union là où le mot peut être coupé (par exemple "na-vi-ga-teur"), ou le mot seul pour qu’il ne soit jamais coupé
hyphenation-bad-chars = "{ $pattern }" ne peut contenir que les lettres de "{ $word }" et des traits d’union
hyphenation-hyphen-place = chaque trait d’union de "{ $pattern }" doit se trouver entre deux lettres
hyphenation-spells = "{ $pattern }" donne "{ $letters }" et non "{ $word }"
hyphen-short-word = "{ $pattern }" a moins de { $min } lettres : des mots aussi courts ne sont jamais coupés
hyphen-near-end = un trait d’union de "{ $pattern }" laisse moins de { $before } lettres avant lui ou { $after } après lui : le mot n’est jamais coupé à cet endroit
hyphen-ignored-help = supprimez les traits d’union qui ne peuvent pas servir

## Identifiants, JSON et limites
reserved-id = l’identifiant "{ $id }" est réservé : la page d’accueil du site web est { $id }.html
reserved-id-help = choisissez un autre identifiant, par exemple "{ $id }-fiche"
reserved-file-name = le nom de fichier "{ $id }.json" donne l’identifiant "{ $id }", qui est réservé : la page d’accueil du site web est { $id }.html
reserved-file-name-help = renommez le fichier, par exemple "{ $id }-fiche.json", ou ajoutez un autre "id"
json-other = JSON incorrect : { $reason }
value-invalid = valeur refusée : { $reason }
kind-other = { $kind }
noun-file = fichier
too-many-columns = le tableau a { $width } colonnes ; un tableau en a au plus { $max }, le maximum qui reste lisible sur une page A5 en gros caractères
too-many-columns-help = découpez-le en plusieurs tableaux, ou échangez lignes et colonnes
attachment-too-large = la pièce jointe "{ $href }" est trop grosse : { $bytes } octets, la limite est de { $limit } octets
attachment-too-large-help = faites plutôt un lien vers le fichier sur un site web (une adresse https)
forced-break = { $count ->
    [one] { $words } ne tient pas dans sa ligne ({ $mm } mm) et est coupé sans trait d’union
   *[other] { $count } mots ne tiennent pas dans leur ligne (jusqu’à { $mm } mm) et sont coupés sans trait d’union : { $words }{ $more ->
        [0] {""}
       *[other] {" "}et { $more } autres
    }
}
forced-break-help = les noms, codes, adresses et titres ne sont jamais coupés par un trait d’union : raccourcissez le texte, ou donnez moins de colonnes au tableau

## Dossiers de sortie, site et recueils
out-overlaps-input = le dossier de sortie { $out } empiète sur le dossier source { $input } ; choisissez un autre --out
out-not-folder = { $path } existe et n’est pas un dossier
out-not-site = { $path } n’est pas vide et ne contient pas de { $marker } : ce n’est pas un site créé par guidepress ; choisissez un dossier nouveau ou vide avec --out
staging-create = impossible de créer le dossier provisoire { $path } : { $reason }
site-move = impossible de mettre le nouveau site à la place de { $path } : { $reason } ; l’ancien site est inchangé
folder-create = impossible de créer { $path } : { $reason }
file-write = impossible d’écrire { $path } : { $reason }
attachments-clash = les pièces jointes { $first } et { $second } seraient toutes deux publiées sous le nom { $path } ; renommez l’une d’elles
pictures-clash = deux images différentes seraient toutes deux publiées sous le nom { $path } ; renommez l’une d’elles
unknown-standard = norme PDF inconnue "{ $name }" ; valeurs possibles : { $valid } (combinez un niveau PDF/A avec ua-1, par exemple a-2a,ua-1)
one-pdfa-level = choisissez un seul niveau PDF/A, pas { $levels } ; ua-1 peut s’y ajouter
base-url-bad = --base-url : { $problem } ; { $help }
unknown-only = fiche inconnue "{ $id }" dans --only ; { $hint }
guides-are = les fiches sont : { $list }
handout-one-guide = la mise en page handout imprime une seule fiche, mais { $selected } sont sélectionnées ; choisissez-en une avec --only, par exemple --only { $example }
pack-no-guides = le recueil n’a aucune fiche à imprimer
pack-handout-count = la mise en page handout imprime une seule fiche, pas { $count }
pack-unsettled = les numéros de page ne se sont pas stabilisés après { $passes } passes de mise en page (nombres de pages { $counts }) ; c’est un défaut de guidepress, signalez-le en joignant les fiches
pdf-options = options PDF impossibles : { $reason }
internal-error = erreur interne : { $reason }
image-processing = impossible de préparer une image pour le web : { $reason }
new-reserved-id = "{ $id }" est réservé : la page d’accueil du site web est { $id }.html ; choisissez un autre identifiant
new-bad-id = "{ $id }" n’est pas un identifiant de fiche valide : utilisez des lettres minuscules et des chiffres reliés par des tirets simples
new-exists = { $path } existe déjà

## Images inutilisables
image-unreadable = impossible de lire l’image : { $reason }
image-file-too-large = fichier image trop gros : { $size }, la limite est de { $limit } Mo
image-not-a-file = impossible de lire l’image : c’est { $kind }, pas un fichier
image-not-png-jpeg = ni PNG ni JPEG ({ $what })
magic-empty = le fichier est vide
magic-gif = c’est un GIF
magic-webp = c’est un WebP
magic-svg = c’est un SVG ou un autre fichier XML
magic-pdf = c’est un PDF
magic-bmp = c’est un BMP
magic-tiff = c’est un TIFF
magic-heic = cela ressemble à du HEIC/AVIF
magic-unknown = format inconnu
image-too-many-pixels = image trop grande : { $width } × { $height } pixels, la limite est de { $max } × { $max }
image-no-pixels = l’image { $format } n’a aucun pixel ({ $width } × { $height })
image-jpeg-cut = le fichier JPEG est tronqué : ses données d’image n’ont pas de marqueur de fin (il n’a pas été entièrement copié ou téléchargé)
image-over-memory = image trop grande pour être décodée avec { $mib } Mio de mémoire
image-damaged = le fichier { $format } est endommagé ou incomplet : { $reason }
output-file-overlaps = le fichier de sortie { $out } remplacerait le dossier d’entrée { $input } ou serait dedans ; choisissez un autre --out
