"""Where PeerClear's jar and Java are."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import List, Optional, Union

from .errors import BridgeError, JarNotFoundError

#: The environment variable that names the jar, over every other place.
JAR_VARIABLE = "PEERCLEAR_JAR"
#: The jar inside a checkout, as the build writes it.
JAR_IN_CHECKOUT = Path("cli") / "target" / "peerclear.jar"
#: How to build the jar, for the error message.
BUILD_COMMAND = "mvn -B -q -pl cli -am package -DskipTests"


def checkouts() -> List[Path]:
    """The checkouts this package may belong to: the one a regular install recorded, and the
    one around these sources (an editable install, or running from the repository)."""
    out = []
    try:
        from ._checkout import CHECKOUT  # written into the wheel by the build
        out.append(Path(CHECKOUT))
    except ImportError:
        pass
    here = Path(__file__).resolve().parent.parent.parent  # python/peerclear/jar.py -> the repository
    if here not in out:
        out.append(here)
    return out


def find_jar(jar: Union[str, os.PathLike, None] = None) -> Path:
    """The jar to run: ``jar`` if given, else ``$PEERCLEAR_JAR``, else ``cli/target/peerclear.jar``
    in the checkout the package was installed from.

    Raises:
        JarNotFoundError: naming every place looked at and how to build the jar
    """
    if jar is not None:
        candidates = [(Path(jar), "given")]
    elif os.environ.get(JAR_VARIABLE):
        candidates = [(Path(os.environ[JAR_VARIABLE]), "$" + JAR_VARIABLE)]
    else:
        candidates = [(c / JAR_IN_CHECKOUT, "checkout") for c in checkouts()]
    for path, _ in candidates:
        if path.is_file():
            return path.resolve()
    looked = ", ".join(f"{p} ({why})" for p, why in candidates)
    raise JarNotFoundError(
        f"PeerClear's jar is not there: {looked}. Build it in the checkout with `{BUILD_COMMAND}` "
        f"(or run ./peerclear once), or set {JAR_VARIABLE} to a peerclear.jar.", 2)


def find_java(java: Union[str, os.PathLike, None] = None) -> str:
    """The java executable: ``java`` if given, else ``$JAVA_HOME/bin/java``, else ``java`` on the PATH."""
    if java is not None:
        return os.fspath(java)
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    found: Optional[str] = shutil.which("java")
    if found is None:
        raise BridgeError("No java found (JAVA_HOME unset and no java on the PATH): PeerClear needs Java 17 or newer.", 2)
    return found
