"""The local web app: upload files, paste text or give URLs, and read the briefing (``newsfuse serve``)."""

from newsfuse.web.app import create_app

__all__ = ["create_app"]
