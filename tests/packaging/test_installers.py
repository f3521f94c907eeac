"""The installer scripts and the release workflow agree with the spec (names, version source, guards).

They only run on Windows and macOS runners, so these checks are what keeps them consistent here.
"""

from __future__ import annotations

import re

from tests.conftest import REPO
from tests.packaging.test_bundle_contents import bundle

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
