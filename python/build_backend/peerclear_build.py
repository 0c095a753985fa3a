"""PEP 517 / PEP 660 build backend for the peerclear package, standard library only.

Builds a pure-Python wheel (``py3-none-any``) of ``peerclear/``, an editable wheel (a ``.pth``
file naming this folder) and an sdist, so that ``pip install ./python`` and
``pip install -e ./python`` work offline with nothing but pip (pyproject.toml says why not
setuptools). The wheel records the checkout it was built from (``peerclear/_checkout.py``), where
the package looks for ``cli/target/peerclear.jar``.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent  # the python/ folder
PACKAGE = "peerclear"
_TAG = "py3-none-any"
# A fixed timestamp for every archive entry: the same sources give the same archive.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _project() -> dict:
    """The [project] table of pyproject.toml."""
    text = (HERE / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib  # Python >= 3.11
    except ImportError:
        return read_flat_toml(text)["project"]
    return tomllib.loads(text)["project"]


def read_flat_toml(text: str) -> dict:
    """Reads the subset of TOML that pyproject.toml uses, for Pythons without tomllib (< 3.11):
    ``[table]`` and ``[table.sub]`` headers, ``key = "string"`` and ``key = ["string", ...]``
    on one line, ``#`` comments. Anything else is an error, not a guess."""
    out: dict = {}
    table = out
    item = re.compile(r'^([A-Za-z0-9_.-]+)\s*=\s*(.+)$')
    string = re.compile(r'^"((?:[^"\\]|\\.)*)"$')
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            table = out
            for part in line[1:-1].strip().split("."):
                table = table.setdefault(part, {})
            continue
        m = item.match(line)
        if not m:
            raise ValueError(f"pyproject.toml:{number}: not understood without tomllib: {raw!r}")
        key, value = m.group(1), m.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            inner = value[1:-1].strip()
            parts = [p.strip() for p in inner.split(",") if p.strip()] if inner else []
            values = []
            for p in parts:
                s = string.match(p)
                if not s:
                    raise ValueError(f"pyproject.toml:{number}: not a string: {p!r}")
                values.append(s.group(1))
            table[key] = values
        else:
            s = string.match(value)
            if not s:
                raise ValueError(f"pyproject.toml:{number}: not a string: {value!r}")
            table[key] = s.group(1)
    return out


def _metadata(project: dict) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    for requirement in project.get("dependencies", []):
        lines.append(f"Requires-Dist: {requirement}")
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        for requirement in requirements:
            lines.append(f'Requires-Dist: {requirement}; extra == "{extra}"')
    lines.append("Description-Content-Type: text/markdown")
    readme = HERE / project.get("readme", "README.md")
    body = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    return "\n".join(lines) + "\n\n" + body


def _wheel_file() -> str:
    return f"Wheel-Version: 1.0\nGenerator: peerclear_build\nRoot-Is-Purelib: true\nTag: {_TAG}\n"


def _dist_info(project: dict) -> str:
    return f"{project['name']}-{project['version']}.dist-info"


def _wheel_name(project: dict) -> str:
    return f"{project['name']}-{project['version']}-{_TAG}.whl"


def _sources() -> list:
    """The package's files, in name order, without caches."""
    root = HERE / PACKAGE
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
                  and p.name != "_checkout.py")


def _write_wheel(directory: str, project: dict, files: dict) -> str:
    """Writes files (archive name -> bytes) plus the dist-info and RECORD; returns the wheel's name."""
    info = _dist_info(project)
    files = dict(files)
    files[f"{info}/METADATA"] = _metadata(project).encode("utf-8")
    files[f"{info}/WHEEL"] = _wheel_file().encode("utf-8")
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode("utf-8")
    name = _wheel_name(project)
    with zipfile.ZipFile(os.path.join(directory, name), "w", compression=zipfile.ZIP_DEFLATED) as z:
        for arc, data in files.items():
            entry = zipfile.ZipInfo(arc, date_time=_EPOCH)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, data)
    return name


# ---- PEP 517 hooks -----------------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = _project()
    files = {p.relative_to(HERE).as_posix(): p.read_bytes() for p in _sources()}
    checkout = str(HERE.parent)
    files[f"{PACKAGE}/_checkout.py"] = (
        '"""Written by the build: the checkout this copy of peerclear was installed from."""\n'
        f"CHECKOUT = {checkout!r}\n").encode("utf-8")
    return _write_wheel(wheel_directory, project, files)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: a wheel whose .pth file puts this folder on sys.path (the sources stay live)."""
    project = _project()
    return _write_wheel(wheel_directory, project, {f"__editable__.{PACKAGE}.pth": (str(HERE) + "\n").encode("utf-8")})


def build_sdist(sdist_directory, config_settings=None):
    project = _project()
    base = f"{project['name']}-{project['version']}"
    name = f"{base}.tar.gz"
    members = [HERE / "pyproject.toml", HERE / "README.md", HERE / "build_backend" / "peerclear_build.py"] + _sources()
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        pkg_info = _metadata(project).encode("utf-8")
        entry = tarfile.TarInfo(f"{base}/PKG-INFO")
        entry.size = len(pkg_info)
        entry.mode = 0o644
        tar.addfile(entry, io.BytesIO(pkg_info))
        for p in members:
            if p.is_file():
                data = p.read_bytes()
                entry = tarfile.TarInfo(f"{base}/{p.relative_to(HERE).as_posix()}")
                entry.size = len(data)
                entry.mode = 0o644
                tar.addfile(entry, io.BytesIO(data))
    return name
