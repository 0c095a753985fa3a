"""The session and its bridges: errors with the CLI's message, a serving JVM that outlives a
failing call (and a dead one reported, not waited for), both bridges giving the same results,
and the jar looked for where the docs say."""
from __future__ import annotations

import os
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from support import EXAMPLE, pc, SessionTestCase, without
from peerclear import session as session_module


class ErrorsTest(SessionTestCase):
    def test_an_invalid_case_raises_with_the_clis_message_naming_the_field(self):
        bad = pc.Case.build("bad", [pc.Agent("a", [pc.Asset("a.g", 1, 0)])])
        with self.assertRaises(pc.InvalidInputError) as e:
            self.session.clear(bad)
        self.assertEqual(e.exception.exit_code, 2)
        self.assertIn("agents[a].assets[a.g].pMin", e.exception.message)
        self.assertIsInstance(e.exception, ValueError)
        self.assertEqual(e.exception.command[0], "clear")

    def test_a_bad_option_and_a_missing_file_raise_with_the_clis_message(self):
        with self.assertRaises(pc.InvalidInputError) as e:
            self.session.clear(EXAMPLE, bogus=1)
        self.assertEqual(e.exception.message, "Unknown options: '--bogus', '1'", "the usage text is left out")
        self.assertIn("Usage: peerclear clear", e.exception.stderr)
        with self.assertRaisesRegex(pc.InvalidInputError, "admm.rhoo"):
            self.session.clear(EXAMPLE, "admm", options={"admm.rhoo": 0.1})
        with self.assertRaisesRegex(pc.InvalidInputError, "missing.json"):
            self.session.clear(Path(EXAMPLE).with_name("missing.json"))

    def test_the_serving_jvm_survives_a_failing_call(self):
        pid = self.session._bridge._process.pid
        with self.assertRaises(pc.InvalidInputError):
            self.session.clear(EXAMPLE, method="nope")
        self.assertEqual(self.session.clear(EXAMPLE).status, pc.Status.OPTIMAL)
        self.assertEqual(self.session._bridge._process.pid, pid, "the same JVM")
        self.assertEqual(self.session.run("nope", check=False).exit, 2)
        self.assertTrue(self.session._bridge.alive)

    def test_a_case_that_is_not_a_market_case_is_refused_before_java(self):
        with self.assertRaisesRegex(ValueError, "format"):
            pc.Case.from_dict({"format": "peerclear-orders"})


class BridgesTest(unittest.TestCase):
    def test_serve_and_subprocess_give_the_same_results(self):
        case = pc.Case.load(EXAMPLE)
        results = {}
        for mode in pc.MODES:
            with pc.Session(mode) as s:
                self.assertEqual(s.mode, mode)
                results[mode] = (s.clear(case), s.share(case, "nucleolus"), s.version)
        serve, sub = results["serve"], results["subprocess"]
        self.assertEqual(without(serve[0].raw, "seconds"), without(sub[0].raw, "seconds"))
        self.assertEqual(without(serve[1].raw, "seconds"), without(sub[1].raw, "seconds"))
        self.assertEqual(serve[2], sub[2])
        self.assertTrue(serve[2].startswith("peerclear "))

    def test_a_jvm_that_died_is_reported_with_its_exit_and_the_next_call_too(self):
        s = pc.Session()
        try:
            s._bridge._process.kill()  # the JVM this test started
            for _ in range(2):
                with self.assertRaisesRegex(pc.BridgeError, "stopped"):
                    s.clear(EXAMPLE)
        finally:
            s.close()
        self.assertFalse(s._dir.exists(), "the session's files are deleted")

    def test_an_unknown_mode_is_refused(self):
        with self.assertRaisesRegex(ValueError, "serve, subprocess"):
            pc.Session("rmi")

    def test_closing_stops_the_jvm_and_deletes_the_files(self):
        s = pc.Session()
        process, folder = s._bridge._process, s._dir
        s.clear(EXAMPLE)
        s.close()
        self.assertIsNotNone(process.poll())
        self.assertEqual(process.returncode, 0, "it quit when asked")
        self.assertFalse(folder.exists())
        s.close()  # twice is fine


class ServeBridgeProtocolTest(unittest.TestCase):
    """The client side of the protocol against a stand-in server (a Python script), for what the
    real one should never do."""

    # Answers each request; before the second one's answer, prints a line that is not a response
    # (as native code writing on the JVM's standard output would); stops without answering "die".
    SERVER = (
        "import json, sys\n"
        "for n, line in enumerate(sys.stdin):\n"
        "    r = json.loads(line)\n"
        "    if r['args'] == ['die']:\n"
        "        print('dying', file=sys.stderr); sys.exit(7)\n"
        "    if n == 1:\n"
        "        print('native chatter', flush=True)\n"
        "    print(json.dumps({'id': r['id'], 'exit': 0, 'stdout': ' '.join(r['args']), 'stderr': ''}), flush=True)\n")

    def test_lines_that_are_not_responses_are_skipped_into_the_log_and_a_dead_server_is_reported(self):
        with tempfile.TemporaryDirectory() as d:
            log = Path(d) / "log"
            bridge = pc.bridge.ServeBridge([sys.executable, "-c", self.SERVER], log)
            try:
                self.assertEqual(bridge.call(["a", "b"]).stdout, "a b")
                self.assertEqual(bridge.call(["c"]).stdout, "c")
                self.assertIn("native chatter", log.read_text())
                with self.assertRaises(pc.BridgeError) as e:
                    bridge.call(["die"])
                self.assertIn("exit code 7", e.exception.message)
                self.assertIn("dying", e.exception.message)
            finally:
                bridge.close()


class FindJarTest(unittest.TestCase):
    def test_the_variable_wins_over_the_checkout_and_a_missing_jar_says_how_to_build_it(self):
        real = pc.find_jar()
        with mock.patch.dict(os.environ, {"PEERCLEAR_JAR": "/nowhere/peerclear.jar"}):
            with self.assertRaises(pc.JarNotFoundError) as e:
                pc.find_jar()
            self.assertIn("/nowhere/peerclear.jar ($PEERCLEAR_JAR)", e.exception.message)
            self.assertIn("mvn -B -q -pl cli -am package -DskipTests", e.exception.message)
            self.assertEqual(pc.find_jar(real), real, "a given path wins over the variable")
        with mock.patch.dict(os.environ, {}, clear=False):
            os.environ.pop("PEERCLEAR_JAR", None)
            self.assertEqual(pc.find_jar(), (Path(__file__).resolve().parents[2] / "cli/target/peerclear.jar").resolve())
        with self.assertRaises(pc.JarNotFoundError):
            pc.Session(jar="/nowhere/peerclear.jar")


class CommandLineWordsTest(unittest.TestCase):
    def test_keywords_become_the_clis_options(self):
        self.assertEqual(session_module._flags({"time_limit": 60, "record_convergence": True, "progress": False,
                                                "solver": None, "eps": 1e-08}),
                         ["--time-limit", "60", "--record-convergence", "--eps", "1e-08"])
        self.assertEqual(session_module._named({"admm.rho": 0.5, "admm.adaptiveRho": True}),
                         ["--set", "admm.rho=0.5", "--set", "admm.adaptiveRho=true"])
        self.assertEqual(session_module._text(0.1 + 0.2), "0.30000000000000004", "every digit of a float")


if __name__ == "__main__":
    unittest.main()
