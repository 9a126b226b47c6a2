"""Writes engine/inventory/api-inventory.json: every PyTorch name the code a learner meets uses.

Sources: the PyTorch code of d2l-en chapters 2 to 5 (preliminaries, linear regression, linear
classification, multilayer perceptrons: the cells tabbed `pytorch` or `all`, and untabbed
ones), the PyTorch tutorials' "Learn the Basics" series and the blitz "Tensors" and "Autograd"
pages, and this course's own lessons and exercises. Names are read with Python's ast:
attribute chains from `torch` (through `import torch.nn as nn`, `from torch import nn`, ...)
become dotted names such as `torch.nn.functional.relu`; an attribute used on any other value
counts as `torch.Tensor.<name>` when real PyTorch's Tensor has it, else `torch.nn.Module.<name>`
or `torch.optim.Optimizer.<name>` when those have it, unless Python's list, dict, str or set have
it too (`x.sort()` may be a list's). That is a reading of the code, not a trace of it: a name
is listed when the code spells it, whichever object it is called on.

Run with Debian's interpreter (it has torch 1.13, which decides what Tensor has):
    /usr/bin/python3 engine/inventory/inventory.py --d2l D2L_CHECKOUT --tutorials TUTORIALS_DIR
where D2L_CHECKOUT is a git checkout of d2l-ai/d2l-en and TUTORIALS_DIR holds the tutorial files
at their repository paths with a SOURCES.txt of `path commit chars` lines. The external sources'
names and commits are kept in the JSON; `--course` alone recomputes only the course's names
from this repository (no network, no checkout) and `--check` fails if the committed file differs.
"""
import ast
import json
import os
import re
import subprocess
import sys
import types

import torch
import torch.nn.functional  # noqa: F401
import torch.utils.data  # noqa: F401

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "api-inventory.json")

D2L_CHAPTERS = ["chapter_preliminaries", "chapter_linear-regression",
                "chapter_linear-classification", "chapter_multilayer-perceptrons"]
TUTORIALS = [
    "beginner_source/basics/intro.py",
    "beginner_source/basics/quickstart_tutorial.py",
    "beginner_source/basics/tensorqs_tutorial.py",
    "beginner_source/basics/data_tutorial.py",
    "beginner_source/basics/transforms_tutorial.py",
    "beginner_source/basics/buildmodel_tutorial.py",
    "beginner_source/basics/autogradqs_tutorial.py",
    "beginner_source/basics/optimization_tutorial.py",
    "beginner_source/basics/saveloadrun_tutorial.py",
    "beginner_source/blitz/tensor_tutorial.py",
    "beginner_source/blitz/autograd_tutorial.py",
]

BUILTIN_ATTRS = set(dir(list)) | set(dir(dict)) | set(dir(str)) | set(dir(set))
CLASSES = [("torch.Tensor", torch.Tensor), ("torch.nn.Module", torch.nn.Module),
           ("torch.optim.Optimizer", torch.optim.Optimizer)]


def public(obj):
    return {n for n in dir(obj) if not n.startswith("_")}


CLASS_NAMES = [(label, public(cls)) for label, cls in CLASSES]


def resolve(dotted):
    """The object PyTorch has at `dotted` (torch.nn.Linear), or None."""
    parts = dotted.split(".")
    obj = torch
    for p in parts[1:]:
        try:
            obj = getattr(obj, p)
        except AttributeError:
            return None
    return obj


def chain(node):
    """`a.b.c` as ['a', 'b', 'c'] when it is names and attributes only, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return parts[::-1]
    return None


class Reader(ast.NodeVisitor):
    def __init__(self):
        self.aliases = {"torch": "torch"}
        self.names = set()

    def visit_Import(self, node):
        for a in node.names:
            if a.name == "torch" or a.name.startswith("torch."):
                if a.asname:
                    self.aliases[a.asname] = a.name
                else:
                    self.aliases["torch"] = "torch"

    def visit_ImportFrom(self, node):
        mod = node.module or ""
        if mod == "torch" or mod.startswith("torch."):
            for a in node.names:
                full = f"{mod}.{a.name}"
                self.aliases[a.asname or a.name] = full
                self.add(full)

    def add(self, dotted):
        """Records the longest prefix of `dotted` that PyTorch has, past its modules."""
        parts = dotted.split(".")
        best = None
        for i in range(2, len(parts) + 1):
            obj = resolve(".".join(parts[:i]))
            if obj is None:
                break
            best = ".".join(parts[:i])
            if not isinstance(obj, types.ModuleType):
                break
        if best is not None and not isinstance(resolve(best), types.ModuleType):
            self.names.add(best)

    def visit_Attribute(self, node):
        parts = chain(node)
        if parts is not None and parts[0] in self.aliases:
            self.add(".".join([self.aliases[parts[0]], *parts[1:]]))
            return  # the chain is one name; its inner attributes are its modules
        name = node.attr
        if not name.startswith("_") and name not in BUILTIN_ATTRS:
            for label, names in CLASS_NAMES:
                if name in names:
                    self.names.add(f"{label}.{name}")
                    break
        self.generic_visit(node)

    def visit_Name(self, node):
        # `from torch import tensor` then `tensor(...)`
        target = self.aliases.get(node.id)
        if target is not None and target != "torch":
            self.add(target)


def names_in(code, reader=None):
    """The names `code` uses; pass one Reader for all the cells of a notebook (imports carry)."""
    # Notebook magics and shell lines are not Python.
    code = "\n".join("" if re.match(r"\s*[%!]", line) else line for line in code.splitlines())
    r = reader or Reader()
    before = set(r.names)
    r.visit(ast.parse(code))
    return r.names - before if reader else r.names


def d2l_cells(text):
    """The code of the cells a PyTorch reader sees: tabbed pytorch or all, or untabbed."""
    for m in re.finditer(r"```\{\.python \.input\}\n(.*?)```", text, re.S):
        body = m.group(1)
        first = body.split("\n", 1)[0]
        tab = re.match(r"%%tab (.*)", first)
        if tab is None or "pytorch" in tab.group(1) or tab.group(1).strip() == "all":
            yield body


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True,
                          text=True).stdout


def from_d2l(repo):
    commit = git(repo, "rev-parse", "HEAD").strip()
    names, files = {}, []
    for chapter in D2L_CHAPTERS:
        for path in sorted(git(repo, "ls-tree", "--name-only", "HEAD", f"{chapter}/").split()):
            if not path.endswith(".md"):
                continue
            files.append(path)
            reader = Reader()
            for cell in d2l_cells(git(repo, "show", f"HEAD:{path}")):
                names_in(cell, reader)
            for n in reader.names:
                names.setdefault(n, []).append(path)
    return {"repo": "d2l-ai/d2l-en", "commit": commit, "files": files}, names


def from_tutorials(folder):
    commits = {}
    for line in open(os.path.join(folder, "SOURCES.txt")):
        path, commit, _chars = line.split()
        commits[path] = commit
    names = {}
    for path in TUTORIALS:
        with open(os.path.join(folder, path)) as f:
            for n in names_in(f.read()):
                names.setdefault(n, []).append(path)
    return {"repo": "pytorch/tutorials", "files": {p: commits[p] for p in TUTORIALS}}, names


def course_code():
    """(path, code) of every Python block of the lessons and every exercise's Python file."""
    docs = os.path.join(ROOT, "content", "docs")
    for lang in sorted(os.listdir(docs)):
        for f in sorted(os.listdir(os.path.join(docs, lang))):
            if f.endswith(".mdx"):
                text = open(os.path.join(docs, lang, f)).read()
                for m in re.finditer(r"^```python[^\n]*\n(.*?)^```", text, re.S | re.M):
                    yield f"content/docs/{lang}/{f}", m.group(1)
    ex = os.path.join(ROOT, "content", "exercises")
    for d in sorted(os.listdir(ex)):
        for dirpath, _dirs, files in sorted(os.walk(os.path.join(ex, d))):
            for f in sorted(files):
                if f.endswith(".py"):
                    path = os.path.join(dirpath, f)
                    yield os.path.relpath(path, ROOT), open(path).read()


def from_course():
    names, readers = {}, {}
    for path, code in course_code():
        # A lesson's cells share one namespace, like a notebook; an exercise file stands alone.
        reader = readers.setdefault(path, Reader()) if path.endswith(".mdx") else Reader()
        try:
            found = names_in(code, reader)
        except SyntaxError:
            continue  # a cell that shows a mistake on purpose
        for n in found:
            names.setdefault(n, []).append(path)
    return names


def merge(by_source):
    out = {}
    for source, names in by_source.items():
        for n in names:
            out.setdefault(n, []).append(source)
    return {n: sorted(set(s)) for n, s in sorted(out.items())}


def main(argv):
    old = json.load(open(OUT)) if os.path.exists(OUT) else None
    args = dict(zip(argv[::2], argv[1::2])) if "--check" not in argv else {}
    if "--d2l" in args:
        d2l_meta, d2l = from_d2l(args["--d2l"])
        tut_meta, tut = from_tutorials(args["--tutorials"])
    else:
        if old is None:
            raise SystemExit("no api-inventory.json yet: run with --d2l and --tutorials once")
        d2l_meta, tut_meta = old["sources"]["d2l-en"], old["sources"]["pytorch-tutorials"]
        d2l = {n: [] for n, s in old["names"].items() if "d2l-en" in s}
        tut = {n: [] for n, s in old["names"].items() if "pytorch-tutorials" in s}
    course = from_course()
    doc = {
        "torch": torch.__version__,
        "sources": {"d2l-en": d2l_meta, "pytorch-tutorials": tut_meta},
        "names": merge({"d2l-en": d2l, "pytorch-tutorials": tut, "course": course}),
    }
    text = json.dumps(doc, indent=1, sort_keys=True) + "\n"
    if "--check" in argv:
        if old is None or text != open(OUT).read():
            raise SystemExit("engine/inventory/api-inventory.json is stale: rerun "
                             "/usr/bin/python3 engine/inventory/inventory.py --course")
        return
    with open(OUT, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
