"""Static checks of the deployment files in deploy/: fast, no Docker engine or systemd needed.

- the Dockerfile, parsed by Docker's own parser (the `dockerfile` package), against a few
  hadolint-style rules; each rule is also shown a bad snippet, so it can fail;
- compose.yaml against the Compose Specification's JSON schema (shipped by `check-jsonschema`),
  plus the wiring the schema cannot see: the bot reaches the db service, volumes are declared;
- the systemd unit, by configparser and, where the binary exists, `systemd-analyze verify`;
- stretchbot.env.example against the settings the bot really reads (`bot.config.Settings`).
"""

from __future__ import annotations

import configparser
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import dockerfile
import pytest
import yaml
from check_jsonschema.builtin_schemas import get_builtin_schema
from jsonschema.validators import validator_for
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pydantic import AliasChoices, TypeAdapter
from sqlalchemy.engine import make_url

from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "compose.yaml"
UNIT = DEPLOY / "stretchbot.service"
ENV_EXAMPLE = DEPLOY / "stretchbot.env.example"

Commands = Sequence[dockerfile.Command]
Rule = Callable[[Commands, Path], list[str]]


# --- Dockerfile: parsing helpers --------------------------------------------------------------


def parse_dockerfile(text: str) -> tuple[dockerfile.Command, ...]:
    """Docker's own parser (buildkit's, via the `dockerfile` package)."""
    return dockerfile.parse_string(text)


def instruction(command: dockerfile.Command) -> str:
    return command.cmd.upper()


def stages(commands: Commands) -> list[list[dockerfile.Command]]:
    """The build stages: each starts at a FROM (global ARGs before the first FROM are dropped)."""
    result: list[list[dockerfile.Command]] = []
    for command in commands:
        if instruction(command) == "FROM":
            result.append([command])
        elif result:
            result[-1].append(command)
    return result


def stage_name(from_command: dockerfile.Command) -> str | None:
    value = from_command.value
    return value[2] if len(value) >= 3 and value[1].upper() == "AS" else None


def where(command: dockerfile.Command) -> str:
    return f"line {command.start_line}: {command.original.splitlines()[0]}"


def env_of(stage: Sequence[dockerfile.Command]) -> dict[str, str]:
    """ENV settings of one stage (`ENV A=1 B=2` and the old `ENV A 1` alike)."""
    env: dict[str, str] = {}
    for command in stage:
        if instruction(command) == "ENV":
            pairs = command.value
            env.update(zip(pairs[::2], pairs[1::2], strict=True))
    return env


def dockerignore_patterns(context: Path) -> list[str]:
    path = context / ".dockerignore"
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern (Go filepath.Match plus `**`) as a regular expression."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def dockerignored(path: str, patterns: Sequence[str]) -> bool:
    """Whether .dockerignore keeps `path` (or a folder above it) out of the build context."""
    parts = path.strip("/").split("/")
    excluded = False
    for raw in patterns:
        negate = raw.startswith("!")
        regex = _glob_regex(raw.lstrip("!").strip("/"))
        prefixes = ("/".join(parts[:n]) for n in range(1, len(parts) + 1))
        if any(regex.match(prefix) for prefix in prefixes):
            excluded = not negate
    return excluded


# --- Dockerfile: the rules (each returns the problems it found, empty when fine) ---------------


def rule_base_images_pinned(commands: Commands, context: Path) -> list[str]:
    """Every FROM names an image with an explicit tag other than `latest` (or a digest)."""
    problems = []
    seen_stages: set[str] = set()
    for stage in stages(commands):
        image = stage[0].value[0]
        earlier_stage = image in seen_stages
        seen_stages.add(stage_name(stage[0]) or "")
        if earlier_stage or image == "scratch" or "@sha256:" in image:
            continue
        tag = image.rsplit("/", 1)[-1].partition(":")[2]  # a registry's :port is not a tag
        if not tag:
            problems.append(f"{where(stage[0])}: base image has no tag")
        elif tag == "latest":
            problems.append(f"{where(stage[0])}: base image tagged `latest`")
    return problems


def rule_final_stage_not_root(commands: Commands, context: Path) -> list[str]:
    """The final stage switches to a non-root USER."""
    final = stages(commands)[-1]
    users = [command for command in final if instruction(command) == "USER"]
    if not users:
        return ["final stage has no USER: the container runs as root"]
    user = users[-1].value[0].split(":", 1)[0]
    if user in {"root", "0"}:
        return [f"{where(users[-1])}: the container runs as root"]
    return []


def rule_has_healthcheck(commands: Commands, context: Path) -> list[str]:
    """The final stage has a HEALTHCHECK (and not `HEALTHCHECK NONE`)."""
    final = stages(commands)[-1]
    checks = [command for command in final if instruction(command) == "HEALTHCHECK"]
    if not checks or checks[-1].value[0].upper() == "NONE":
        return ["final stage has no HEALTHCHECK"]
    return []


PIP_INSTALL = re.compile(r"\bpip[0-9.]*\s+install\b")


def rule_pip_no_cache_dir(commands: Commands, context: Path) -> list[str]:
    """Every `pip install` says --no-cache-dir (the cache only bloats the image)."""
    problems = []
    for command in commands:
        if instruction(command) != "RUN":
            continue
        script = " ".join(command.value)
        for part in re.split(r"&&|\|\||;|\|", script):
            if PIP_INSTALL.search(part) and "--no-cache-dir" not in part:
                problems.append(f"{where(command)}: pip install without --no-cache-dir")
    return problems


def rule_copy_not_add(commands: Commands, context: Path) -> list[str]:
    """COPY, not ADD (ADD also fetches URLs and unpacks archives)."""
    return [f"{where(c)}: use COPY instead of ADD" for c in commands if instruction(c) == "ADD"]


def rule_exec_form(commands: Commands, context: Path) -> list[str]:
    """ENTRYPOINT and CMD in exec (JSON) form, so SIGTERM reaches the bot, not a shell."""
    return [
        f"{where(c)}: {instruction(c)} in shell form; use JSON form"
        for c in commands
        if instruction(c) in {"ENTRYPOINT", "CMD"} and not c.json
    ]


def rule_copy_sources_exist(commands: Commands, context: Path) -> list[str]:
    """Every COPY from the build context names something that exists and is not .dockerignored."""
    problems = []
    ignored = dockerignore_patterns(context)
    for command in commands:
        if instruction(command) != "COPY" or command.heredocs:
            continue
        if any(flag.startswith("--from") for flag in command.flags):
            continue
        for source in command.value[:-1]:
            relative = source.lstrip("/")
            found = list(context.glob(relative)) if any(ch in relative for ch in "*?[") else []
            if not found and not (context / relative).exists():
                problems.append(f"{where(command)}: {source} does not exist in the build context")
            elif dockerignored(relative, ignored):
                problems.append(f"{where(command)}: {source} is excluded by .dockerignore")
    return problems


RULES: list[Rule] = [
    rule_base_images_pinned,
    rule_final_stage_not_root,
    rule_has_healthcheck,
    rule_pip_no_cache_dir,
    rule_copy_not_add,
    rule_exec_form,
    rule_copy_sources_exist,
]

GOOD_TAIL = (
    "USER app\n"
    'HEALTHCHECK CMD ["python", "-c", "print()"]\n'
    'ENTRYPOINT ["stretchbot"]\n'
    'CMD ["run"]\n'
)

# Each snippet breaks one rule and keeps the others.
BAD_SNIPPETS: list[tuple[Rule, str]] = [
    (rule_base_images_pinned, "FROM python\n" + GOOD_TAIL),
    (rule_base_images_pinned, "FROM python:latest\n" + GOOD_TAIL),
    (rule_base_images_pinned, "FROM python:3.11-slim AS b\nFROM b\nFROM debian\n" + GOOD_TAIL),
    (rule_final_stage_not_root, "FROM python:3.11-slim\n" + GOOD_TAIL.replace("USER app\n", "")),
    (rule_final_stage_not_root, "FROM python:3.11-slim\n" + GOOD_TAIL + "USER root\n"),
    (
        rule_final_stage_not_root,
        "FROM python:3.11-slim AS b\nUSER app\nFROM python:3.11-slim\n"
        + GOOD_TAIL.replace("USER app\n", ""),
    ),
    (rule_has_healthcheck, 'FROM python:3.11-slim\nUSER app\nCMD ["run"]\n'),
    (rule_has_healthcheck, "FROM python:3.11-slim\n" + GOOD_TAIL + "HEALTHCHECK NONE\n"),
    (rule_pip_no_cache_dir, "FROM python:3.11-slim\nRUN pip install .\n" + GOOD_TAIL),
    (
        rule_pip_no_cache_dir,
        "FROM python:3.11-slim\nRUN pip install --no-cache-dir a && /v/bin/pip3 install b\n"
        + GOOD_TAIL,
    ),
    (rule_copy_not_add, "FROM python:3.11-slim\nADD bot /app/bot\n" + GOOD_TAIL),
    (rule_exec_form, "FROM python:3.11-slim\n" + GOOD_TAIL + "ENTRYPOINT stretchbot\n"),
    (rule_exec_form, "FROM python:3.11-slim\n" + GOOD_TAIL + "CMD run\n"),
    (rule_copy_sources_exist, "FROM python:3.11-slim\nCOPY contnet /app/content\n" + GOOD_TAIL),
    (rule_copy_sources_exist, "FROM python:3.11-slim\nCOPY tests /app/tests\n" + GOOD_TAIL),
]


@pytest.fixture(scope="module")
def image() -> tuple[dockerfile.Command, ...]:
    return parse_dockerfile(DOCKERFILE.read_text())


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__.removeprefix("rule_"))
def test_dockerfile_follows_the_image_rules(
    image: tuple[dockerfile.Command, ...], rule: Rule
) -> None:
    assert rule(image, ROOT) == []


@pytest.mark.parametrize(
    ("rule", "snippet"),
    BAD_SNIPPETS,
    ids=[f"{rule.__name__.removeprefix('rule_')}-{n}" for n, (rule, _) in enumerate(BAD_SNIPPETS)],
)
def test_each_image_rule_rejects_a_dockerfile_that_breaks_it(rule: Rule, snippet: str) -> None:
    commands = parse_dockerfile(snippet)
    assert rule(commands, ROOT), f"{rule.__name__} let this through:\n{snippet}"
    others = [other for other in RULES if other is not rule]
    assert [problem for other in others for problem in other(commands, ROOT)] == []


def test_dockerignore_matching_follows_docker_semantics() -> None:
    patterns = ["data", "**/__pycache__", "*.egg-info", "deploy/*.env", "docs", "!docs/keep.md"]
    assert dockerignored("data/stretchbot.db", patterns)
    assert not dockerignored("bot/data.py", patterns)
    assert dockerignored("bot/store/__pycache__/db.cpython-311.pyc", patterns)
    assert dockerignored("stretchbot.egg-info/PKG-INFO", patterns)
    assert dockerignored("deploy/stretchbot.env", patterns)
    assert not dockerignored("deploy/stretchbot.env.example", patterns)
    assert dockerignored("docs/other.md", patterns)
    assert not dockerignored("docs/keep.md", patterns)


def test_image_is_built_in_a_builder_stage_and_runs_from_the_copied_venv(
    image: tuple[dockerfile.Command, ...],
) -> None:
    builder, runtime = stages(image)
    # The venv's python is a symlink into the base image: both stages must use the same one.
    assert builder[0].value[0] == runtime[0].value[0]
    assert runtime[0].value[0].startswith("python:3.11.")
    copies = [c for c in runtime if instruction(c) == "COPY" and c.flags]
    assert ("--from=builder", "/opt/venv") in [(c.flags[0], c.value[0]) for c in copies]
    assert env_of(runtime)["PATH"].startswith("/opt/venv/bin:")
    for stage in (builder, runtime):
        assert env_of(stage)["PYTHONDONTWRITEBYTECODE"] == "1"
        assert env_of(stage)["PYTHONUNBUFFERED"] == "1"


def test_container_starts_stretchbot_run_with_the_baked_in_content(
    image: tuple[dockerfile.Command, ...],
) -> None:
    runtime = stages(image)[-1]
    last = {instruction(c): c for c in runtime}
    assert last["ENTRYPOINT"].value == ("stretchbot",)
    assert last["CMD"].value == ("run",)
    content_copy = [c for c in runtime if instruction(c) == "COPY" and c.value[0] == "content"]
    assert len(content_copy) == 1
    target = content_copy[0].value[-1].rstrip("/")
    assert env_of(runtime)["STRETCHBOT_CONTENT_DIR"] == target


def test_container_health_check_calls_healthz_on_the_exposed_port(
    image: tuple[dockerfile.Command, ...],
) -> None:
    runtime = stages(image)[-1]
    last = {instruction(c): c for c in runtime}
    assert last["EXPOSE"].value == ("8080",)
    check = last["HEALTHCHECK"]
    assert check.json
    assert check.value[:3] == ("CMD", "python", "-c")
    script = check.value[3]
    assert "urllib.request" in script
    assert "http://127.0.0.1:" in script
    assert "/healthz" in script
    assert "'8080'" in script  # the default of STRETCHBOT_HTTP_PORT, the exposed port


# --- compose.yaml -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return data


def compose_errors(document: Any) -> list[str]:
    """Problems found by the Compose Specification schema (check-jsonschema's vendored copy)."""
    schema = get_builtin_schema("vendor.compose-spec")
    validator = validator_for(schema)
    validator.check_schema(schema)
    return [f"{e.json_path}: {e.message}" for e in validator(schema).iter_errors(document)]


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def uninterpolated(value: str) -> str:
    """Compose's ${VAR...} interpolations replaced by a placeholder."""
    return re.sub(r"\$\{[^}]*\}", "x", value)


def undeclared_volumes(document: dict[str, Any]) -> list[str]:
    """Named volumes that services mount but the top-level `volumes:` does not declare."""
    declared = set(document.get("volumes") or {})
    missing = []
    for name, service in (document.get("services") or {}).items():
        for volume in service.get("volumes") or []:
            if isinstance(volume, str):
                source = volume.split(":", 1)[0] if ":" in volume else None
            else:
                source = volume.get("source") if volume.get("type") == "volume" else None
            if source and not source.startswith(("/", ".", "~", "$")) and source not in declared:
                missing.append(f"{name}: {source}")
    return missing


def test_compose_file_is_valid_by_the_compose_specification(compose: dict[str, Any]) -> None:
    assert compose_errors(compose) == []


def test_compose_schema_check_rejects_a_misspelt_key() -> None:
    assert compose_errors({"services": {"bot": {"imgae": "stretchbot"}}})


def test_compose_bot_uses_the_db_service_once_it_is_healthy(compose: dict[str, Any]) -> None:
    services = compose["services"]
    bot, db = services["bot"], services["db"]
    url = make_url(uninterpolated(environment(bot)["DATABASE_URL"]))
    assert url.drivername == "postgresql+asyncpg"
    assert url.host == "db"
    assert url.host in services
    db_env = environment(db)
    assert url.username == db_env["POSTGRES_USER"]
    assert url.database == db_env["POSTGRES_DB"]
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert db["image"].startswith("postgres:16.")
    assert bot["restart"] == db["restart"] == "unless-stopped"
    assert "deploy" not in bot  # scaling is `--scale bot=N`, see the comment in compose.yaml


def test_compose_builds_the_image_from_this_dockerfile(compose: dict[str, Any]) -> None:
    build = compose["services"]["bot"]["build"]
    context = (COMPOSE.parent / build["context"]).resolve()
    assert context == ROOT
    assert (context / build["dockerfile"]).resolve() == DOCKERFILE
    assert any(p.endswith(":8080") for p in compose["services"]["bot"]["ports"])


def test_compose_env_file_comes_from_the_example(compose: dict[str, Any]) -> None:
    env_file = compose["services"]["bot"]["env_file"]
    assert (COMPOSE.parent / f"{env_file}.example").resolve() == ENV_EXAMPLE


def test_compose_named_volumes_are_declared(compose: dict[str, Any]) -> None:
    assert undeclared_volumes(compose) == []
    assert compose["volumes"]  # the database lives in a named volume, not in the container


def test_compose_volume_check_rejects_an_undeclared_volume() -> None:
    document = {"services": {"db": {"volumes": ["pgdata:/var/lib/postgresql/data", "./x:/x"]}}}
    assert undeclared_volumes(document) == ["db: pgdata"]


# --- the systemd unit -------------------------------------------------------------------------


class UnitParser(configparser.RawConfigParser):
    """systemd unit syntax is close to INI; keys are case-sensitive and may repeat."""

    def __init__(self) -> None:
        super().__init__(strict=False, delimiters=("=",), interpolation=None)

    def optionxform(self, optionstr: str) -> str:
        return optionstr


@pytest.fixture(scope="module")
def unit() -> configparser.RawConfigParser:
    parser = UnitParser()
    parser.read_string(UNIT.read_text())
    return parser


def test_systemd_unit_runs_the_bot_as_its_own_user_with_restarts(
    unit: configparser.RawConfigParser,
) -> None:
    service = unit["Service"]
    assert service["User"] == "stretchbot"
    assert service["WorkingDirectory"] == "/opt/stretchbot"
    assert service["EnvironmentFile"] == "/etc/stretchbot/stretchbot.env"
    assert service["ExecStartPre"].endswith("/stretchbot db upgrade")
    assert service["ExecStart"].endswith("/stretchbot run")
    assert service["Restart"] == "on-failure"
    assert service["KillSignal"] == "SIGTERM"
    assert service["TimeoutStopSec"] == "30"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_systemd_unit_is_hardened_and_keeps_sqlite_in_its_state_directory(
    unit: configparser.RawConfigParser,
) -> None:
    service = unit["Service"]
    for key in ("NoNewPrivileges", "PrivateTmp", "ProtectHome"):
        assert service[key] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["StateDirectory"] == "stretchbot"
    # configparser with strict=False keeps the last of repeated keys; read them all.
    environment = re.findall(r"^Environment=(\S+?)=(\S+)$", UNIT.read_text(), re.MULTILINE)
    assert ("STRETCHBOT_DATA_DIR", "/var/lib/stretchbot") in environment


def test_bot_gets_as_long_to_finish_its_work_under_compose_as_under_systemd(
    unit: configparser.RawConfigParser, compose: dict[str, Any]
) -> None:
    seconds = unit["Service"]["TimeoutStopSec"]
    assert compose["services"]["bot"]["stop_grace_period"] == f"{seconds}s"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_analyze_accepts_the_unit(tmp_path: Path) -> None:
    # `verify` insists that the commands exist: point them at this checkout's stretchbot.
    here = Path(sys.executable).with_name("stretchbot")
    command = str(here if here.exists() else Path(sys.executable))
    text = UNIT.read_text().replace("/opt/stretchbot/.venv/bin/stretchbot", command)
    path = tmp_path / UNIT.name
    path.write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "SYSTEMD_LOG_COLOR": "0"},
    )
    about_ours = [line for line in result.stderr.splitlines() if UNIT.name in line]
    assert result.returncode == 0, result.stderr
    assert about_ours == []  # unknown keys and bad values are only warnings there


# --- the env example --------------------------------------------------------------------------

SETTING_PREFIXES = ("STRETCHBOT_", "TELEGRAM_", "DATABASE_")


def settings_env_names() -> dict[str, str]:
    """Environment variable -> Settings field, for every setting the bot reads."""
    prefix = Settings.model_config.get("env_prefix", "")
    names = {}
    for field_name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            choices = [c for c in alias.choices if isinstance(c, str) and c.isupper()]
            names[choices[0]] = field_name
        else:
            names[f"{prefix}{field_name}".upper()] = field_name
    return names


def example_entries() -> list[tuple[str, str]]:
    """KEY=value lines of the example, set or commented out."""
    pattern = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$")
    matches = (pattern.match(line) for line in ENV_EXAMPLE.read_text().splitlines())
    return [(m[1], m[2]) for m in matches if m]


def test_env_example_documents_every_setting_the_bot_reads() -> None:
    documented = {key for key, _ in example_entries()}
    missing = sorted(set(settings_env_names()) - documented)
    assert missing == [], f"add these to {ENV_EXAMPLE.name}, with a comment"


def test_env_example_names_no_setting_the_bot_does_not_read() -> None:
    known = set(settings_env_names())
    keys = {key for key, _ in example_entries() if key.startswith(SETTING_PREFIXES)}
    assert sorted(keys - known) == []


def test_env_example_shows_the_real_defaults() -> None:
    names = settings_env_names()
    for key, value in example_entries():
        if key not in names:
            continue
        field = Settings.model_fields[names[key]]
        if field.default is None or field.default_factory is not None:
            continue  # an example value, not a default
        assert TypeAdapter(field.annotation).validate_python(value) == field.default, key


def test_env_example_holds_no_real_token() -> None:
    entries = dict(example_entries())
    assert not re.fullmatch(r"\d+:[A-Za-z0-9_-]{30,}", entries["TELEGRAM_BOT_TOKEN"])
    assert entries["TELEGRAM_BOT_TOKEN"].startswith("replace-with")


def test_deploy_files_set_only_settings_the_bot_reads(
    image: tuple[dockerfile.Command, ...], compose: dict[str, Any]
) -> None:
    known = set(settings_env_names())
    used = set(env_of(stages(image)[-1]))
    used |= set(environment(compose["services"]["bot"]))
    used |= set(re.findall(r"^Environment=([A-Z_]+)=", UNIT.read_text(), re.MULTILINE))
    assert sorted(k for k in used if k.startswith(SETTING_PREFIXES) and k not in known) == []


# --- the lock file: what the image installs -------------------------------------------------

LOCK = DEPLOY / "requirements.lock"
LOCK_INPUTS = DEPLOY / "requirements.in"
PYPROJECT = ROOT / "pyproject.toml"
# The image's interpreter (deploy/Dockerfile): the lock is checked for it.
IMAGE_PYTHON = {
    "python_version": "3.11", "python_full_version": "3.11.14", "sys_platform": "linux",
    "platform_system": "Linux", "platform_machine": "x86_64", "os_name": "posix",
    "implementation_name": "cpython", "platform_python_implementation": "CPython",
}  # fmt: skip
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked_pins(text: str) -> tuple[dict[str, str], list[str]]:
    """{name: version} for the image's Python, and the pins that carry no hash."""
    pins: dict[str, str] = {}
    unhashed: list[str] = []
    lines = text.splitlines()
    for number, line in enumerate(lines):
        match = PIN.match(line)
        if not match:
            continue
        name, version, marker = match[1], match[2], match[3]
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if "--hash=sha256:" not in following:
            unhashed.append(name)
        if marker is None or Marker(marker).evaluate(IMAGE_PYTHON):
            pins[canonicalize_name(name)] = version
    return pins, unhashed


def lock_problems(requirements: Sequence[str], text: str) -> list[str]:
    """What `requirements` (with their extras, one level down) need and the lock lacks."""
    pins, unhashed = locked_pins(text)
    problems = [f"{name} has no hash" for name in unhashed]
    needed = [Requirement(r) for r in requirements]
    for requirement in list(needed):
        for extra in requirement.extras:  # e.g. python-telegram-bot[job-queue] -> apscheduler
            for line in importlib.metadata.requires(requirement.name) or []:
                inner = Requirement(line)
                if inner.marker and inner.marker.evaluate(IMAGE_PYTHON | {"extra": extra}):
                    inner.marker = None  # needed: checked below like a direct dependency
                    needed.append(inner)
    for requirement in needed:
        if requirement.marker and not requirement.marker.evaluate(IMAGE_PYTHON | {"extra": ""}):
            continue
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in the lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} does not meet {requirement}")
    return problems


def pyproject() -> dict[str, Any]:
    return tomllib.loads(PYPROJECT.read_text())


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    project = pyproject()
    build = project["build-system"]["requires"]
    inputs = [
        line for line in LOCK_INPUTS.read_text().splitlines() if line and not line.startswith("#")
    ]
    assert (
        lock_problems([*project["project"]["dependencies"], *build, *inputs], LOCK.read_text())
        == []
    )


def test_the_lock_check_notices_a_missing_or_stale_pin() -> None:
    text = LOCK.read_text()
    without_aiohttp = re.sub(r"(?m)^aiohttp==.*$", "", text)
    assert "aiohttp is not in the lock" in lock_problems(["aiohttp>=3.14.3"], without_aiohttp)
    assert any("does not meet" in p for p in lock_problems(["aiohttp>=99"], text))
    assert any("apscheduler" in p for p in lock_problems(
        ["python-telegram-bot[job-queue]"], re.sub(r"(?m)^apscheduler==.*$", "", text)
    ))  # fmt: skip
    unhashed = "aiohttp==3.14.5\n    # via stretchbot\n"
    assert lock_problems(["aiohttp"], unhashed) == ["aiohttp has no hash"]


def test_the_image_installs_exactly_the_lock(image: tuple[dockerfile.Command, ...]) -> None:
    builder = stages(image)[0]
    installs = [
        " ".join(c.value) for c in builder if instruction(c) == "RUN" and "pip" in c.value[0]
    ]
    assert "--require-hashes -r deploy/requirements.lock" in installs[0]
    # stretchbot itself last, adding nothing: no dependency and no build backend from elsewhere.
    assert "--no-deps" in installs[-1]
    assert "--no-build-isolation" in installs[-1]
    assert all("--require-hashes" in i or "--no-deps" in i for i in installs)


def test_the_package_metadata_builds_without_deprecation_noise() -> None:
    project = pyproject()
    assert project["project"]["license"] == "MIT"  # the SPDX string, not a table
    backend = Requirement(project["build-system"]["requires"][0])
    assert backend.name == "setuptools"
    assert not backend.specifier.contains("76.1.0")  # SPDX strings need setuptools >= 77
    aiohttp = next(Requirement(r) for r in project["project"]["dependencies"] if "aiohttp" in r)
    assert not aiohttp.specifier.contains("3.14.2")  # GHSA-cq5v-8q36-5273 was fixed in 3.14.3
