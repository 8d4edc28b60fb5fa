"""Browser tests skip with one clear reason where Chromium is missing, and fail instead in CI."""

import subprocess
import sys

from conftest import ROOT, browser_required, missing_browser


def test_ci_and_require_site_make_browser_tests_required():
    assert browser_required({"CI": "true"}) and browser_required({"MAKEMORE_REQUIRE_SITE": "1"})
    assert not browser_required({}) and not browser_required({"CI": "false", "MAKEMORE_REQUIRE_SITE": "0"})


def test_a_missing_chromium_is_named(tmp_path):
    reason = missing_browser(str(tmp_path / "no-chromium"))
    assert reason and "no-chromium" in reason and "MAKEMORE_CHROMIUM" in reason


def run_browser_test(tmp_path, **env) -> subprocess.CompletedProcess:
    """A one-line browser test run by pytest as a reader would, with Chromium pointed at nothing."""
    (tmp_path / "conftest.py").write_text((ROOT / "tests" / "conftest.py").read_text())
    (tmp_path / "test_b.py").write_text("import pytest\n\n@pytest.mark.browser\ndef test_page():\n    pass\n")
    clean = {k: v for k, v in __import__("os").environ.items() if k not in ("CI", "MAKEMORE_REQUIRE_SITE")}
    return subprocess.run([sys.executable, "-m", "pytest", "-rsf", "-p", "no:cacheprovider", "-o", "addopts=",
                           "-o", "markers=browser: a browser test", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True,
                          env=dict(clean, MAKEMORE_CHROMIUM=str(tmp_path / "none"), **env))


def test_without_chromium_browser_tests_skip_with_the_reason(tmp_path):
    result = run_browser_test(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout and "no Chromium at" in result.stdout


def test_without_chromium_browser_tests_fail_in_ci(tmp_path):
    for env in ({"CI": "true"}, {"MAKEMORE_REQUIRE_SITE": "1"}):
        result = run_browser_test(tmp_path, **env)
        assert result.returncode == 1, result.stdout
        assert "1 error" in result.stdout and "no Chromium at" in result.stdout  # fails in setup
