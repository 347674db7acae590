# The --help texts: help-<command>-about, help-<command>-<argument>.
help-template = {"{"}about-with-newline{"}"}
    Utilisation : {"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commandes
help-flag-help = Afficher l’aide
help-flag-version = Afficher la version

## guidepress
help-guidepress-about = Transforme des fiches JSON en PDF accessibles, prêts à imprimer.
help-guidepress-ui_lang = Langue des messages et de l’aide : fr ou en [par défaut : GUIDEPRESS_UI_LANG, sinon LC_ALL, LC_MESSAGES, LANG]

## build
help-build-about = Construit un PDF par fiche dans <OUT>/pdf/ (le cache va dans <OUT>/.guidepress.cache/).
help-build-guides = Dossier des fiches (*.json, avec un collection.json facultatif).
help-build-images = Dossier des images [par défaut : le dossier images/ à côté de GUIDES].
help-build-out = Dossier de sortie : les PDF dans <OUT>/pdf/, le cache du travail inchangé dans <OUT>/.guidepress.cache/.
help-build-jobs = Nombre de fils de calcul [par défaut : tous les cœurs].

## check
help-check-about = Vérifie toutes les fiches (images comprises) sans rien écrire.
help-check-guides = Dossier des fiches (*.json, avec un collection.json facultatif).
help-check-images = Dossier des images [par défaut : le dossier images/ à côté de GUIDES].
help-check-format = Présentation des problèmes : human (sortie d’erreur), json (sortie standard, voir docs/diagnostics.md) ou github (annotations de workflow sur la sortie standard).
help-check-deny_warnings = Échoue (code 1) aussi en cas d’avertissement.

## schema
help-schema-about = Affiche le schéma JSON des fiches (ou de collection.json), pour les éditeurs.
help-schema-of = Le schéma de quel fichier : une fiche (guide) ou collection.json (collection).

## new
help-new-about = Écrit une fiche de départ <GUIDES>/<ID>.json que `check` accepte.
help-new-id = L’identifiant de la nouvelle fiche : minuscules et chiffres reliés par des tirets, 100 caractères au plus, par exemple vider-cache.
help-new-guides = Dossier des fiches.
help-new-title = Le titre de la fiche [par défaut : un texte à remplacer].

## watch
help-watch-about = Reconstruit les PDF de ce qui a changé à chaque enregistrement ; arrêtez avec Ctrl+C.
help-watch-guides = Dossier des fiches (*.json, avec un collection.json facultatif).
help-watch-images = Dossier des images [par défaut : le dossier images/ à côté de GUIDES].
help-watch-out = Dossier de sortie : les PDF dans <OUT>/pdf/, le cache du travail inchangé dans <OUT>/.guidepress.cache/.
help-watch-jobs = Nombre de fils de calcul [par défaut : tous les cœurs].
help-watch-debounce_ms = Temps de calme après la dernière modification avant de reconstruire, en millisecondes.
help-watch-poll_ms = Intervalle entre deux recherches de modifications, en millisecondes.
help-watch-exit_after = S’arrête après ce nombre de reconstructions (pour les tests).

## bundle
help-bundle-about = Vérifie, puis construit les fiches à imprimer, chaque mise en page du recueil et le site dans une archive zip reproductible : <OUT>/bundle/<collection>-<version>.zip.
help-bundle-guides = Dossier des fiches (*.json, avec un collection.json facultatif).
help-bundle-images = Dossier des images [par défaut : le dossier images/ à côté de GUIDES].
help-bundle-out = Dossier de sortie : l’archive va dans <OUT>/bundle/, le cache dans <OUT>/.guidepress.cache/.
help-bundle-version = Version dans le nom du fichier [par défaut : la date "updated" la plus récente des fiches et 8 chiffres hexadécimaux de l’empreinte du contenu].
help-bundle-jobs = Nombre de fils de calcul [par défaut : tous les cœurs].
help-bundle-no_cache = Reconstruit tout, sans lire ni mettre à jour le cache.

## site
help-site-about = Publie un dossier pour un site web : PDF pour l’écran, vignettes, index.html, manifest.json.
help-site-guides = Dossier des fiches (*.json, avec un collection.json facultatif).
help-site-images = Dossier des images [par défaut : le dossier images/ à côté de GUIDES].
help-site-out = Le dossier du site ; remplacé en entier, seulement après une construction réussie (le cache va dans .guidepress.cache/ à côté).
help-site-base_url = L’adresse où le site sera publié (remplace le base_url de la collection).
help-site-relative = Utilise des liens relatifs même si la collection a un base_url.
help-site-pdf_standard = Normes que les PDF doivent respecter : ua-1, a-2b, a-2u, a-2a, ou un niveau PDF/A avec ua-1 (par exemple a-2a,ua-1).
help-site-jobs = Nombre de fils de calcul [par défaut : tous les cœurs].

## pack
help-pack-about = Construit le recueil à imprimer : couverture, sommaire et toutes les fiches dans un seul PDF pour l’imprimante du secrétariat.
help-pack-guides = Dossier des fiches (*.json, avec un collection.json facultatif).
help-pack-images = Dossier des images [par défaut : le dossier images/ à côté de GUIDES].
help-pack-layout = Mise en page sur le papier : single, 2up, booklet (livret) ou handout (deux exemplaires à couper).
help-pack-duplex = Commence chaque fiche sur une page de droite (impaire), pour l’impression recto verso.
help-pack-only = Seulement ces fiches (identifiants séparés par des virgules), dans l’ordre de la collection.
help-pack-large_print = Gros caractères : texte courant d’au moins 16 pt, titres plus grands, mise en page refaite.
help-pack-fold_marks = Repères au milieu de chaque feuille pour plier ou couper (2up, booklet).
help-pack-out = Fichier de sortie [par défaut : out/pack/<collection>-<layout>[-duplex][-large].pdf].
help-pack-jobs = Nombre de fils de calcul [par défaut : tous les cœurs].
