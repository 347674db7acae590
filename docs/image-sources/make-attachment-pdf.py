#!/usr/bin/env python3
"""Writes files/ma-premiere-connexion.pdf, the small one-page handout that the
aide-acces-icart guide attaches. Standard library only.

    python3 docs/image-sources/make-attachment-pdf.py   (from the project folder)
"""
import os

TITLE = "Ma première connexion à i-Cart"
LINES = [
    (18, "Ma première connexion à i-Cart"),
    (11, "Collège Louise-Michel, Lussac-les-Châteaux - mémo à garder avec ses identifiants"),
    (11, ""),
    (12, "1. Ouvrir un navigateur récent (Firefox, Chrome, Edge, Opera...)."),
    (12, "2. Taper l'adresse ent.ac-poitiers.fr puis cliquer sur « Se connecter »."),
    (12, "3. Choisir ÉduConnect, puis le profil « Élève » ou « Représentant légal »."),
    (12, "4. Saisir l'identifiant et le mot de passe provisoire reçus du collège."),
    (12, "5. Choisir un nouveau mot de passe personnel et le garder secret."),
    (11, ""),
    (11, "Identifiant : ______________________________"),
    (11, ""),
    (10, "Identifiants perdus : réinitialisation en ligne, FranceConnect (parents),"),
    (10, "ou en dernier recours le secrétariat du collège."),
]


def pdf_string(text):
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    out = os.path.join(root, "files", "ma-premiere-connexion.pdf")
    os.makedirs(os.path.dirname(out), exist_ok=True)

    ops = [b"BT", b"72 770 Td"]
    first = True
    for size, text in LINES:
        if not first:
            ops.append(b"0 -%d Td" % int(size * 1.9))
        first = False
        ops.append(b"/F1 %d Tf" % size)
        ops.append(pdf_string(text) + b" Tj")
    ops.append(b"ET")
    # a ruled frame around the title
    ops.append(b"1.5 w 60 762 m 535 762 l S")
    stream = b"\n".join(ops)

    title_hex = ("FEFF" + TITLE.encode("utf-16-be").hex().upper()).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title <" + title_hex + b"> /Producer (make-attachment-pdf.py) >>",
    ]

    body = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    body += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)

    with open(out, "wb") as f:
        f.write(body)
    print(f"{os.path.relpath(out, root)}: {len(body)} bytes")


if __name__ == "__main__":
    main()
