#!/usr/bin/env python3
"""Rebuild the letter texts of datasets/real-letters from the source repositories.

Letters whose source carries a licence that allows copying are committed under
letters/<id>.txt; the others are not: this script recreates unlicensed/<id>.txt
byte for byte from local copies of the public source repositories and checks
each against the sha256 in its label.

Usage:
  python3 rebuild.py --sources DIR [--only ID ...] [--all]   rebuild and verify
  python3 rebuild.py --check [--all]                         verify existing files only

DIR holds one git repository per source, named <owner>+<name> (a bare git dir,
a clone, or a directory holding either as repo/). Files are read with
`git cat-file blob <commit>:<path>`, so the clone needs the labelled commit.
Standard library only. Exit code 1 if anything failed or a repository was missing.
"""
import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "labels")
OUT_UNLICENSED = os.path.join(HERE, "unlicensed")
OUT_LICENSED = os.path.join(HERE, "letters")
COPYABLE = {"mit", "apache-2.0", "cc-by-4.0", "cc0-1.0", "unlicense"}


class Failure(Exception):
    pass


# ---------------------------------------------------------------- extractors
# Each turns the blob (str) into the letter a person would paste into `lede check`.

def _tidy(text):
    text = text.replace("\r\n", "\n").replace("\u00a0", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


def ex_file(blob):
    """The file as it is (line endings and trailing blanks tidied)."""
    return _tidy(blob)


def ex_frontmatter(blob):
    """Markdown with a YAML/Jekyll front matter block: the block is dropped, <br> tags too."""
    text = re.sub(r"\A---\n.*?\n---\n", "", blob.replace("\r\n", "\n"), flags=re.S)
    return _tidy(re.sub(r"<br\s*/?>", "", text))


def ex_toml_frontmatter(blob):
    """Markdown with a Hugo TOML front matter block (between `+++` lines): the block is dropped."""
    return _tidy(re.sub(r"\A\+\+\+\n.*?\n\+\+\+\n", "", blob.replace("\r\n", "\n"), flags=re.S))


def ex_python_string(blob):
    """A Python module holding one letter in a triple-quoted string: its text."""
    match = re.search(r'"""(.*?)"""', blob, flags=re.S)
    if match is None:
        raise Failure("no triple-quoted string found")
    return _tidy(match.group(1))


def ex_markdown_breaks(blob):
    """Markdown that spaces paragraphs with lone `\\` and `&nbsp;` lines: those lines go."""
    lines = [ln for ln in blob.replace("\r\n", "\n").split("\n") if ln.strip() not in ("\\", "&nbsp;")]
    return _tidy("\n".join(lines))


def _strip_tags(s):
    s = re.sub(r"<[^>]+>", "", s)
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def ex_jsx_letter(blob):
    """A Next.js page of Text.Greeting / Text.P / Signature components: their text, one paragraph each."""
    parts = []
    for tag, body in re.findall(r"<(Text\.Greeting|Text\.P|Text\.Closing|Signature)>(.*?)</\1>", blob, flags=re.S):
        text = _strip_tags(re.sub(r"\{['\"](.*?)['\"]\}", r"\1", body))
        if text:
            parts.append(text)
    if not parts:
        raise Failure("no Text.P components found")
    return "\n\n".join(parts) + "\n"


def ex_html_letter(blob):
    """An HTML page holding one letter: paragraphs from its <p> elements, from the greeting on."""
    start = re.search(r"<p>\s*Dear", blob)
    if start is None:
        raise Failure("no <p>Dear ... greeting found")
    paras = [_strip_tags(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", blob[start.start():], flags=re.S)]
    return "\n\n".join(p for p in paras if p) + "\n"


def ex_js_template(blob):
    """A JavaScript module holding one letter in a template literal: its text, each line's indent dropped."""
    match = re.search(r"`(.*?)`", blob, flags=re.S)
    if match is None:
        raise Failure("no template literal found")
    return _tidy("\n".join(line.strip() for line in match.group(1).split("\n")))


def ex_quoted_section(blob, section):
    """A Markdown page of several examples: the quoted letter under its n-th "Complete Cover Letter" heading."""
    parts = re.split(r"^### Complete Cover Letter.*$", blob.replace("\r\n", "\n"), flags=re.M)
    if not 1 <= section < len(parts):
        raise Failure("no section %d (%d found)" % (section, len(parts) - 1))
    match = re.search(r'^"(.*?)"\s*$', parts[section], flags=re.S | re.M)
    if match is None:
        raise Failure("section %d holds no quoted letter" % section)
    return _tidy(match.group(1))


EXTRACTORS = {
    "quoted-section": ex_quoted_section,
    "js-template": ex_js_template,
    "file": ex_file,
    "frontmatter": ex_frontmatter,
    "toml-frontmatter": ex_toml_frontmatter,
    "python-string": ex_python_string,
    "markdown-breaks": ex_markdown_breaks,
    "jsx-letter": ex_jsx_letter,
    "html-letter": ex_html_letter,
}


# ---------------------------------------------------------------- labels and git

def load_label(path):
    """The top-level `id`, `sha256` and `source` (one line of JSON, which is also YAML)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, val = line.partition(":")
            val = val.strip()
            if key == "source":
                out["source"] = json.loads(val)
            elif key in ("id", "sha256"):
                out[key] = val.strip('"')
    return out


def gitdir(root, repo):
    base = os.path.join(root, repo.replace("/", "+"))
    for cand in (os.path.join(base, "repo"), os.path.join(base, ".git"), base):
        if os.path.isfile(os.path.join(cand, "HEAD")) and os.path.isdir(os.path.join(cand, "objects")):
            return cand
    return None


def show(git, commit, path):
    r = subprocess.run(["git", "--git-dir=" + git, "cat-file", "blob", "%s:%s" % (commit, path)], capture_output=True)
    if r.returncode != 0:
        raise Failure("cannot read %s:%s: %s" % (commit[:12], path, r.stderr.decode(errors="replace").strip()[:200]))
    return r.stdout.decode("utf-8")


def build(root, source):
    git = gitdir(root, source["repo"])
    if git is None:
        raise Failure("MISSING REPO %s (clone https://github.com/%s into %s/%s)"
                      % (source["repo"], source["repo"], root, source["repo"].replace("/", "+")))
    blob = show(git, source["commit"], source["path"])
    extract = EXTRACTORS[source["extract"]]
    text = extract(blob, source["section"]) if "section" in source else extract(blob)
    return text.encode("utf-8")


def licensed(source):
    return str(source.get("license", "none")).lower() in COPYABLE


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", metavar="DIR")
    ap.add_argument("--only", nargs="+", metavar="ID")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--all", action="store_true", help="also the licensed letters (letters/)")
    args = ap.parse_args()
    if not args.check and not args.sources:
        ap.error("--sources DIR is required unless --check is given")
    done = failed = 0
    for name in sorted(os.listdir(LABELS)):
        lab = load_label(os.path.join(LABELS, name))
        src = lab["source"]
        if args.only and lab["id"] not in args.only:
            continue
        if licensed(src) and not args.all and not args.only:
            continue
        out = os.path.join(OUT_LICENSED if licensed(src) else OUT_UNLICENSED, lab["id"] + ".txt")
        try:
            if args.check:
                if not os.path.exists(out):
                    raise Failure("missing " + os.path.relpath(out, HERE))
                data = open(out, "rb").read()
            else:
                data = build(args.sources, src)
            got = hashlib.sha256(data).hexdigest()
            if got != lab["sha256"]:
                raise Failure("sha256 %s, label says %s" % (got, lab["sha256"]))
        except (Failure, KeyError, ValueError, UnicodeDecodeError) as error:
            print("FAIL %s: %s" % (lab["id"], error))
            failed += 1
            continue
        if not args.check:
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "wb") as f:
                f.write(data)
        done += 1
    print("%s %d, failed %d" % ("verified" if args.check else "rebuilt", done, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
