"""One settings object. Defaults live, with a comment each, in ``defaults.toml``; a user's TOML file and
keyword overrides (the CLI's flags) are layered on top. Unknown keys and bad values fail at once."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from newsfuse import errors

DEFAULTS: dict[str, Any] = tomllib.loads(resources.files("newsfuse").joinpath("defaults.toml").read_text())

SIMILARITY_BACKENDS = ("lexical", "embeddings", "auto")
NER_BACKENDS = ("auto", "spacy", "rules")


@dataclass(frozen=True)
class Settings:
    words: int = DEFAULTS["words"]
    query: str = DEFAULTS["query"]
    since: str = DEFAULTS["since"]
    selector: str = DEFAULTS["selector"]
    similarity: str = DEFAULTS["similarity"]
    embedding_similarity: float = DEFAULTS["embedding_similarity"]
    max_input_bytes: int = DEFAULTS["max_input_bytes"]
    min_english_share: float = DEFAULTS["min_english_share"]
    duplicate_jaccard: float = DEFAULTS["duplicate_jaccard"]
    duplicate_containment: float = DEFAULTS["duplicate_containment"]
    fact_similarity: float = DEFAULTS["fact_similarity"]
    fact_paraphrase_similarity: float = DEFAULTS["fact_paraphrase_similarity"]
    fact_paraphrase_shared: int = DEFAULTS["fact_paraphrase_shared"]
    min_sentence_words: int = DEFAULTS["min_sentence_words"]
    max_sentence_words: int = DEFAULTS["max_sentence_words"]
    mmr_lambda: float = DEFAULTS["mmr_lambda"]
    coverage_redundancy: float = DEFAULTS["coverage_redundancy"]
    query_weight: float = DEFAULTS["query_weight"]
    key_facts: int = DEFAULTS["key_facts"]
    ner: str = DEFAULTS["ner"]
    analysis: bool = DEFAULTS["analysis"]
    allow_network: bool = DEFAULTS["allow_network"]
    fetch_timeout: float = DEFAULTS["fetch_timeout"]
    fetch_max_bytes: int = DEFAULTS["fetch_max_bytes"]

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            _check_type(f.name, getattr(self, f.name), f.type)
        for name in (
            "words",
            "max_input_bytes",
            "min_sentence_words",
            "max_sentence_words",
            "fetch_max_bytes",
            "fact_paraphrase_shared",
        ):
            if getattr(self, name) < 1:
                raise errors.bad_setting(name, getattr(self, name), "a positive integer")
        for name in (
            "min_english_share",
            "duplicate_jaccard",
            "duplicate_containment",
            "fact_similarity",
            "fact_paraphrase_similarity",
            "mmr_lambda",
            "coverage_redundancy",
            "query_weight",
            "embedding_similarity",
        ):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise errors.bad_setting(name, getattr(self, name), "a number between 0 and 1")
        if self.since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.since):
            raise errors.bad_setting("since", self.since, "an ISO day such as 2026-03-04")
        if self.key_facts < 0:
            raise errors.bad_setting("key_facts", self.key_facts, "zero or a positive integer")
        if self.ner not in NER_BACKENDS:
            raise errors.unknown_name("ner backend", self.ner, NER_BACKENDS)
        if self.similarity not in SIMILARITY_BACKENDS:
            raise errors.unknown_name("similarity backend", self.similarity, SIMILARITY_BACKENDS)
        from newsfuse.registry import SELECTORS  # late: the registry imports the stages, which import us

        if self.selector not in SELECTORS:
            raise errors.unknown_name("selector", self.selector, SELECTORS)

    @classmethod
    def load(cls, config: str | Path | None = None, **overrides: Any) -> Settings:
        """Defaults, then the TOML file ``config`` (if given), then ``overrides`` (``None`` values are skipped)."""
        values: dict[str, Any] = {}
        if config is not None:
            try:
                values.update(tomllib.loads(Path(config).read_text(encoding="utf-8")))
            except OSError as exc:
                raise errors.ConfigError(f"cannot read config file {str(config)!r}: {exc.strerror}.") from exc
            except tomllib.TOMLDecodeError as exc:
                raise errors.ConfigError(f"config file {str(config)!r} is not valid TOML: {exc}.") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        valid = {f.name for f in dataclasses.fields(cls)}
        for key in values:
            if key not in valid:
                raise errors.unknown_setting(key, valid)
        return cls(**values)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _check_type(name: str, value: object, annotation: object) -> None:
    types: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "str": str, "bool": bool}
    expected = types[str(annotation)]
    if isinstance(value, bool) and annotation != "bool":
        raise errors.bad_setting(name, value, str(annotation))
    if not isinstance(value, expected):
        raise errors.bad_setting(name, value, f"a value of type {annotation}")
