#!/usr/bin/env python3
"""Rebuild the posting texts of datasets/real-postings from the source repositories.

The texts of sources without a licence (unlicensed/<id>.txt) are not committed;
this script recreates them byte for byte from local copies of the public source
repositories and checks each one against the sha256 in its label.

Usage:
  python3 rebuild.py --sources DIR [--only ID ...] [--all]   rebuild and verify
  python3 rebuild.py --check [--only ID ...] [--all]         verify existing files only

DIR holds one git repository per source, named <owner>+<name> or <owner>/<name>:
a clone with a work tree, a bare git dir, or a directory holding either as repo/.
Files are read with `git cat-file blob <commit>:<path>` (what `git show` prints for
a blob), so the state of a work tree does not matter; the clone needs full history.
--all also covers the licensed sources (postings/<id>.txt, which are committed);
so does naming a licensed id with --only.
Standard library only. Exit code 1 if anything failed or a repository was missing.
"""
import argparse
import csv
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "labels")
OUT_UNLICENSED = os.path.join(HERE, "unlicensed")
OUT_LICENSED = os.path.join(HERE, "postings")

csv.field_size_limit(1 << 30)


# ---------------------------------------------------------------- labels

def _flow_map(text):
    """Parse a one-line YAML flow mapping such as `{ repo: "a/b", row: 3 }`."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError("not a flow mapping: %r" % text)
    body, out, i = text[1:-1], {}, 0
    while i < len(body):
        while i < len(body) and body[i] in " ,":
            i += 1
        if i >= len(body):
            break
        j = body.index(":", i)
        key = body[i:j].strip()
        i = j + 1
        while i < len(body) and body[i] == " ":
            i += 1
        if i < len(body) and body[i] == '"':
            val, end = json.JSONDecoder().raw_decode(body, i)
            i = end
        elif i < len(body) and body[i] == "{":
            depth, j = 0, i
            while True:
                depth += {"{": 1, "}": -1}.get(body[j], 0)
                j += 1
                if depth == 0:
                    break
            val, i = _flow_map(body[i:j]), j
        else:
            j = body.find(",", i)
            j = len(body) if j < 0 else j
            val, i = _scalar(body[i:j]), j
        out[key] = val
    return out


def _scalar(v):
    v = v.strip()
    if v in ("", "null", "~"):
        return None
    if v in ("true", "false"):
        return v == "true"
    if re.fullmatch(r"-?\d+", v):
        return int(v)
    if v.startswith('"'):
        return json.loads(v)
    if v.startswith("{"):
        return _flow_map(v)
    return v


def load_label(path):
    """Read the top-level keys this script needs (id, source, note, header, extract, sha256)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith((" ", "#", "-")):
                continue
            key, _, val = line.partition(":")
            if key in ("id", "source", "note", "header", "extract", "sha256"):
                out[key] = _scalar(val)
    return out


def wants_header(label):
    """`header: added` (own field or at the start of the note) -> Company/Title lines prepended."""
    extract = label.get("extract") or {}
    if "header" in extract:
        return bool(extract["header"])
    return label.get("header") == "added" or str(label.get("note") or "").startswith("header: added")


# ---------------------------------------------------------------- git access

class Repos:
    def __init__(self, root):
        self.root = root
        self.gitdirs = {}
        self.cache = {}

    def gitdir(self, repo):
        if repo in self.gitdirs:
            return self.gitdirs[repo]
        owner, name = repo.split("/", 1)
        found = None
        for base in (os.path.join(self.root, owner + "+" + name), os.path.join(self.root, owner, name)):
            for cand in (os.path.join(base, ".git"), base, os.path.join(base, "repo", ".git"),
                         os.path.join(base, "repo")):
                if os.path.isfile(cand):  # .git file of a linked work tree / submodule
                    r = subprocess.run(["git", "-C", base, "rev-parse", "--absolute-git-dir"],
                                       capture_output=True, text=True)
                    if r.returncode == 0:
                        found = r.stdout.strip()
                elif os.path.isfile(os.path.join(cand, "HEAD")) and os.path.isdir(os.path.join(cand, "objects")):
                    found = cand
                if found:
                    break
            if found:
                break
        self.gitdirs[repo] = found
        return found

    def show(self, repo, commit, path):
        key = (repo, commit, path)
        if key not in self.cache:
            ck = ("commit", repo, commit)
            if ck not in self.cache:
                self.cache[ck] = subprocess.run(
                    ["git", "--git-dir=" + self.gitdir(repo), "cat-file", "-e", commit + "^{commit}"],
                    capture_output=True).returncode == 0
            if not self.cache[ck]:
                raise Failure("commit %s is not in the local %s (shallow or old clone? try "
                              "`git fetch --unshallow` or `git fetch`)" % (commit[:12], repo))
            # `git cat-file blob` = `git show <commit>:<path>` without any textconv/filter
            r = subprocess.run(["git", "--git-dir=" + self.gitdir(repo), "cat-file", "blob",
                                "%s:%s" % (commit, path)], capture_output=True)
            if r.returncode != 0:
                raise Failure("cannot read %s:%s: %s" % (commit[:12], path,
                                                             r.stderr.decode(errors="replace").strip()[:200]))
            self.cache[key] = r.stdout
        return self.cache[key]

    def csv_rows(self, repo, commit, path):
        key = ("csv", repo, commit, path)
        if key not in self.cache:
            text = self.show(repo, commit, path).decode("utf-8-sig")
            self.cache[key] = list(csv.DictReader(io.StringIO(text, newline="")))
        return self.cache[key]


class Failure(Exception):
    pass


# ---------------------------------------------------------------- extractors
# Each returns (company, title, text); company/title are only used for `header: added`.

def _eol(text):
    """CSV fields were saved with one final newline unless they already end in one."""
    return text if text.endswith("\n") else text + "\n"


def _row(rows, n, base, src):
    i = int(n) - base
    if not 0 <= i < len(rows):
        raise Failure("row %s out of range (%d rows) in %s" % (n, len(rows), src["path"]))
    return rows[i]


def ex_readme(repos, src):
    """RemoteWLB: README.md copied byte for byte."""
    return None, None, repos.show(src["repo"], src["commit"], src["path"]).decode("utf-8")


def ex_csv(company_col, title_col, desc_col, base):
    def f(repos, src):
        row = _row(repos.csv_rows(src["repo"], src["commit"], src["path"]), src["row"], base, src)
        return row[company_col], row[title_col], _eol(row[desc_col])
    f.__doc__ = "CSV field `%s`, row = %d-based data-row index" % (desc_col, base)
    return f


def ex_anouk(repos, src):
    """Anouk2311: description keyed by Indeed job id, company/title from the folder's listings file."""
    rows = [r for r in repos.csv_rows(src["repo"], src["commit"], src["path"]) if r["id"] == src["row"]]
    if not rows:
        raise Failure("job id %s not in %s" % (src["row"], src["path"]))
    folder = os.path.dirname(src["path"])
    listings = folder + "/" + os.path.basename(folder) + "-listings.csv"
    meta = [r for r in repos.csv_rows(src["repo"], src["commit"], listings) if r["id"] == src["row"]]
    company = meta[0]["company"] if meta else None
    title = meta[0]["title"] if meta else None
    return company, title, _eol(rows[0]["description"])


def nhs_html_to_text(s):
    s = html.unescape(s)  # the JSON field holds escaped HTML (&lt;p&gt; ...)
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    s = re.sub(r"<li[^>]*>", "\n\n• ", s, flags=re.I)
    s = re.sub(r"</?(p|ul|ol|li|div|h\d)[^>]*>", "\n\n", s, flags=re.I)
    s = re.sub(r"<[^>]+>", "", s)
    s = "\n".join(ln.rstrip(" \t") for ln in s.split("\n"))  # leading blanks and NBSP lines stay
    s = re.sub(r"\n{3,}", "\n\n", s).strip()
    return s + "\n"


def ex_nhs(repos, src):
    """NHS Jobs: schema.org JobPosting JSON; description HTML converted to text."""
    d = json.loads(repos.show(src["repo"], src["commit"], src["path"]).decode("utf-8"))
    return d["hiringOrganization"]["name"], d["title"], nhs_html_to_text(d["description"])


def ex_la(repos, src):
    """City of Los Angeles bulletins: CRLF -> LF only."""
    raw = repos.show(src["repo"], src["commit"], src["path"])
    return None, None, raw.decode("utf-8").replace("\r\n", "\n")


EXTRACTORS = {
    "RemoteWLB/remote-jobs": ex_readme,
    "DelphineSabatier/data-science-jobs-canada-2024": ex_csv("companyName", "title", "description", 0),
    "ErickMA01/Data-Science-Jobs-2024-Linkedin-Canada": ex_csv("companyName", "title", "description", 0),
    "abdellah326/Canada-Data-Science-Jobs-Analysis": ex_csv("companyName", "title", "description", 0),
    "Anouk2311/indeed-job-listings": ex_anouk,
    "nolivercuny/data607-team-6-project-3": ex_csv("company_name", "job_title", "description", 1),
    "jckober5/data_analyst_jobs": ex_csv("company_name", "title", "description", 1),
    "stochastictalk/nhs_jobs_data": ex_nhs,
    "bigbluey/Natural-Language-Processing-City-of-Los-Angeles-Job-Descriptions": ex_la,
}

BLANK_AFTER_HEADER = {
    "nolivercuny/data607-team-6-project-3",
    "jckober5/data_analyst_jobs",
    "stochastictalk/nhs_jobs_data",
}


def build(repos, label):
    src = label["source"]
    company, title, text = EXTRACTORS[src["repo"]](repos, src)
    if wants_header(label):
        if company is None or title is None:
            raise Failure("header wanted but no company/title column for this source")
        # part-a sources (LinkedIn Canada CSVs, Anouk2311) put the text right under the
        # header; part-b sources (nolivercuny, jckober5, NHS) leave one blank line after it.
        gap = "\n" if src["repo"] in BLANK_AFTER_HEADER else ""
        text = "Company: %s\nTitle: %s\n%s%s" % (company, title, gap, text)
    return text.encode("utf-8")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", metavar="DIR", help="directory holding the source repositories")
    ap.add_argument("--only", nargs="+", metavar="ID", help="only these posting ids")
    ap.add_argument("--check", action="store_true", help="verify existing files, write nothing")
    ap.add_argument("--all", action="store_true", help="also the licensed sources (postings/)")
    args = ap.parse_args()
    if not args.check and not args.sources:
        ap.error("--sources DIR is required unless --check is given")

    labels = []
    for name in sorted(os.listdir(LABELS)):
        if name.endswith(".yaml"):
            lab = load_label(os.path.join(LABELS, name))
            lab.setdefault("id", name[:-5])
            labels.append(lab)
    done = failed = missing = 0
    if args.only:
        known = {lab["id"] for lab in labels}
        for i in args.only:
            if i not in known:
                print("FAIL %s: no such label" % i)
                failed += 1
        labels = [lab for lab in labels if lab["id"] in set(args.only)]

    repos = Repos(args.sources) if args.sources else None
    missing_repos = set()
    for lab in labels:
        src = lab["source"]
        licensed = str(src.get("license", "none")).lower() not in ("none", "")
        if licensed and not args.all and not args.only:
            continue
        out = os.path.join(OUT_LICENSED if licensed else OUT_UNLICENSED, lab["id"] + ".txt")
        if args.check:
            if not os.path.exists(out):
                print("MISSING %s: %s" % (lab["id"], os.path.relpath(out, HERE)))
                failed += 1
                continue
            data = open(out, "rb").read()
        else:
            if src["repo"] not in EXTRACTORS:
                print("FAIL %s: no extractor for %s" % (lab["id"], src["repo"]))
                failed += 1
                continue
            if repos.gitdir(src["repo"]) is None:
                missing += 1
                if src["repo"] not in missing_repos:
                    missing_repos.add(src["repo"])
                    print("MISSING REPO %s (clone https://github.com/%s into %s/%s)"
                          % (src["repo"], src["repo"], args.sources, src["repo"].replace("/", "+")))
                continue
            try:
                data = build(repos, lab)
            except (Failure, KeyError, ValueError, UnicodeDecodeError) as e:
                print("FAIL %s: %s: %s" % (lab["id"], type(e).__name__, e))
                failed += 1
                continue
        got = hashlib.sha256(data).hexdigest()
        if got != lab.get("sha256"):
            print("FAIL %s: sha256 %s, label says %s" % (lab["id"], got, lab.get("sha256")))
            failed += 1
            continue
        if not args.check:
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "wb") as f:
                f.write(data)
        done += 1
    if args.check:
        print("verified %d, failed %d" % (done, failed))
    else:
        print("rebuilt %d, failed %d, missing repo %d" % (done, failed, missing))
    return 1 if failed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
