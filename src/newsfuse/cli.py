"""The ``newsfuse`` command: a thin layer that parses arguments into ``Settings`` and calls the library.

Exit codes: 0 every input was used (copies included); 1 some input was rejected; 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsfuse import __version__, brief
from newsfuse.errors import NewsfuseError
from newsfuse.settings import Settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except NewsfuseError as exc:
        print(f"newsfuse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfuse", description="Fuse news coverage into one attributed briefing."
    )
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("brief", help="brief documents about one event")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, '-' for stdin, or URLs")
    _common(p)
    p.add_argument(
        "--format", choices=("md", "json", "html"), default="md", help="output format (default: md)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--allow-network", action="store_true", help="fetch inputs given as URLs")
    p.add_argument(
        "--seen",
        nargs="+",
        default=[],
        metavar="PATH",
        help="documents already read: summarize only what is new",
    )
    p.add_argument(
        "--since", metavar="DATE", help="documents dated before this ISO day count as already read"
    )
    p.set_defaults(run=_brief)

    p = commands.add_parser("batch", help="brief every cluster of a JSONL dataset")
    p.add_argument("dataset", metavar="DATASET.jsonl")
    _common(p)
    p.add_argument("-o", "--output", metavar="PRED.jsonl", required=True, help="predictions file to write")
    p.add_argument("--jobs", type=int, default=1, metavar="J", help="parallel processes (default: 1)")
    p.add_argument("--full", action="store_true", help="include the whole briefing in each line")
    p.set_defaults(run=_batch)

    p = commands.add_parser("evaluate", help="ROUGE of newsfuse and its peers on a benchmark dataset")
    p.add_argument("dataset", metavar="DATASET.jsonl")
    p.add_argument("--words", type=int, required=True, metavar="N", help="cut every summary at N words")
    p.add_argument(
        "--pred", metavar="PRED.jsonl", help="score these newsfuse predictions instead of running it"
    )
    p.add_argument(
        "--systems",
        default="newsfuse",
        metavar="LIST",
        help="comma-separated: newsfuse,lead,lexrank,textrank,lsa,luhn,sumbasic",
    )
    p.add_argument(
        "--metric", choices=("recall", "f1"), default="f1", help="ROUGE recall or F1 (default: f1)"
    )
    p.add_argument("--per-cluster", metavar="FILE", help="write every cluster's scores here (JSONL)")
    p.add_argument("--jobs", type=int, default=1, metavar="J", help="parallel processes (default: 1)")
    p.add_argument("--limit", type=int, metavar="K", help="only the first K clusters")
    p.add_argument("--config", metavar="FILE", help="TOML file of settings for newsfuse")
    p.set_defaults(run=_evaluate)

    p = commands.add_parser("serve", help="start the local web app")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    p.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    p.add_argument("--allow-network", action="store_true", help="let the app fetch URLs it is given")
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="with --allow-network, also fetch local and private addresses",
    )
    p.set_defaults(run=_serve)

    _stories_commands(commands)

    p = commands.add_parser("info", help="show versions and usable backends")
    p.set_defaults(run=_info)
    return parser


def _stories_commands(commands: Any) -> None:
    p = commands.add_parser("stories", help="group a stream of articles into stories and brief them")
    stories = p.add_subparsers(dest="stories_command", required=True)

    def store_option(q: argparse.ArgumentParser) -> None:
        q.add_argument(
            "--store", default="news.duckdb", metavar="FILE", help="the story store (default: news.duckdb)"
        )

    def scheduler_option(q: argparse.ArgumentParser) -> None:
        q.add_argument("--scheduler", metavar="local|tcp://HOST:PORT", help="run on Dask (the dask extra)")

    q = stories.add_parser("ingest", help="add documents from JSONL files, folders or WARC archives")
    q.add_argument("inputs", nargs="+", metavar="INPUT")
    store_option(q)
    scheduler_option(q)
    q.set_defaults(run=_stories_ingest)

    q = stories.add_parser("list", help="the stories in the store")
    store_option(q)
    q.add_argument("--format", choices=("table", "json"), default="table")
    q.add_argument(
        "--min-size", type=int, default=1, metavar="N", help="only stories of at least N documents"
    )
    q.set_defaults(run=_stories_list)

    q = stories.add_parser("show", help="one story's briefing (made now if missing or out of date)")
    q.add_argument("story_id", metavar="ID")
    store_option(q)
    q.add_argument("--format", choices=("md", "json", "html"), default="md")
    q.add_argument("-o", "--output", metavar="FILE")
    q.set_defaults(run=_stories_show)

    q = stories.add_parser("brief", help="brief every story whose briefing is missing or out of date")
    q.add_argument("--all", action="store_true", required=True, help="every story (the only mode today)")
    store_option(q)
    scheduler_option(q)
    q.add_argument("--min-size", type=int, default=1, metavar="N")
    q.set_defaults(run=_stories_brief)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--words", type=int, metavar="N", help="summary word budget (default: 150)")
    p.add_argument("--query", metavar="TEXT", help="focus the summary on this topic")
    p.add_argument("--config", metavar="FILE", help="TOML file of settings (see defaults.toml)")


def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    return Settings.load(args.config, words=args.words, query=args.query, **extra)


def _brief(args: argparse.Namespace) -> int:
    from newsfuse.render import to_html, to_json, to_markdown

    settings = _settings(args, allow_network=args.allow_network or None, since=args.since)
    briefing = brief(args.inputs, settings=settings, seen=args.seen)
    text = {"json": to_json, "html": to_html, "md": to_markdown}[args.format](briefing)
    _write(text, args.output)
    rejected = [s for s in briefing.sources if s.status == "rejected"]
    for record in rejected:
        print(f"newsfuse: rejected {record.doc_id}: {record.reason}", file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newsfuse.batch import read_clusters, run_batch

    settings = _settings(args)
    if args.jobs < 1:
        raise NewsfuseError(f"--jobs expects a positive number, got {args.jobs}.")
    clusters = list(read_clusters(args.dataset))
    failed = 0
    with Path(args.output).open("w", encoding="utf-8") as out:
        results = run_batch(clusters, settings, jobs=args.jobs, full=args.full)
        for result in tqdm(results, total=len(clusters), desc="clusters", unit="cluster", file=sys.stderr):
            failed += "error" in result
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    print(
        f"newsfuse: {len(clusters) - failed} clusters briefed, {failed} failed -> {args.output}",
        file=sys.stderr,
    )
    return EXIT_REJECTED if failed else EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newsfuse.batch import read_clusters
    from newsfuse.evaluate.harness import evaluate, read_predictions
    from newsfuse.evaluate.report import format_report

    settings = Settings.load(args.config, words=args.words)
    clusters = list(read_clusters(args.dataset))[: args.limit]
    predictions = read_predictions(Path(args.pred), [str(c["id"]) for c in clusters]) if args.pred else None
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    report = None
    with contextlib.ExitStack() as stack:
        per_cluster = (
            stack.enter_context(Path(args.per_cluster).open("w", encoding="utf-8"))
            if args.per_cluster
            else None
        )
        rows = evaluate(
            clusters, systems, args.words, args.metric, settings, predictions, args.jobs, args.dataset
        )
        for row, running in tqdm(rows, total=len(clusters), desc="clusters", unit="cluster", file=sys.stderr):
            report = running
            if per_cluster:
                per_cluster.write(json.dumps(row) + "\n")
    if report is None:
        raise NewsfuseError(f"{args.dataset} holds no clusters to evaluate.")
    print(format_report(report, len(clusters)))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from newsfuse.web import create_app
    except ImportError as exc:
        from newsfuse.errors import missing_extra

        raise missing_extra("newsfuse serve", "web") from exc
    print(f"newsfuse: serving on http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    app = create_app(allow_network=args.allow_network, allow_private=args.allow_private)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def _stories_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newsfuse.stories import ingest
    from newsfuse.stories.engine import make_engine
    from newsfuse.stories.store import Store

    for item in args.inputs:
        if not Path(item).exists():
            raise NewsfuseError(f"input not found: {item!r}. Give JSONL files, folders or WARC archives.")
    store = Store(args.store)
    engine = make_engine(args.scheduler)
    try:
        with tqdm(desc="documents", unit="doc", file=sys.stderr) as bar:
            report = ingest(args.inputs, store, engine, progress=bar.update)
        stories = len(store.stories())
    finally:
        engine.close()
        store.close()
    print(
        f"newsfuse: added {report.added} documents ({report.copies} copies), {report.new_stories} new stories; "
        f"{stories} stories in {args.store}",
        file=sys.stderr,
    )
    for reason, count in sorted({**report.skipped, **report.notes}.items()):
        print(f"  {count:6d}  {reason}", file=sys.stderr)
    rejected = sum(n for reason, n in report.skipped.items() if reason != "already in the store")
    return EXIT_REJECTED if rejected else EXIT_OK


def _stories_list(args: argparse.Namespace) -> int:

    store = _existing_store(args.store)
    try:
        stories = store.stories(args.min_size)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({"stories": stories}, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    print(f"{'story':8} {'size':>4} {'copies':>6}  {'dates':23} {'outlets':30} title")
    for s in stories:
        dates = f"{s['first_date'] or '?'}..{s['last_date'] or '?'}" if s["first_date"] else "undated"
        outlets = ", ".join(s["outlets"] or [])[:30]
        title = " ".join(str(s["title"] or "").split())[:70]
        print(f"{s['id']:8} {s['size']:>4} {s['copies']:>6}  {dates:23} {outlets:30} {title}")
    return EXIT_OK


def _stories_show(args: argparse.Namespace) -> int:
    from newsfuse.render import to_html, to_markdown
    from newsfuse.render.json import from_dict
    from newsfuse.stories import brief_story

    store = _existing_store(args.store)
    try:
        docs = store.story_documents(args.story_id)
        saved = store.briefing(args.story_id)
        if saved and saved[0] == len(docs) and saved[1] == __version__:
            data = saved[2]
        else:
            data = brief_story(docs)
            store.save_briefing(args.story_id, len(docs), data)
    finally:
        store.close()
    if args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        briefing = from_dict(data)
        text = to_html(briefing) if args.format == "html" else to_markdown(briefing)
    _write(text, args.output)
    return EXIT_OK


def _stories_brief(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newsfuse.stories import brief_stories
    from newsfuse.stories.engine import make_engine

    store = _existing_store(args.store)
    engine = make_engine(args.scheduler)
    try:
        with tqdm(desc="stories", unit="story", file=sys.stderr) as bar:
            count = brief_stories(store, engine, args.min_size, progress=bar.update)
    finally:
        engine.close()
        store.close()
    print(f"newsfuse: briefed {count} stories in {args.store}", file=sys.stderr)
    return EXIT_OK


def _existing_store(path: str) -> Any:
    from newsfuse.stories.store import Store

    if not Path(path).exists():
        raise NewsfuseError(
            f"no store at {path!r}. Create it with: newsfuse stories ingest INPUT... --store {path}"
        )
    return Store(path)


def _info(args: argparse.Namespace) -> int:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    from newsfuse.registry import SELECTORS
    from newsfuse.settings import SIMILARITY_BACKENDS

    print(f"newsfuse {__version__} on Python {platform.python_version()}")
    print(f"selectors: {', '.join(SELECTORS)} (default {Settings().selector})")
    print(f"similarity backends: {', '.join(SIMILARITY_BACKENDS)}")
    from newsfuse.extract.entities import spacy_available

    ner = (
        "spaCy en_core_web_sm (ner extra)" if spacy_available() else "rules (install the ner extra for spaCy)"
    )
    print(f"named entities: {ner}")
    for package in ("trafilatura", "blingfire", "datasketch", "highspy", "spacy", "rouge-score", "sumy"):
        try:
            print(f"  {package} {version(package)}")
        except PackageNotFoundError:
            print(f"  {package}: not installed")
    return EXIT_OK


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    sys.exit(main())
