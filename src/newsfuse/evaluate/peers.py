"""Peer summarizers run on the same clusters in the same harness: a lead baseline and sumy's classics.

sumy needs a sentence and word tokenizer; NLTK's punkt data cannot be downloaded here, so sumy gets ours
(Blingfire sentences, regex words), which needs no data. Each peer ranks sentences its own way; we take
the best-rated sentences until the word budget is reached and put them in document order, as sumy does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import blingfire

from newsfuse import errors

_WORD = re.compile(r"\w+(?:['’-]\w+)*")

PeerSummarizer = Callable[[Sequence[str], int], str]


class BlingfireTokenizer:
    """The tokenizer interface sumy's parsers expect, with no downloaded data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s for s in blingfire.text_to_sentences(paragraph).split("\n") if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def lead(documents: Sequence[str], words: int) -> str:
    """The first sentences of the documents, taken in turn (first of each, then second of each…)."""
    tokenizer = BlingfireTokenizer()
    per_doc = [[s for p in d.split("\n") for s in tokenizer.to_sentences(p)] for d in documents]
    out: list[str] = []
    count = 0
    for rank in range(max((len(s) for s in per_doc), default=0)):
        for sentences in per_doc:
            if rank < len(sentences) and count < words:
                out.append(sentences[rank])
                count += len(sentences[rank].split())
    return " ".join(out)


def _sumy(name: str) -> PeerSummarizer:
    def summarize(documents: Sequence[str], words: int) -> str:
        try:
            from sumy.nlp.stemmers import Stemmer
            from sumy.parsers.plaintext import PlaintextParser
            from sumy.summarizers.lex_rank import LexRankSummarizer
            from sumy.summarizers.lsa import LsaSummarizer
            from sumy.summarizers.luhn import LuhnSummarizer
            from sumy.summarizers.sum_basic import SumBasicSummarizer
            from sumy.summarizers.text_rank import TextRankSummarizer
            from sumy.utils import get_stop_words
        except ImportError as exc:
            raise errors.missing_extra(f"the {name} peer", "bench") from exc
        classes: dict[str, Any] = {
            "lexrank": LexRankSummarizer,
            "textrank": TextRankSummarizer,
            "lsa": LsaSummarizer,
            "luhn": LuhnSummarizer,
            "sumbasic": SumBasicSummarizer,
        }
        text = "\n\n".join(" ".join(d.split()) for d in documents)
        parser = PlaintextParser.from_string(text, BlingfireTokenizer())
        summarizer = classes[name](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")

        def until_budget(ranked: list[Any]) -> list[Any]:
            chosen, total = [], 0
            for info in ranked:
                if total >= words:
                    break
                chosen.append(info)
                total += len(str(info.sentence).split())
            return chosen

        return " ".join(str(s) for s in summarizer(parser.document, until_budget))

    return summarize


PEERS: Mapping[str, PeerSummarizer] = {
    "lead": lead,
    **{name: _sumy(name) for name in ("lexrank", "textrank", "lsa", "luhn", "sumbasic")},
}
