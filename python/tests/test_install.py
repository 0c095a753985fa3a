"""The one install command, offline, in a fresh virtual environment with only what Python
bundles (pip and setuptools 65.5, no wheel, no index, no configuration): `pip install ./python`
and the editable `pip install -e ./python`; the installed package finds the checkout's jar."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from support import EXAMPLE, PYTHON, ROOT, env_without

sys.path.insert(0, str(PYTHON / "build_backend"))
import peerclear_build  # noqa: E402

PROBE = ("import peerclear as pc, sys; print(pc.__file__); print(pc.find_jar());"
         " s = pc.Session(); print(s.clear(sys.argv[1]).status); s.close()")


class InstallTest(unittest.TestCase):
    def run_in(self, venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
        python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
        # No index, no configuration: what a machine without this one's local package index has.
        env = env_without("PEERCLEAR_JAR", "PYTHONPATH", "PIP_CONFIG_FILE", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL",
                          "PIP_FIND_LINKS")
        env.update({"PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
        done = subprocess.run([str(python)] + list(args), cwd=cwd, env=env, capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, f"{args}: {done.stdout}\n{done.stderr}")
        return done

    def test_pip_installs_the_package_offline_and_it_finds_the_checkouts_jar(self):
        with tempfile.TemporaryDirectory() as d:
            venv = Path(d) / "venv"
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
            elsewhere = Path(d)
            jar = str((ROOT / "cli/target/peerclear.jar").resolve())

            self.run_in(venv, "-m", "pip", "install", "./python", cwd=ROOT)
            module, found, status = self.run_in(venv, "-c", PROBE, str(EXAMPLE), cwd=elsewhere).stdout.split()
            self.assertTrue(module.startswith(str(venv)), f"installed into the environment: {module}")
            self.assertEqual((found, status), (jar, "OPTIMAL"))

            self.run_in(venv, "-m", "pip", "uninstall", "-y", "peerclear", cwd=ROOT)
            self.run_in(venv, "-m", "pip", "install", "-e", "./python", cwd=ROOT)
            module, found, status = self.run_in(venv, "-c", PROBE, str(EXAMPLE), cwd=elsewhere).stdout.split()
            self.assertEqual(Path(module), PYTHON / "peerclear" / "__init__.py", "editable: the checkout's sources")
            self.assertEqual((found, status), (jar, "OPTIMAL"))


class BuildBackendTest(unittest.TestCase):
    def test_the_fallback_toml_reader_reads_pyproject_as_tomllib_does(self):
        text = (PYTHON / "pyproject.toml").read_text(encoding="utf-8")
        try:
            import tomllib
        except ImportError:
            self.skipTest("no tomllib (Python < 3.11) to compare with")
        self.assertEqual(peerclear_build.read_flat_toml(text), tomllib.loads(text))
        with self.assertRaisesRegex(ValueError, "pyproject.toml:2"):
            peerclear_build.read_flat_toml("[project]\nversion = 1\n")

    def test_the_wheel_holds_the_package_its_metadata_and_a_record_of_every_file(self):
        import zipfile
        with tempfile.TemporaryDirectory() as d:
            name = peerclear_build.build_wheel(d)
            with zipfile.ZipFile(Path(d) / name) as z:
                names = set(z.namelist())
                record = z.read("peerclear-0.1.0.dist-info/RECORD").decode("utf-8").split()
                checkout = z.read("peerclear/_checkout.py").decode("utf-8")
        self.assertEqual(name, "peerclear-0.1.0-py3-none-any.whl")
        self.assertIn("peerclear/session.py", names)
        self.assertIn("peerclear/py.typed", names)
        self.assertFalse(any("__pycache__" in n or n.startswith("tests/") for n in names))
        self.assertEqual({line.split(",")[0] for line in record}, names)
        self.assertIn(repr(str(ROOT)), checkout)


if __name__ == "__main__":
    unittest.main()
