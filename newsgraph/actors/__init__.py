"""Actors: the registry of who can act, and resolution of text to actors."""

from .registry import Actor, Registry, Role, default_registry, load_registry
from .resolve import ArgResolver, Span, find_mentions

__all__ = ["Actor", "ArgResolver", "Registry", "Role", "Span", "default_registry", "find_mentions", "load_registry"]
