"""Load, validate and cross-check the knowledge base (the data lives in ``knowledge/``)."""

from twitchcare.kb.loader import load_kb
from twitchcare.kb.models import KnowledgeBase

__all__ = ["KnowledgeBase", "load_kb"]
