"""The one catalogue of errors a user can meet. Each message names the offending value and the fix."""

from __future__ import annotations

from collections.abc import Iterable


class NewsfuseError(Exception):
    """Base class: every error newsfuse raises on purpose is one of these."""


class InputError(NewsfuseError):
    """An input path, file or dataset cannot be used at all (per-document problems are data, not errors)."""


class ConfigError(NewsfuseError):
    """A setting has an unknown name or an invalid value."""


class BackendUnavailable(NewsfuseError):
    """An optional backend was asked for but its extra is not installed."""


def no_such_input(path: str) -> InputError:
    return InputError(f"input not found: {path!r}. Give existing files, folders, globs, or '-' for stdin.")


def no_glob_match(pattern: str) -> InputError:
    return InputError(f"no files match {pattern!r}. Check the pattern, or quote it so the shell does not.")


def url_needs_network(url: str) -> InputError:
    return InputError(f"{url!r} is a URL; fetching is off. Add --allow-network to fetch it.")


def unknown_setting(name: str, valid: Iterable[str]) -> ConfigError:
    return ConfigError(f"unknown setting {name!r}; valid settings are: {', '.join(sorted(valid))}.")


def bad_setting(name: str, value: object, expected: str) -> ConfigError:
    return ConfigError(f"setting {name!r} expects {expected}, got {value!r}.")


def unknown_name(kind: str, name: str, valid: Iterable[str]) -> ConfigError:
    return ConfigError(f"unknown {kind} {name!r}; choose one of: {', '.join(sorted(valid))}.")


def missing_extra(what: str, extra: str) -> BackendUnavailable:
    return BackendUnavailable(
        f"{what} needs the '{extra}' extra. Install it with: pip install 'newsfuse[{extra}]'"
    )


def nothing_to_brief() -> InputError:
    return InputError("no input documents were given. Pass files, folders, globs or '-' for stdin.")


def describe_crash(stage: str, exc: BaseException) -> str:
    """The source-table reason for a document that crashed a stage (a bug, reported, never hidden)."""
    return f"internal error in {stage}: {type(exc).__name__}: {exc} (please report this document)"
