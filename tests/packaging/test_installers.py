"""The installer scripts and the release workflow agree with the spec (names, version source, guards).

They only run on Windows and macOS runners, so these checks are what keeps them consistent here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import app
from app.cli import build_parser
from app.importers import SUPPORTED_SUFFIXES
from tests.conftest import REPO
from tests.packaging.test_bundle_contents import DESTINATIONS, bundle

ISS = (REPO / "packaging" / "windows" / "duidu.iss").read_bytes()
ISS_TEXT = ISS.decode("utf-8-sig")
MAC_BUILD = (REPO / "packaging" / "macos" / "build.sh").read_text(encoding="utf-8")
WORKFLOW = (REPO / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")


def _iss_setting(name: str) -> str:
    match = re.search(rf"^{name}=(.*)$", ISS_TEXT, re.MULTILINE)
    assert match, name
    return match.group(1).strip()


def test_windows_installer_is_per_user_and_versioned_from_outside() -> None:
    assert ISS.startswith(b"\xef\xbb\xbf"), "Inno Setup reads non-ASCII scripts only as UTF-8 with a BOM"
    assert _iss_setting("PrivilegesRequired") == "lowest"
    assert _iss_setting("DefaultDirName").startswith("{localappdata}")
    assert _iss_setting("AppVersion") == "{#AppVersion}"
    assert "#error Pass the version" in ISS_TEXT
    assert re.search(r"/DAppVersion=\$\{\{ steps\.version\.outputs\.version \}\}", WORKFLOW)


def test_windows_installer_installs_the_spec_output_with_a_start_menu_entry() -> None:
    spec = (REPO / "packaging" / "duidu.spec").read_text(encoding="utf-8")
    assert 'executable(f"{bundle.EXE_NAME}-cli", console=True)' in spec  # the console twin on Windows
    assert rf"dist\{bundle.EXE_NAME}" in ISS_TEXT
    assert re.search(
        rf'^Name: "{{autoprograms}}\\Duidu"; Filename: "{{app}}\\{bundle.EXE_NAME}\.exe"', ISS_TEXT, re.M
    )


def test_windows_languages_english_and_chinese_with_english_fallback() -> None:
    assert 'Name: "english"; MessagesFile: "compiler:Default.isl"' in ISS_TEXT
    # the unofficial translation is layered over Default.isl: messages it lacks fall back to English
    assert 'MessagesFile: "compiler:Default.isl,{#ChineseMessages}"' in ISS_TEXT
    assert "#error ChineseSimplified.isl is missing" in ISS_TEXT
    assert "/DRequireChinese" in WORKFLOW
    pinned = re.search(r"issrc/\$commit/Files/Languages/Unofficial/ChineseSimplified\.isl", WORKFLOW)
    assert pinned and re.search(r'\$commit = "[0-9a-f]{40}"', WORKFLOW)
    for key in ("OpenWithTask", "SpeechFileType", "IntegrationGroup"):
        assert f"english.{key}=" in ISS_TEXT and f"chinesesimplified.{key}=" in ISS_TEXT


def test_file_associations_are_optional_and_off_by_default() -> None:
    task = re.search(r'^Name: "openwith";.*$', ISS_TEXT, re.M)
    assert task and "Flags: unchecked" in task.group(0)
    registry = [line for line in ISS_TEXT.splitlines() if line.startswith("Root: HKA")]
    assert registry and all("Tasks: openwith" in line for line in registry)
    assert not [line for line in registry if "HKLM" in line]


def test_macos_script_builds_the_bundle_checks_the_plist_and_makes_a_dmg() -> None:
    assert "packaging/duidu.spec" in MAC_BUILD
    assert f"dist/{bundle.APP_NAME}.app" in MAC_BUILD
    assert f'Contents/MacOS/{bundle.EXE_NAME}" --self-test' in MAC_BUILD
    for key in ("CFBundleShortVersionString", "NSHighResolutionCapable", "NSRequiresAquaSystemAppearance"):
        assert f"check_key {key}" in MAC_BUILD
    assert "hdiutil create" in MAC_BUILD
    assert "app.__version__" in MAC_BUILD


def test_workflow_builds_every_platform_on_a_tag_and_self_tests_each() -> None:
    assert re.search(r'tags: \["v\*"\]', WORKFLOW)
    for runner in ("windows-latest", "macos-14", "macos-13", "ubuntu-"):
        assert f"os: {runner}" in WORKFLOW
    assert "arch: arm64" in WORKFLOW and "arch: x86_64" in WORKFLOW
    assert f"{bundle.EXE_NAME}-cli.exe --self-test" in WORKFLOW
    assert f"{bundle.APP_NAME}.app/Contents/MacOS/{bundle.EXE_NAME} --self-test" in WORKFLOW
    assert f"dist/{bundle.EXE_NAME}/{bundle.EXE_NAME} --self-test" in WORKFLOW
    assert "actions/upload-artifact" in WORKFLOW


def test_signing_steps_run_only_when_their_secrets_exist() -> None:
    steps = re.split(r"\n      - ", WORKFLOW)
    signing = [s for s in steps if re.search(r"name: (Sign|Notarise|Import the signing)", s)]
    assert len(signing) == 4
    for step in signing:
        guard = re.search(r"if: (.*)", step)
        assert guard and "env.HAVE_" in guard.group(1), step.splitlines()[0]


# ---- the app icon, on every platform ----

DESKTOP = REPO / "packaging" / "linux" / "duidu.desktop"
INSTALL_SH = REPO / "packaging" / "linux" / "install.sh"
#: What the importers read (app.importers.SUPPORTED_SUFFIXES), as the MIME types Linux menus speak.
MIME_SUFFIXES = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/html": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def _desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def test_windows_installer_and_executables_show_the_app_icon() -> None:
    spec = (REPO / "packaging" / "duidu.spec").read_text(encoding="utf-8")
    assert spec.count("icon=bundle.icon(sys.platform, REPO)") == 2  # EXE (Windows .exe) and BUNDLE (.app)
    define = re.search(r'^#define AppIcon AddBackslash\(SourcePath\) \+ "(.*)"$', ISS_TEXT, re.M)
    assert define, "duidu.iss defines no AppIcon"
    icon = (REPO / "packaging" / "windows" / define.group(1).replace("\\", "/")).resolve()
    assert str(icon) == bundle.icon("win32", REPO)
    assert "#if !FileExists(AppIcon)" in ISS_TEXT
    assert _iss_setting("SetupIconFile") == "{#AppIcon}"
    # Apps & features shows the icon of the executable the spec gave duidu.ico
    assert _iss_setting("UninstallDisplayIcon") == rf"{{app}}\{bundle.EXE_NAME}.exe"


def test_macos_bundle_names_the_icns_it_ships() -> None:
    plist = bundle.info_plist(app.__version__)
    assert plist["CFBundleIconFile"] == Path(bundle.icon("darwin", REPO)).name  # BUNDLE copies it so
    assert f"check_key CFBundleIconFile {plist['CFBundleIconFile']}" in MAC_BUILD
    assert f'"$app/Contents/Resources/{plist["CFBundleIconFile"]}"' in MAC_BUILD


def test_linux_menu_entry_names_the_icon_and_the_command() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Name"] == bundle.APP_NAME and entry["Name[zh_CN]"] == "对读"
    assert entry["Icon"] == bundle.LINUX_ICON_NAME
    sizes = {int(p.stem.split("-")[1]) for p in (REPO / "resources" / "icons").glob(f"{entry['Icon']}-*.png")}
    assert {16, 32, 48, 64, 128, 256} <= sizes  # the sizes menus and docks ask the hicolor theme for
    assert {f"resources/icons/{entry['Icon']}-{size}.png" for size in sizes} <= DESTINATIONS

    command, *arguments = entry["Exec"].split()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert command == bundle.EXE_NAME and command in scripts  # the frozen executable and the pip command
    assert arguments[-1] == "%F"  # any number of files, local paths
    args = build_parser().parse_args([*arguments[:-1], "speech.txt"])
    assert args.handler.__module__ == "app.cli.gui"
    assert entry["StartupWMClass"] == bundle.EXE_NAME  # docks group the window under this entry

    mime = [m for m in entry["MimeType"].split(";") if m]
    assert all(MIME_SUFFIXES[m] in SUPPORTED_SUFFIXES for m in mime)
    windows = set(re.findall(r'Subkey: "Software\\Classes\\(\.\w+)\\OpenWithProgids"', ISS_TEXT))
    assert windows and windows <= SUPPORTED_SUFFIXES and windows <= set(MIME_SUFFIXES.values())
    assert bundle.linux_desktop_files(REPO) == [DESKTOP, INSTALL_SH]


def _unpacked_folder(root: Path) -> Path:
    """A stand-in for the unpacked Linux build: its executable, the menu files and the icon PNGs."""
    folder = root / "Duidu folder"
    (folder / "_internal" / "resources").mkdir(parents=True)
    shutil.copytree(REPO / "resources" / "icons", folder / "_internal" / "resources" / "icons")
    for path in bundle.linux_desktop_files(REPO):
        shutil.copy2(path, folder / path.name)
    (folder / "duidu").write_text("#!/bin/sh\n", encoding="utf-8")
    (folder / "duidu").chmod(0o755)
    return folder


@pytest.mark.skipif(sys.platform == "win32" or not shutil.which("sh"), reason="a POSIX shell script")
def test_linux_install_script_installs_the_menu_entry_with_its_icon(tmp_path: Path) -> None:
    folder = _unpacked_folder(tmp_path)
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    result = subprocess.run(
        ["sh", str(folder / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    data = home / ".local" / "share"
    installed = (data / "applications" / "duidu.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/duidu" gui %F' in installed.splitlines()  # full path, quoted (a space)
    assert "Icon=duidu" in installed.splitlines()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "duidu.png").read_bytes() == (
        REPO / "resources" / "icons" / "duidu-48.png"
    ).read_bytes()
    assert (home / ".local" / "bin" / "duidu").resolve() == folder / "duidu"

    result = subprocess.run(["sh", str(folder / "install.sh"), "--uninstall"], env=env, check=False)
    assert result.returncode == 0
    assert not (data / "applications" / "duidu.desktop").exists()
    assert not list(data.rglob("duidu.png")) and not (home / ".local" / "bin" / "duidu").exists()
