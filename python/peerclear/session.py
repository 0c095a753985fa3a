"""``Session``: PeerClear's commands as Python calls, through one bridge to the JVM."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Union

from .auction import AuctionResult
from .bridge import MODES, Completed, ServeBridge, SubprocessBridge, java_command
from .case import FORMAT, Case
from .errors import for_exit
from .jar import find_jar, find_java
from .result import Result
from .sharing import Sharing
from .simulation import Simulation

#: A market case: a ``Case``, its JSON as a dict, or the path of a case file (used as it is).
CaseLike = Union[Case, Mapping[str, Any], str, os.PathLike]


class Session:
    """PeerClear from Python. ``mode="serve"`` (the default) keeps one JVM for the session
    (``peerclear serve``); ``mode="subprocess"`` starts one per call. Use it as a context manager,
    or call ``close()``: it stops the JVM and deletes the session's temporary folder.

    Every method runs one command of the CLI (docs/cli.md): inputs are written into a temporary
    folder, the command writes its result files there, and the method reads them back as Python
    objects. A command that refuses its input raises ``InvalidInputError`` with the CLI's
    message; a market that does not clear is a ``Status``, not an exception.

    Args:
        mode: ``"serve"`` or ``"subprocess"``
        jar: the jar to run (default: ``$PEERCLEAR_JAR``, else the checkout's ``cli/target/peerclear.jar``)
        java: the java executable (default: ``$JAVA_HOME/bin/java``, else ``java`` on the PATH)
        jvm_args: options for java, e.g. ``["-Xmx8g"]`` for a large market
    """

    def __init__(self, mode: str = "serve", *, jar: Union[str, os.PathLike, None] = None,
                 java: Union[str, os.PathLike, None] = None, jvm_args: Optional[Sequence[str]] = None):
        if mode not in MODES:
            raise ValueError(f"mode: one of {', '.join(MODES)}, got {mode!r}")
        self.mode = mode
        self.jar = find_jar(jar)
        command = java_command(find_java(java), self.jar, jvm_args)
        self._dir = Path(tempfile.mkdtemp(prefix="peerclear-"))
        try:
            self._bridge = ServeBridge(command, self._dir / "jvm-stderr.log") if mode == "serve" else SubprocessBridge(command)
        except BaseException:
            shutil.rmtree(self._dir, ignore_errors=True)
            raise
        self._finalizer = weakref.finalize(self, _close, self._bridge, self._dir)

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Stops the JVM (serve mode) and deletes the session's temporary files."""
        self._finalizer()

    def __repr__(self) -> str:
        return f"Session(mode={self.mode!r}, jar={str(self.jar)!r})"

    # ---- any command ----------------------------------------------------------------------------

    def run(self, *args: Any, check: bool = True) -> Completed:
        """Runs ``peerclear ARGS`` as the command line would, e.g. ``session.run("powerflow",
        "case33bw")``; paths are passed as given (relative ones from this process's folder when
        the JVM started).

        Raises:
            InvalidInputError, CheckFailedError, InternalError: when ``check`` and the exit code is not 0
        """
        words = [_text(a) for a in args]
        done = self._bridge.call(words)
        if check and done.exit != 0:
            raise for_exit(done.exit, done.stderr, words)
        return done

    @property
    def version(self) -> str:
        """The jar's version line, e.g. ``peerclear 0.1.0-SNAPSHOT``."""
        return self.run("--version").stdout.strip()

    # ---- the commands -----------------------------------------------------------------------------

    def clear(self, case: CaseLike, method: Optional[str] = None, *, options: Optional[Mapping[str, Any]] = None,
              **flags: Any) -> Result:
        """Clears a market case (``clear``).

        Args:
            case: the case (``Case``, dict or path)
            method: ``auto`` (default), ``lp``, ``qp``, ``milp``, ``admm`` or ``multiclass``
            options: named options (``--set NAME=VALUE``), e.g. ``{"admm.rho": 0.01}``
            flags: the command's other options by name, ``_`` for ``-``: e.g. ``solver="ojalgo"``,
                ``time_limit=60``, ``eps=1e-6``, ``record_convergence=True``
        """
        with self._folder() as d:
            out = d / "result.json"
            self.run("clear", self._case(case, d), "--out", out, *_option("--method", method), *_named(options),
                     *_flags(flags))
            return Result.from_json(_read_json(out))

    def simulate(self, case: CaseLike, *, window: Optional[int] = None, step: Optional[int] = None,
                 from_period: Optional[int] = None, to_period: Optional[int] = None, method: Optional[str] = None,
                 options: Optional[Mapping[str, Any]] = None, **flags: Any) -> Simulation:
        """Clears a long horizon one window at a time (``simulate``): windows of ``window`` periods
        (default 24), committing ``step`` (default 24), over periods ``from_period`` (default 0) to
        ``to_period`` (exclusive; default: the case's periods)."""
        with self._folder() as d:
            out = d / "simulation"
            self.run("simulate", self._case(case, d), "--out", out, *_option("--window", window), *_option("--step", step),
                     *_option("--from", from_period), *_option("--to", to_period), *_option("--method", method),
                     *_named(options), *_flags(flags))
            return Simulation.read(out)

    def auction(self, orders: Union[CaseLike, Mapping[str, Any]], mechanism: str = "uniform", *,
                steps: Optional[int] = None, options: Optional[Mapping[str, Any]] = None,
                **flags: Any) -> Union[AuctionResult, List[AuctionResult]]:
        """A double auction (``auction``) on an order file (dict with ``"format":
        "peerclear-orders"``, or a path), or on a market case with ``steps`` (each asset's cost
        curve in K steps). A case over several periods gives a list, one auction per period.

        Args:
            mechanism: ``uniform``, ``huang``, ``cda`` or ``cda-network``
            options: named options, e.g. ``{"auction.k": 0.3}``
        """
        with self._folder() as d:
            out = d / "auction.json"
            self.run("auction", self._orders(orders, d), "--mechanism", mechanism, "--out", out,
                            *_option("--steps", steps), *_named(options), *_flags(flags))
            result = _read_json(out)
            if "periods" in result:
                return [AuctionResult.from_json(r) for r in result["periods"]]
            return AuctionResult.from_json(result)

    def share(self, case: CaseLike, method: str = "shapley", **flags: Any) -> Sharing:
        """Divides a community's savings (``share``): ``method`` is ``shapley``,
        ``shapley-sampled``, ``nucleolus``, ``proportional`` or ``equal``; ``flags`` e.g.
        ``samples=2000, seed=3, target_error=0.01, threads=2``."""
        with self._folder() as d:
            out = d / "sharing.json"
            self.run("share", self._case(case, d), "--method", method, "--out", out, *_flags(flags))
            return Sharing.from_json(_read_json(out))

    def generate(self, peers: int, *, partners: Union[int, str, None] = None, seed: Optional[int] = None,
                 network: Optional[str] = None) -> Case:
        """A seeded synthetic market (``generate``): ``peers`` agents, half producers and half
        consumers, each consumer trading with ``partners`` producers (a number or ``"all"``)."""
        with self._folder() as d:
            out = d / "generated.json"
            self.run("generate", "--peers", peers, "--out", out, *_option("--partners", partners), *_option("--seed", seed),
                     *_option("--network", network))
            return Case(_read_json(out))

    def orders(self, case: CaseLike, steps: int, period: Optional[int] = None) -> Dict[str, Any]:
        """A market case as an order file (``orders``): each asset's cost curve in ``steps``
        price-quantity steps; the order file's JSON (orders.md)."""
        with self._folder() as d:
            out = d / "orders.json"
            self.run("orders", self._case(case, d), "--steps", steps, "--out", out, *_option("--period", period))
            return _read_json(out)

    # ---- files --------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _folder(self) -> Iterator[Path]:
        """A fresh folder for one call's files, deleted after it."""
        d = Path(tempfile.mkdtemp(dir=self._dir))
        try:
            yield d
        finally:
            shutil.rmtree(d, ignore_errors=True)

    @staticmethod
    def _case(case: CaseLike, folder: Path) -> str:
        if isinstance(case, (str, os.PathLike)):
            return str(Path(case).resolve())
        if isinstance(case, Mapping):
            case = Case.from_dict(case)
        if isinstance(case, Case):
            return str(case.save(folder / "case.json"))
        raise TypeError(f"a market case is a Case, a dict or a path, got {type(case).__name__}")

    @staticmethod
    def _orders(orders: Union[CaseLike, Mapping[str, Any]], folder: Path) -> str:
        if isinstance(orders, Mapping) and orders.get("format") != FORMAT:
            path = folder / "orders.json"
            path.write_text(json.dumps(orders), encoding="utf-8")
            return str(path)
        return Session._case(orders, folder)


def _close(bridge: Any, folder: Path) -> None:
    try:
        bridge.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _read_json(path: Path) -> Dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _text(value: Any) -> str:
    """A command-line word: paths as paths, booleans as true/false, numbers in full precision."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _option(name: str, value: Any) -> List[str]:
    return [] if value is None else [name, _text(value)]


def _named(options: Optional[Mapping[str, Any]]) -> List[str]:
    out: List[str] = []
    for k, v in (options or {}).items():
        out += ["--set", f"{k}={_text(v)}"]
    return out


def _flags(flags: Mapping[str, Any]) -> List[str]:
    """Keyword arguments as options: ``time_limit=60`` is ``--time-limit 60``, ``progress=True``
    is ``--progress``, False and None leave the option out."""
    out: List[str] = []
    for k, v in flags.items():
        name = "--" + k.replace("_", "-")
        if v is True:
            out.append(name)
        elif v is None or v is False:
            continue
        elif isinstance(v, (list, tuple)):
            for item in v:
                out += [name, _text(item)]
        else:
            out += [name, _text(v)]
    return out
