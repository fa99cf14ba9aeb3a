#!/usr/bin/env python3
"""Fetches the resumes this repository only points to (their repositories state no licence) into files/, byte for byte.

Each file is downloaded from GitHub at the commit recorded in resumes.json and kept only if its sha256 matches, so a
rebuilt set is the one that was labelled. CI has no GitHub access: tests over these files skip when they are absent.
Usage: python3 datasets/real-resumes/rebuild.py
"""
import hashlib
import json
import pathlib
import urllib.parse
import urllib.request

here = pathlib.Path(__file__).resolve().parent
listing = json.loads((here / "resumes.json").read_text(encoding="utf-8"))
(here / "files").mkdir(exist_ok=True)

for resume in listing["resumes"]:
    target = here / "files" / resume["file"]
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == resume["sha256"]:
        continue
    if resume["committed"]:
        print(f"{resume['id']}: committed file missing or changed; restore it with git")
        continue
    url = "https://raw.githubusercontent.com/{}/{}/{}".format(
        resume["repo"], resume["commit"], urllib.parse.quote(resume["path"])
    )
    data = urllib.request.urlopen(url, timeout=60).read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != resume["sha256"]:
        print(f"{resume['id']}: {url} has sha256 {digest}, expected {resume['sha256']}; not kept")
        continue
    target.write_bytes(data)
    print(f"{resume['id']}: fetched {target.name}")
